import { describe, expect, it } from 'vitest';
import { learnConventions, type ConventionExample } from '../../src/learning/conventions.js';
import { applyConventions } from '../../src/pipeline/conventions.js';

const NAMES = ['W. Stallings', 'Rizup Rawles', 'Benjamin Ballard', 'James Coster', 'John Voisht', 'Reuben Lassiter'];

/** A letter naming someone as this archive writes them (`X, Esq.`), with a date the archive never counts. */
function example(name: string, i: number): ConventionExample {
  const text = `Sir, on May ${i + 1} ${name}, Esq. wrote to the committee.`;
  const start = text.indexOf(name);
  const date = text.indexOf('May');
  return {
    text,
    predicted: [
      { type: 'date', start: date, end: date + 5, by: 'rule:dates/month-day' },
      { type: 'person', start, end: start + name.length, by: 'nlp:tagger' },
    ],
    gold: [{ type: 'person', start, end: start + name.length + ', Esq.'.length }],
    types: ['person', 'date'],
  };
}

describe('learnConventions: what the reviews say of the machine, as rules', () => {
  it('learns that `, Esq.` belongs to a name and that a month and day is no date here, and mends a new letter', () => {
    const learned = learnConventions(NAMES.slice(0, 5).map(example));
    const kinds = learned.map((l) => l.convention.kind).sort();
    expect(kinds).toEqual(['drop', 'extend']);
    expect(learned.find((l) => l.convention.kind === 'extend')!.gain).toEqual({ strict: 5, fuzzy: 0, spans: 0 });
    const fresh = example(NAMES[5]!, 9);
    const mended = applyConventions(
      fresh.text,
      fresh.predicted,
      learned.map((l) => l.convention),
    );
    expect(mended.map((s) => fresh.text.slice(s.start, s.end))).toEqual(['Reuben Lassiter, Esq.']);
  });

  it('learns nothing from fewer than three documents, nor from a type no review holds complete', () => {
    expect(learnConventions(NAMES.slice(0, 2).map(example))).toEqual([]);
    expect(learnConventions(NAMES.slice(0, 5).map((n, i) => ({ ...example(n, i), types: ['place'] })))).toEqual([]);
  });

  it('is deterministic', () => {
    const docs = NAMES.slice(0, 5).map(example);
    expect(JSON.stringify(learnConventions(docs))).toBe(JSON.stringify(learnConventions([...docs])));
  });
});
