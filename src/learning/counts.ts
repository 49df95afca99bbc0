import { matchSpans } from '../core/scoring.js';
import type { ConventionSpan } from '../pipeline/conventions.js';

/** Spans matched strictly and fuzzily against a gold, and the spans on each side: what learning scores. */
export interface Counts {
  strict: number;
  fuzzy: number;
  predicted: number;
  gold: number;
}

const NONE: Counts = { strict: 0, fuzzy: 0, predicted: 0, gold: 0 };

/** The counts of the predicted spans against the gold, over the given types. */
export function countsOf(gold: readonly ConventionSpan[], predicted: readonly ConventionSpan[], types: readonly string[]): Counts {
  const counts = { ...NONE };
  // A plain loop: the learner calls this for every document and every candidate convention.
  for (const type of types) {
    const theirs = gold.filter((g) => g.type === type);
    const mine = predicted.filter((p) => p.type === type);
    const { strict, fuzzy } = matchSpans(theirs, mine);
    counts.strict += strict;
    counts.fuzzy += fuzzy;
    counts.predicted += mine.length;
    counts.gold += theirs.length;
  }
  return counts;
}

export const sum = (all: readonly Counts[]): Counts =>
  all.reduce(
    (a, c) => ({ strict: a.strict + c.strict, fuzzy: a.fuzzy + c.fuzzy, predicted: a.predicted + c.predicted, gold: a.gold + c.gold }),
    NONE,
  );

export const f1 = (c: Counts, kind: 'strict' | 'fuzzy') => (c.predicted + c.gold ? (2 * c[kind]) / (c.predicted + c.gold) : 0);

/** Matches minus false alarms, strict and fuzzy: whether a document is annotated better or worse. */
export const utility = (c: Counts) => 2 * c.strict + 2 * c.fuzzy - 2 * c.predicted;
