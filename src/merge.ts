import type { Document } from './document.js';
import { STRUCTURE_TYPES, isHumanWork, type Entry } from './schema.js';
import { assignIds, compareEntries, withContext } from './resolve.js';

export interface MergeResult {
  entries: Entry[];
  /** Human entries that could not be found in the text any more. */
  orphaned: Entry[];
}

const overlaps = (a: Entry, b: Entry) => a.start < b.end && b.start < a.end;
const sameSpan = (a: Entry, b: Entry) => a.type === b.type && a.start === b.start && a.end === b.end && (a.n ?? '') === (b.n ?? '');
const isStructure = (e: Entry) => (STRUCTURE_TYPES as readonly string[]).includes(e.type);

/**
 * Combine fresh machine entries with the human work of the previous sidecar.
 * Human entries are kept (re-anchored if the text moved, orphaned if it is gone);
 * a rejected entry suppresses the machine's match on the same span;
 * an accepted entry wins over machine entries of its type that overlap it.
 */
export function merge(doc: Document, machine: readonly Entry[], previous: readonly Entry[]): MergeResult {
  const human = previous.filter(isHumanWork).map((e) => reanchor(doc, e));
  const orphaned = human.filter((e) => e.status === 'orphaned');
  const anchored = human.filter((e) => e.status !== 'orphaned');
  const rejected = anchored.filter((e) => e.status === 'rejected');
  const kept = anchored.filter((e) => e.status !== 'rejected');
  const fresh = machine.filter(
    (m) =>
      !rejected.some((r) => sameSpan(r, m)) &&
      !kept.some((h) => sameSpan(h, m) || (!isStructure(m) && h.type === m.type && overlaps(h, m))),
  );
  // Machine ids are recomputed each run; human ids are kept as they are.
  const entries = linkNotes(assignIds([...human, ...fresh.map(({ id: _id, ...e }) => e)]).sort(compareEntries));
  return { entries, orphaned };
}

const isLive = (e: Entry) => e.status !== 'rejected' && e.status !== 'orphaned';

/** Each live note lists the ids of the live markers that carry its number. */
function linkNotes(entries: Entry[]): Entry[] {
  const markers = new Map<string, string[]>();
  for (const e of entries) if (e.type === 'note-marker' && e.n !== undefined && isLive(e)) markers.set(e.n, [...(markers.get(e.n) ?? []), e.id!]);
  return entries.map((e) => {
    if (e.type !== 'note' || e.n === undefined || !isLive(e)) return e;
    const { markers: _old, ...rest } = e;
    const ids = markers.get(e.n);
    return ids ? { ...rest, markers: ids } : rest;
  });
}

/**
 * Find a human entry in the current text: where it was, else the occurrence of its
 * quote whose context matches best and that lies nearest the old position.
 */
export function reanchor(doc: Document, entry: Entry): Entry {
  if (entry.end <= doc.length && doc.slice(entry.start, entry.end) === entry.text) return withContext(doc, restore(entry));
  if (entry.text === '') return orphan(entry);
  let best: { start: number; score: number } | undefined;
  for (let i = doc.text.indexOf(entry.text); i >= 0; i = doc.text.indexOf(entry.text, i + 1)) {
    const start = doc.toCodePoint(i);
    const end = start + [...entry.text].length;
    const score =
      commonSuffix(doc.slice(start - (entry.prefix?.length ?? 0), start), entry.prefix ?? '') +
      commonPrefix(doc.slice(end, end + (entry.suffix?.length ?? 0)), entry.suffix ?? '') -
      Math.abs(start - entry.start) / (doc.length + 1);
    if (!best || score > best.score) best = { start, score };
  }
  if (!best) return orphan(entry);
  return withContext(doc, restore({ ...entry, start: best.start, end: best.start + [...entry.text].length }));
}

function orphan(entry: Entry): Entry {
  if (entry.status === 'orphaned') return entry;
  return { ...entry, status: 'orphaned', previousStatus: entry.status === 'rejected' ? 'rejected' : 'accepted' };
}

/** An orphaned entry found again gets back the decision it carried. */
function restore(entry: Entry): Entry {
  if (entry.status !== 'orphaned') return entry;
  const { previousStatus, ...rest } = entry;
  return { ...rest, status: previousStatus ?? 'accepted' };
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
