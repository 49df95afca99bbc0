import { describe, expect, it } from 'vitest';
import { formatImport } from '../../src/format/import.js';

describe('formatImport', () => {
  it('says what was imported, confirmed and rejected per type, in type order', () => {
    expect(formatImport({ imported: 9, confirmed: 2, rejected: { place: 13, org: 2 }, messages: [] }, 'corpus/d12.txt')).toBe(
      '9 entries imported into the sidecar of corpus/d12.txt (2 entries already there confirmed); machine entries the gold lacks, rejected: org 2, place 13\n',
    );
    expect(formatImport({ imported: 1, confirmed: 0, rejected: {}, messages: [] }, 'corpus/a.txt')).toBe(
      '1 entry imported into the sidecar of corpus/a.txt\n',
    );
  });
});
