import type { Document } from '../../core/document.js';
import type { Entry } from '../../core/schema.js';
import type { Candidate } from '../../extract/index.js';

/** An authority record's form found in the text, in code points. */
export interface RefSpan {
  type: string;
  start: number;
  end: number;
  ref: string;
}

/** The spans of the candidates that name an authority record, converted to code points once. */
export function refSpans(doc: Document, candidates: readonly Candidate[]): RefSpan[] {
  return candidates
    .filter((c) => c.ref)
    .map((c) => ({ type: c.type, start: doc.toCodePoint(c.start), end: doc.toCodePoint(c.end), ref: c.ref! }));
}

/**
 * An entry that holds one record's form (`Capt. Burger` holds `Burger`) names that record: the
 * machine's entries and a person's alike (the more people curate, the more is linked, not less).
 */
export function linkRefs(entries: Entry[], refs: readonly RefSpan[]): Entry[] {
  if (!refs.length) return entries;
  return entries.map((e) => {
    if (e.ref || e.status === 'orphaned') return e;
    const inside = new Set(refs.filter((r) => r.type === e.type && r.start >= e.start && r.end <= e.end).map((r) => r.ref));
    return inside.size === 1 ? { ...e, ref: [...inside][0]! } : e;
  });
}
