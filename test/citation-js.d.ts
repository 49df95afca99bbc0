/** citation-js ships no types; the test uses this much of it. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: unknown[];
    format(format: string, options?: object): string;
  }
}
declare module '@citation-js/plugin-csl';
