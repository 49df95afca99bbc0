/** The part of edtf.js (which ships no types) that marginalia uses. */
declare module 'edtf' {
  interface Extended {
    type: string;
    edtf: string;
    min: number;
    max: number;
  }
  export default function edtf(value: string): Extended;
}
