import type { Document } from './document.js';
import type { Entry } from './schema.js';

/** Code points of context kept on each side of a span, to find it again after edits. */
export const CONTEXT_LENGTH = 24;

/** An entry with the text around it, by which it is found again when the text changes. */
export function withContext(doc: Document, entry: Entry): Entry {
  return {
    ...entry,
    prefix: doc.slice(entry.start - CONTEXT_LENGTH, entry.start),
    suffix: doc.slice(entry.end, entry.end + CONTEXT_LENGTH),
  };
}

/** How far from its old place a moved entry is looked for first (UTF-16 units). */
const NEAR = 4000;
/** Code points of context compared around a fuzzy match. */
const CONTEXT = 16;

/**
 * Find a human entry in the current text, as Hypothesis anchors annotations: where it was;
 * else the exact quote whose context matches best, nearest the old position; else the
 * closest approximate match (at most one error in four characters, and a context that
 * agrees) near the old position, then anywhere. A fuzzy match takes the text it now covers.
 */
export function reanchor(doc: Document, entry: Entry): Entry {
  if (entry.end <= doc.length && doc.slice(entry.start, entry.end) === entry.text) return withContext(doc, restore(entry));
  if (entry.text === '') return orphan(entry);
  const score = (start: number, end: number) =>
    commonSuffix(doc.slice(start - (entry.prefix?.length ?? 0), start), entry.prefix ?? '') +
    commonPrefix(doc.slice(end, end + (entry.suffix?.length ?? 0)), entry.suffix ?? '') -
    Math.abs(start - entry.start) / (doc.length + 1);
  let best: { start: number; end: number; score: number } | undefined;
  const length = [...entry.text].length;
  for (let i = doc.text.indexOf(entry.text); i >= 0; i = doc.text.indexOf(entry.text, i + 1)) {
    const start = doc.toCodePoint(i);
    const s = score(start, start + length);
    if (!best || s > best.score) best = { start, end: start + length, score: s };
  }
  // Another mention of the same words, in other surroundings, is another mention: not this one.
  if (best && !contextAgrees(doc, entry, best.start, best.end)) return orphan(entry);
  if (!best) {
    // A fuzzy match must also agree with the entry's context on at least one side.
    const maxErrors = Math.max(1, Math.floor(entry.text.length / 4));
    const around = doc.toIndex(entry.start);
    const candidates = [
      approximateMatch(doc.text, entry.text, maxErrors, Math.max(0, around - NEAR), around + NEAR, around),
      approximateMatch(doc.text, entry.text, maxErrors, 0, doc.text.length, around),
    ];
    for (const match of candidates) {
      if (!match || best) continue;
      const start = doc.toCodePoint(match.start);
      const end = doc.toCodePoint(match.end);
      if (contextAgrees(doc, entry, start, end)) best = { start, end, score: 0 };
    }
  }
  if (!best) return orphan(entry);
  return withContext(doc, restore({ ...entry, start: best.start, end: best.end, text: doc.slice(best.start, best.end) }));
}

/**
 * The substring of `text[from, to)` closest to `pattern` within `maxErrors` edits
 * (Sellers' dynamic programming, free start): fewest errors, then the length nearest the
 * pattern's, then the start nearest `near`.
 */
export function approximateMatch(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  near = from,
): { start: number; end: number; errors: number } | undefined {
  const m = pattern.length;
  const end = Math.min(text.length, to);
  let cost = Array.from({ length: m + 1 }, (_, i) => i);
  let origin = Array.from({ length: m + 1 }, () => from);
  let best: { start: number; end: number; errors: number } | undefined;
  for (let j = from; j < end; j++) {
    const nextCost = [0];
    const nextOrigin = [j + 1];
    for (let i = 1; i <= m; i++) {
      const substitute = cost[i - 1]! + (pattern[i - 1] === text[j] ? 0 : 1);
      const skipText = cost[i]! + 1;
      const skipPattern = nextCost[i - 1]! + 1;
      const c = Math.min(substitute, skipText, skipPattern);
      nextCost.push(c);
      nextOrigin.push(c === substitute ? origin[i - 1]! : c === skipText ? origin[i]! : nextOrigin[i - 1]!);
    }
    cost = nextCost;
    origin = nextOrigin;
    const errors = cost[m]!;
    const worse = (s: number, e: number) => Math.abs(e - s - m) * (text.length + 1) + Math.abs(s - near);
    if (
      errors <= maxErrors &&
      (!best || errors < best.errors || (errors === best.errors && worse(origin[m]!, j + 1) < worse(best.start, best.end)))
    ) {
      best = { start: origin[m]!, end: j + 1, errors };
    }
  }
  // Do not cut a surrogate pair or start inside whitespace.
  if (best) {
    while (best.start < best.end && /\s/.test(text[best.start]!)) best.start++;
    while (best.end > best.start && /\s/.test(text[best.end - 1]!)) best.end--;
    if (/[\uDC00-\uDFFF]/.test(text[best.start] ?? '')) best.start--;
    if (/[\uD800-\uDBFF]/.test(text[best.end - 1] ?? '')) best.end++;
  }
  return best && best.end > best.start ? best : undefined;
}

/**
 * The text around [start, end) agrees with the entry's context on at least one side (half
 * of `CONTEXT`, or all of a shorter context). An entry that never had a context agrees.
 */
function contextAgrees(doc: Document, entry: Entry, start: number, end: number): boolean {
  if (entry.prefix === undefined && entry.suffix === undefined) return true;
  const context = Math.max(
    commonSuffix(doc.slice(start - CONTEXT, start), entry.prefix ?? ''),
    commonPrefix(doc.slice(end, end + CONTEXT), entry.suffix ?? ''),
  );
  return context >= Math.min(CONTEXT / 2, Math.max(entry.prefix?.length ?? 0, entry.suffix?.length ?? 0));
}

function orphan(entry: Entry): Entry {
  if (entry.status === 'orphaned') return entry;
  // The decision it carried comes back when it is found again; a human entry without a status had none.
  const previous = entry.status === 'rejected' || entry.status === 'accepted' ? { previousStatus: entry.status } : {};
  return { ...entry, status: 'orphaned', ...previous };
}

/** An orphaned entry found again gets back the decision it carried. */
function restore(entry: Entry): Entry {
  if (entry.status !== 'orphaned') return entry;
  const { previousStatus, status: _orphaned, ...rest } = entry;
  return previousStatus ? { ...rest, status: previousStatus } : rest;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}
