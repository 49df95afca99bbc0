import { lowerBound } from './intervals.js';
/** A numbered span: a marker or a note, with offsets in any one unit. */
interface Span {
  n: string;
  start: number;
  end: number;
}

/**
 * Where a document's note numbering starts again (Gutenberg letters, chapters: each
 * with its own `[Footnote 1: …]`). Notes with no marker between them form a group; a
 * group whose first number already has a note in the current section opens a new section,
 * which takes in the markers after the group before it. A note repeated within a group,
 * or a list whose first number was not used yet (FRUS footnotes under paragraphs, then
 * the final list), keeps the one numbering.
 *
 * Returns the section of an offset; checks compare numbers within a section only.
 */
export function noteSections(markers: readonly Span[], notes: readonly Span[]): (at: number) => number {
  const starts = markers.map((m) => m.start).sort((a, b) => a - b);
  const markerBetween = (from: number, to: number) => {
    const lo = lowerBound(starts, from);
    return lo < starts.length && starts[lo]! < to;
  };
  const ordered = [...notes].sort((a, b) => a.start - b.start);
  const boundaries: number[] = [];
  let seen = new Set<string>();
  for (let i = 0; i < ordered.length;) {
    let j = i + 1;
    while (j < ordered.length && !markerBetween(ordered[j - 1]!.end, ordered[j]!.start)) j++;
    if (i > 0 && seen.has(ordered[i]!.n)) {
      boundaries.push(ordered[i - 1]!.end);
      seen = new Set();
    }
    for (let k = i; k < j; k++) seen.add(ordered[k]!.n);
    i = j;
  }
  // The number of boundaries at or before `at`.
  return (at) => {
    let lo = 0;
    let hi = boundaries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (boundaries[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
