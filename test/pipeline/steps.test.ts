import { describe as group, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import type { Entry, Sidecar } from '../../src/core/schema.js';
import type { Candidate } from '../../src/extract/index.js';
import { describe } from '../../src/pipeline/steps/describe.js';
import { linkRefs, refSpans } from '../../src/pipeline/steps/link.js';
import { mergePrevious } from '../../src/pipeline/steps/merge-previous.js';
import { withContext } from '../../src/core/anchor.js';

group('describe', () => {
  it("reads the document's date from its header and gives its yearless dates the nearest year", () => {
    const text = '12. Telegram From the Embassy in India\n\nNew Delhi, January 3, 1972.\n\nOn December 28 the Minister called.\n';
    const doc = new Document('corpus/t.txt', text);
    const at = text.indexOf('December 28');
    const yearless: Candidate = { type: 'date', start: at, end: at + 11, by: 'rule:dates', priority: 50, value: 'XXXX-12-28' };
    const { metadata, candidates } = describe(doc, [yearless]);
    expect(metadata.issued).toBe('1972-01-03');
    expect(candidates).toEqual([{ ...yearless, value: '1971-12-28' }]);
  });
});

group('link', () => {
  it("links a person's entry and the machine's to the one record whose form they hold, in code points", () => {
    const text = '😀 Capt. Burger met Burger.';
    const doc = new Document('corpus/t.txt', text);
    const form = text.lastIndexOf('Burger');
    const ref: Candidate = { type: 'person', start: form, end: form + 6, by: 'rule:authority', priority: 90, ref: 'person:burger' };
    const spans = refSpans(doc, [ref]);
    expect(spans).toEqual([{ type: 'person', start: 19, end: 25, ref: 'person:burger' }]);
    const human: Entry = { type: 'person', start: 19, end: 25, text: 'Burger', by: 'human' };
    const other: Entry = { type: 'person', start: 2, end: 14, text: 'Capt. Burger', by: 'nlp:tagger', status: 'auto' };
    expect(linkRefs([human, other], spans)).toEqual([{ ...human, ref: 'person:burger' }, other]);
  });
});

group('merge with the previous sidecar', () => {
  const text = 'Rusk met Diem in Saigon.\n';
  const doc = new Document('corpus/t.txt', text);
  const person = (start: number, name: string): Entry =>
    withContext(doc, { type: 'person', start, end: start + name.length, text: name, by: 'nlp:tagger', status: 'auto' });
  const machine = [person(0, 'Rusk'), person(9, 'Diem')];
  const sidecarOf = (entries: Entry[]): Sidecar => ({
    schemaVersion: 2,
    generator: 'g',
    source: { path: doc.path, sha256: doc.sha256, length: doc.length },
    entries,
  });

  it('gives the same entries whether or not the run cache vouches for an untouched sidecar', () => {
    const first = mergePrevious(doc, machine, undefined, 'g').entries;
    const previous = sidecarOf(first);
    expect(mergePrevious(doc, machine, previous, 'g', true)).toEqual(mergePrevious(doc, machine, previous, 'g'));
  });

  it('looks for no hand edit or deletion in a sidecar the run cache vouches is untouched', () => {
    const [rusk] = mergePrevious(doc, machine, undefined, 'g').entries;
    // An id no run could have made and a missing entry: hand work, unless the bytes are annotate's own.
    const previous = sidecarOf([{ ...rusk!, id: 'person-00000000' }]);
    const looked = mergePrevious(doc, machine, previous, 'g').entries;
    expect(looked.map((e) => [e.text, e.by, e.status ?? ''])).toEqual([
      ['Rusk', 'human', ''],
      ['Diem', 'nlp:tagger', 'rejected'],
    ]);
    const trusted = mergePrevious(doc, machine, previous, 'g', true).entries;
    expect(trusted.map((e) => [e.text, e.by, e.status])).toEqual([
      ['Rusk', 'nlp:tagger', 'auto'],
      ['Diem', 'nlp:tagger', 'auto'],
    ]);
  });
});
