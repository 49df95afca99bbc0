import { withContext } from '../../core/anchor.js';
import type { Document } from '../../core/document.js';
import type { Entry } from '../../core/schema.js';
import { applyConventions, type Convention } from '../conventions.js';

/**
 * The machine's entries as the project's conventions (learned by `train`) want them: some
 * taken in or cut, joined, retyped or dropped. Entries the conventions leave alone are the same objects.
 */
export function withConventions(doc: Document, entries: readonly Entry[], conventions: readonly Convention[]): Entry[] {
  if (!conventions.length) return [...entries];
  const spans = entries.map((entry) => ({
    type: entry.type,
    start: doc.toIndex(entry.start),
    end: doc.toIndex(entry.end),
    by: entry.by,
    entry,
  }));
  return applyConventions(doc.text, spans, conventions).map(({ type, start, end, entry }) => {
    const [from, to] = [doc.toCodePoint(start), doc.toCodePoint(end)];
    if (type === entry.type && from === entry.start && to === entry.end) return entry;
    // A person's title and cluster say nothing of what it is now.
    const { title: _title, cluster: _cluster, ...rest } = entry;
    const kept = type === 'person' ? entry : rest;
    return withContext(doc, { ...kept, type, start: from, end: to, text: doc.text.slice(start, end) });
  });
}
