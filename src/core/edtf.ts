import edtf from 'edtf';

/** A value edtf.js accepts: no 31 February, no month 13, no interval ending before it starts. */
export function isEdtf(value: string): boolean {
  try {
    const parsed = edtf(value);
    return parsed.min <= parsed.max;
  } catch {
    return false;
  }
}
