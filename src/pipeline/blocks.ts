import { STRUCTURE_TYPES } from '../core/schema.js';
import type { Candidate } from '../extract/types.js';

/** A line at least this share of the text's usual (75th percentile) line length, and this long, is wrapped prose. */
const WRAPPED_SHARE = 0.6;
const WRAPPED_MIN = 24;

/** The usual length of a non-blank line: the 75th percentile. */
function usualLineLength(text: string): number {
  const lengths = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.75)] ?? 0;
}

/**
 * A name may run over a line break only inside wrapped prose (a newspaper column, a wrapped
 * paragraph), never over a blank line or out of a short line: a heading, a dateline, an entry
 * of a distribution list (`Office of … Affairs⏎Robert B. Wright`).
 */
export function blockBoundaries(text: string): (start: number, end: number) => number[] {
  let usual: number | undefined;
  return (start, end) => {
    const cuts: number[] = [];
    for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      const before = text.slice(lineStart, i).trim();
      const nextEnd = text.indexOf('\n', i + 1);
      const after = text.slice(i + 1, nextEnd < 0 ? text.length : nextEnd).trim();
      usual ??= usualLineLength(text);
      if (before === '' || after === '' || before.length < Math.max(usual * WRAPPED_SHARE, WRAPPED_MIN)) cuts.push(i);
    }
    return cuts;
  };
}

/**
 * Entities kept inside their block: one that runs over a boundary keeps its longest piece
 * (`Secretary⏎⏎Mr. Dean Rusk` → `Mr. Dean Rusk`). Notes and other structure span blocks freely.
 */
export function withinBlocks(text: string, candidates: readonly Candidate[]): Candidate[] {
  const boundaries = blockBoundaries(text);
  return candidates.flatMap((c) => {
    if ((STRUCTURE_TYPES as readonly string[]).includes(c.type) || !hasLineBreak(text, c.start, c.end)) return [c];
    const cuts = boundaries(c.start, c.end);
    if (!cuts.length) return [c];
    const pieces = [c.start, ...cuts.map((i) => i + 1)].map((from, k) => trimmed(text, from, k < cuts.length ? cuts[k]! : c.end));
    const longest = pieces.reduce((best, p) => (p[1] - p[0] > best[1] - best[0] ? p : best));
    return longest[1] > longest[0] ? [{ ...c, start: longest[0], end: longest[1] }] : [];
  });
}

/** Whether the span holds a line break, looked for inside the span only: a one-line text of many MB has none to find. */
function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end--;
  return [start, end];
}
