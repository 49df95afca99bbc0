import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import type { Entry, Sidecar } from '../../src/core/schema.js';
import { withContext } from '../../src/core/anchor.js';
import { assignIds } from '../../src/pipeline/ids.js';
import { withHandEdits } from '../../src/pipeline/edits.js';

const text = 'On May 3, 1986 😀 they met; on May 3, 1986 they parted.\n';
const doc = new Document('corpus/t.txt', text);
const date = (at: number): Entry =>
  withContext(doc, { type: 'date', start: at, end: at + 11, text: 'May 3, 1986', value: '1986-05-03', by: 'rule:dates', status: 'auto' });
const sidecar = (entries: Entry[]): Sidecar => ({
  schemaVersion: 2,
  generator: 'test',
  source: { path: doc.path, sha256: doc.sha256, length: doc.length },
  entries,
});
const machine = () => assignIds([date(3), date([...text.slice(0, text.lastIndexOf('May'))].length)]);

describe('withHandEdits', () => {
  it('takes no untouched machine entry for a hand edit, with an emoji in its context', () => {
    const entries = machine();
    expect(withHandEdits(doc, sidecar(entries))).toEqual(entries);
  });

  it('knows a retype of one of two entries of a text by the id made for its own type, and drops what the machine read', () => {
    const [first, second] = machine();
    const retyped = { ...first!, type: 'place' };
    expect(withHandEdits(doc, sidecar([retyped, second!]))).toEqual([
      { type: 'place', start: 3, end: 14, text: 'May 3, 1986', by: 'human', prefix: retyped.prefix, suffix: retyped.suffix },
      second,
    ]);
  });

  it('leaves the other entries of a text alone when one of them was deleted by hand', () => {
    const [, second] = machine();
    expect(withHandEdits(doc, sidecar([second!]))).toEqual([second]);
  });
});
