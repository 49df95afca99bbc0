import { sha256Hex } from '../core/document.js';
import type { Entry } from '../core/schema.js';
import { compareEntries } from './resolve.js';

/** What a machine entry's id is made from: its type, text and number, never its offsets. */
export const idKey = (e: Pick<Entry, 'type' | 'text' | 'n'>) => `${e.type}\u0000${e.text}\u0000${e.n ?? ''}`;

/** The id of the k-th entry of a key; a salt moves it past an id already taken. */
export const machineId = (e: Pick<Entry, 'type' | 'text' | 'n'>, k: number, salt: number) =>
  `${e.type}-${sha256Hex(`${idKey(e)}\u0000${k}\u0000${salt}`).slice(0, 8)}`;

/**
 * Ids depend on the entry's type, text and how many identical entries precede it,
 * never on offsets: they do not change when unrelated text moves.
 */
export function assignIds(entries: readonly Entry[]): Entry[] {
  const sorted = [...entries].sort(compareEntries);
  const taken = new Set(sorted.map((e) => e.id).filter((id): id is string => id !== undefined));
  const occurrences = new Map<string, number>();
  return sorted.map((entry) => {
    if (entry.id) return entry;
    const key = idKey(entry);
    const k = occurrences.get(key) ?? 0;
    occurrences.set(key, k + 1);
    let id: string;
    let salt = 0;
    do id = machineId(entry, k, salt++);
    while (taken.has(id));
    taken.add(id);
    return { ...entry, id };
  });
}
