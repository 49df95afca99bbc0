import type { Document } from '../core/document.js';
import { sidecarState } from '../core/currency.js';
import { isHumanWork, type Entry, type Sidecar } from '../core/schema.js';
import { idKey, machineId } from './ids.js';

/** How many salts `assignIds` may have tried past a taken id; more is never seen in practice. */
const SALTS = 3;

/**
 * The previous sidecar's entries, where a machine entry a person edited by hand (retyped,
 * moved, given another text) has become human work: kept, never undone by annotate, and
 * stripped of what only the machine knew of it (its id, confidence, cluster). A machine entry
 * is known by its id, made from its own type and text (`assignIds`), and, while the text is
 * unchanged, by its span holding its text within its context.
 */
export function withHandEdits(doc: Document, previous: Sidecar): Entry[] {
  const textUnchanged = sidecarState(previous, doc.sha256) !== 'stale';
  const made = madeIds(previous.entries);
  const edited = (e: Entry) =>
    (e.id !== undefined && !made(e)) ||
    (textUnchanged &&
      (doc.slice(e.start, e.end) !== e.text ||
        (e.prefix !== undefined && doc.slice(e.start - codePoints(e.prefix), e.start) !== e.prefix) ||
        (e.suffix !== undefined && doc.slice(e.end, e.end + codePoints(e.suffix)) !== e.suffix)));
  return previous.entries.map((e) => (isHumanWork(e) || !edited(e) ? e : handEdited(e)));
}

/** Offsets count code points; a context with an emoji is longer in UTF-16. */
const codePoints = (s: string) => (/[\uD800-\uDBFF]/.test(s) ? [...s].length : s.length);

/**
 * A machine entry a person changed: theirs now. The machine's id, confidence and cluster no
 * longer describe it, nor, once it has another type, the value read for the old one.
 */
export function handEdited(entry: Entry): Entry {
  const { status: _auto, id: _id, confidence: _confidence, cluster: _cluster, ...rest } = entry;
  const retyped = entry.id !== undefined && !entry.id.startsWith(`${entry.type}-`);
  if (!retyped) return { ...rest, by: 'human' };
  const { value: _value, amount: _amount, currency: _currency, ...kept } = rest;
  return { ...kept, by: 'human' };
}

/** Numbers past the entries that share a text still tried for an id: some may have been deleted by hand. */
const DELETED = 16;

/**
 * Whether an id is one assignIds could have given an entry of its own type and text: the
 * k-th of its key, for k up to the entries that share its text plus a few deleted since, with
 * the salts that move an id past a taken one. The type is in the id: a retype shows at once.
 */
function madeIds(entries: readonly Entry[]): (e: Entry) => boolean {
  const sharingText = new Map<string, number>();
  for (const e of entries) sharingText.set(e.text, (sharingText.get(e.text) ?? 0) + 1);
  const made = new Map<string, { ids: Set<string>; k: number }>();
  return (e) => {
    if (!e.id!.startsWith(`${e.type}-`)) return false;
    const key = idKey(e);
    let known = made.get(key);
    if (!known) made.set(key, (known = { ids: new Set(), k: 0 }));
    // Hashed lazily, k by k: most entries are found among the first few.
    const limit = sharingText.get(e.text)! + DELETED;
    while (!known.ids.has(e.id!) && known.k < limit) {
      for (let salt = 0; salt < SALTS; salt++) known.ids.add(machineId(e, known.k, salt));
      known.k++;
    }
    return known.ids.has(e.id!);
  };
}
