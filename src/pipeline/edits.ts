import type { Document } from '../core/document.js';
import { isHumanWork, type Entry, type Sidecar } from '../core/schema.js';
import { idKey, machineId } from './ids.js';

/** How many salts `assignIds` may have tried past a taken id; more is never seen in practice. */
const SALTS = 3;

/**
 * The previous sidecar's entries, where a machine entry a person edited by hand (retyped,
 * moved, given another text) has become human work: kept with its id, never undone by
 * annotate. A machine entry is known by its id, made from its type and text (`assignIds`),
 * and, while the text is unchanged, by its span holding its text within its context.
 */
export function withHandEdits(doc: Document, previous: Sidecar): Entry[] {
  const textUnchanged = previous.source.sha256 === doc.sha256;
  const machine = previous.entries.filter((e) => !isHumanWork(e));
  // The ids assignIds gives the k-th machine entry of each type and text.
  const counts = new Map<string, { entry: Entry; count: number }>();
  for (const e of machine) {
    const seen = counts.get(idKey(e));
    if (seen) seen.count++;
    else counts.set(idKey(e), { entry: e, count: 1 });
  }
  const madeIds = new Set<string>();
  for (const { entry, count } of counts.values())
    for (let k = 0; k < count; k++) for (let salt = 0; salt < SALTS; salt++) madeIds.add(machineId(entry, k, salt));
  const edited = (e: Entry) =>
    (e.id !== undefined && !madeIds.has(e.id)) ||
    (textUnchanged &&
      (doc.slice(e.start, e.end) !== e.text ||
        (e.prefix !== undefined && doc.slice(e.start - e.prefix.length, e.start) !== e.prefix) ||
        (e.suffix !== undefined && doc.slice(e.end, e.end + e.suffix.length) !== e.suffix)));
  return previous.entries.map((e) => {
    if (isHumanWork(e) || !edited(e)) return e;
    const { status: _auto, ...rest } = e;
    return { ...rest, by: 'human' };
  });
}
