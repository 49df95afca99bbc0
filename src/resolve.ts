import { sha256Hex, type Document } from './document.js';
import type { Candidate } from './extract/types.js';
import { STRUCTURE_TYPES, type Entry } from './schema.js';

/** Code points of context kept on each side of a span, to find it again after edits. */
export const CONTEXT_LENGTH = 24;

const isStructure = (type: string) => (STRUCTURE_TYPES as readonly string[]).includes(type);

/**
 * Settle overlaps and turn candidates into sidecar entries.
 * Entities compete with each other (priority, then length, then position);
 * notes and markers form their own layer and only lose exact duplicates.
 */
export function resolve(doc: Document, candidates: readonly Candidate[]): Entry[] {
  const ranked = [...candidates]
    .filter((c) => c.end > c.start)
    .sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start || a.type.localeCompare(b.type));
  const kept: Candidate[] = [];
  const seen = new Set<string>();
  for (const c of ranked) {
    const key = `${c.type}:${c.start}:${c.end}:${c.n ?? ''}`;
    if (seen.has(key)) continue;
    if (!isStructure(c.type) && kept.some((k) => !isStructure(k.type) && k.start < c.end && c.start < k.end)) continue;
    seen.add(key);
    kept.push(c);
  }
  return kept.map((c) => toEntry(doc, c));
}

function toEntry(doc: Document, c: Candidate): Entry {
  const start = doc.toCodePoint(c.start);
  const end = doc.toCodePoint(c.end);
  const entry: Entry = { type: c.type, start, end, text: doc.text.slice(c.start, c.end), by: c.by, status: 'auto' };
  for (const key of ['value', 'amount', 'currency', 'n', 'kind', 'citation', 'repeats', 'parts'] as const) {
    if (c[key] !== undefined) (entry as Record<string, unknown>)[key] = c[key];
  }
  return withContext(doc, entry);
}

export function withContext(doc: Document, entry: Entry): Entry {
  return { ...entry, prefix: doc.slice(entry.start - CONTEXT_LENGTH, entry.start), suffix: doc.slice(entry.end, entry.end + CONTEXT_LENGTH) };
}

export function compareEntries(a: Entry, b: Entry): number {
  return a.start - b.start || a.end - b.end || a.type.localeCompare(b.type) || (a.n ?? '').localeCompare(b.n ?? '', 'en', { numeric: true }) || (a.id ?? '').localeCompare(b.id ?? '');
}

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
    const key = `${entry.type}\u0000${entry.text}\u0000${entry.n ?? ''}`;
    const k = occurrences.get(key) ?? 0;
    occurrences.set(key, k + 1);
    let id: string;
    let salt = 0;
    do id = `${entry.type}-${sha256Hex(`${key}\u0000${k}\u0000${salt++}`).slice(0, 8)}`;
    while (taken.has(id));
    taken.add(id);
    return { ...entry, id };
  });
}
