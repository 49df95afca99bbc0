/** Precision, recall and F1 of predicted spans against reference spans: eval's and diff's measure. */

export interface Counts {
  gold: number;
  predicted: number;
  /** Matched pairs, strict (same span) and fuzzy (overlap, one-to-one). */
  strict: number;
  fuzzy: number;
}

export interface Score {
  precision: number | null;
  recall: number;
  f1: number | null;
}

export interface Span {
  type: string;
  start: number;
  end: number;
}

/**
 * The one measure of eval, diff --agreement and train. Nothing to find and nothing found is
 * perfect agreement (1); otherwise an empty side scores 0.
 */
export function prf(matched: number, predicted: number, gold: number): { precision: number; recall: number; f1: number } {
  const precision = predicted ? matched / predicted : gold ? 0 : 1;
  const recall = gold ? matched / gold : predicted ? 0 : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** `prf`, or recall alone where the gold is known to be incomplete. */
export function score(matched: number, predicted: number, gold: number, recallOnly: boolean): Score {
  const full = prf(matched, predicted, gold);
  return recallOnly ? { precision: null, recall: full.recall, f1: null } : full;
}

/** Strict and fuzzy matches of one type in one document; each gold span is matched at most once. */
export function matchSpans(gold: readonly Span[], predicted: readonly Span[]): { strict: number; fuzzy: number } {
  const key = (s: Span) => `${s.start}:${s.end}`;
  const goldKeys = new Map<string, number>();
  for (const g of gold) goldKeys.set(key(g), (goldKeys.get(key(g)) ?? 0) + 1);
  let strict = 0;
  for (const p of predicted) {
    const left = goldKeys.get(key(p)) ?? 0;
    if (left > 0) {
      strict++;
      goldKeys.set(key(p), left - 1);
    }
  }
  // Fuzzy: exact pairs first, then the remaining overlaps in text order.
  const freeGold = [...gold].sort((a, b) => a.start - b.start);
  const used = new Set<number>();
  const exact = (p: Span) => freeGold.findIndex((g, i) => !used.has(i) && g.start === p.start && g.end === p.end);
  const rest: Span[] = [];
  let fuzzy = 0;
  for (const p of predicted) {
    const i = exact(p);
    if (i >= 0) {
      used.add(i);
      fuzzy++;
    } else rest.push(p);
  }
  for (const p of rest.sort((a, b) => a.start - b.start)) {
    const i = freeGold.findIndex((g, j) => !used.has(j) && g.start < p.end && p.start < g.end);
    if (i >= 0) {
      used.add(i);
      fuzzy++;
    }
  }
  return { strict, fuzzy };
}
