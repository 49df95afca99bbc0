import type { Document } from '../core/document.js';
import type { Entry } from '../core/schema.js';
import { merge } from './merge.js';

/**
 * Another tool's entries merged into a sidecar's as human entries: each takes the text at its
 * offsets when that is its quote (brat joins fragments with a space: compared squashed), else
 * keeps its quote to be re-anchored by it. `unmatched`: those found nowhere in the text.
 * `complete` gold (a reviewed import): the machine's entries of the types it covers that it
 * does not hold are rejected.
 */
export function mergeImported(
  doc: Document,
  previous: readonly Entry[],
  incoming: readonly Entry[],
  quotes: readonly (string | undefined)[],
  complete = false,
): { entries: Entry[]; unmatched: Entry[] } {
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const proved = incoming.map((e, i) => {
    const quote = quotes[i];
    const here = doc.slice(e.start, e.end);
    return quote === undefined || squash(here) === squash(quote) ? { ...e, text: here } : { ...e, text: quote };
  });
  const { entries, orphaned } = merge(
    doc,
    previous.filter((e) => e.status === 'auto'),
    [...previous.filter((e) => e.status !== 'auto'), ...proved],
  );
  const unmatched = orphaned.filter((o) => proved.some((i) => i.text === o.text && i.type === o.type));
  if (!complete) return { entries, unmatched };
  const covered = new Set(proved.map((e) => e.type));
  return {
    entries: entries.map((e) => (e.status === 'auto' && covered.has(e.type) ? { ...e, status: 'rejected' as const } : e)),
    unmatched,
  };
}
