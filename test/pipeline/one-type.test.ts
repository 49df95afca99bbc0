import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/extract/types.js';
import { oneTypePerName } from '../../src/pipeline/one-type.js';
import { shippedVocabulary } from '../../src/extract/vocabulary.js';

const text = 'Heligoland fell. The Heligoland treaty; at Heligoland. Mr. Heligoland spoke.';
const at = (nth: number, type: string, by: string, confidence?: number): Candidate => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf('Heligoland', start + 1);
  return { type, start, end: start + 10, by, priority: 0, ...(confidence === undefined ? {} : { confidence }), cluster: 'x' };
};

const org = shippedVocabulary().namesOrganization;

describe('one name, one type per document', () => {
  it('gives the tagger’s and the copied mentions the type the mentions vote for, and leaves a rule’s span alone', () => {
    const kept = [
      at(0, 'person', 'nlp:tagger', 0.6),
      at(1, 'place', 'nlp:tagger', 0.9),
      at(2, 'place', 'nlp:tagger', 0.95),
      at(2, 'person', 'resolve:propagated'),
      at(3, 'person', 'rule:names/titled'),
    ];
    expect(oneTypePerName(text, kept, org).map((c) => [c.start, c.type, c.by, c.cluster ?? null])).toEqual([
      [0, 'place', 'nlp:tagger', null],
      [21, 'place', 'nlp:tagger', 'x'],
      [43, 'place', 'nlp:tagger', 'x'],
      [59, 'person', 'rule:names/titled', 'x'],
    ]);
  });

  it('changes nothing on a tie, or where a name has one type', () => {
    const tie = [at(0, 'person', 'nlp:tagger', 0.5), at(1, 'place', 'nlp:tagger', 0.5)];
    expect(oneTypePerName(text, tie, org)).toEqual(tie);
    const one = [at(0, 'place', 'nlp:tagger', 0.5), at(1, 'place', 'nlp:tagger', 0.7)];
    expect(oneTypePerName(text, one, org)).toEqual(one);
  });

  it('makes an acronym the document expands as an organization one: `Mdl [Ministry of Interior]`', () => {
    const t = 'Mdl [Ministry of Interior] said; Mdl agreed.';
    const kept: Candidate[] = [
      { type: 'acronym', start: 0, end: 3, by: 'rule:acronyms/bracketed', priority: 0, value: 'Ministry of Interior' },
      { type: 'person', start: 0, end: 3, by: 'nlp:tagger', priority: 0, confidence: 0.7 },
      { type: 'place', start: 33, end: 36, by: 'nlp:tagger', priority: 0, confidence: 0.7 },
    ];
    expect(oneTypePerName(t, kept, org).map((c) => [c.start, c.type])).toEqual([
      [0, 'acronym'],
      [0, 'org'],
      [33, 'org'],
    ]);
  });
});
