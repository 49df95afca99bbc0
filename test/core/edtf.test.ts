import { describe, expect, it } from 'vitest';
import edtf from 'edtf';
import { isEdtf } from '../../src/core/edtf.js';

const direct = (value: string) => {
  try {
    const parsed = edtf(value);
    return parsed.min <= parsed.max;
  } catch {
    return false;
  }
};

describe('isEdtf', () => {
  it('accepts what edtf.js accepts and refuses the rest', () => {
    expect(isEdtf('1962-05-12')).toBe(true);
    expect(isEdtf('1962-02-31')).toBe(false);
    expect(isEdtf('1962-13')).toBe(false);
    expect(isEdtf('1916/2009')).toBe(true);
    expect(isEdtf('2009/1916')).toBe(false);
    expect(isEdtf('not a date')).toBe(false);
  });

  it('gives the same answer when asked again (the answers are remembered)', () => {
    const values = ['1964-02-29', '1963-02-29', '1963-04-31', 'XXXX-05-12', '1962-05-12/1962-05-14', '196X'];
    for (let i = 0; i < 3; i++) for (const v of values) expect(isEdtf(v)).toBe(direct(v));
  });
});
