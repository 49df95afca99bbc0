import type { Document } from '../core/document.js';
import { noteSections } from '../core/note-sections.js';
import { isHumanWork, type Entry } from '../core/schema.js';
import { reanchor } from '../core/anchor.js';
import { assignIds } from './ids.js';
import { compareEntries, layerOf } from './resolve.js';

export interface MergeResult {
  entries: Entry[];
  /** Human entries that could not be found in the text any more. */
  orphaned: Entry[];
}

const overlaps = (a: Entry, b: Entry) => a.start < b.end && b.start < a.end;
const sameSpan = (a: Entry, b: Entry) => a.type === b.type && sameExtent(a, b) && (a.n ?? '') === (b.n ?? '');
const sameExtent = (a: Entry, b: Entry) => a.start === b.start && a.end === b.end;

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
      !kept.some(
        (h) =>
          sameSpan(h, m) ||
          (layerOf(m.type) !== 'structure' && h.type === m.type && overlaps(h, m)) ||
          // A person said what this span is (a retyped entry): the machine's other reading of it goes.
          (h.by === 'human' && layerOf(m.type) !== 'structure' && layerOf(h.type) === layerOf(m.type) && sameExtent(h, m)),
      ),
  );
  // Machine ids are recomputed each run; human ids are kept as they are.
  const entries = linkNotes(assignIds([...human, ...fresh.map(({ id: _id, ...e }) => e)]).sort(compareEntries));
  return { entries, orphaned };
}

const isLive = (e: Entry) => e.status !== 'rejected' && e.status !== 'orphaned';

/** Each live note lists the ids of the live markers that carry its number, in its numbering section. */
function linkNotes(entries: Entry[]): Entry[] {
  const numbered = (type: string) => entries.filter((e) => e.type === type && e.n !== undefined && isLive(e)) as (Entry & { n: string })[];
  const live = numbered('note-marker');
  const sectionOf = noteSections(live, numbered('note'));
  const key = (e: Entry) => `${sectionOf(e.start)}:${e.n}`;
  const markers = new Map<string, string[]>();
  for (const e of live) {
    // Pushed, not copied: a long text may have thousands of markers with one number.
    const ids = markers.get(key(e));
    if (ids) ids.push(e.id!);
    else markers.set(key(e), [e.id!]);
  }
  return entries.map((e) => {
    if (e.type !== 'note' || e.n === undefined || !isLive(e)) return e;
    const { markers: _old, ...rest } = e;
    const ids = markers.get(key(e));
    return ids ? { ...rest, markers: ids } : rest;
  });
}
