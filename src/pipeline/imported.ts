import type { Document } from '../core/document.js';
import type { Entry } from '../core/schema.js';
import { merge } from './merge.js';

export interface ImportedMerge {
  entries: Entry[];
  /** Incoming entries found nowhere in the text. */
  unmatched: Entry[];
  /** Incoming entries that were already there, as machine or human entries: confirmed, not added again. */
  confirmed: number;
  /** Per type, the machine entries rejected because the gold, complete for that type, lacks them. */
  rejected: Record<string, number>;
}

const spanKey = (e: Entry) => `${e.type}:${e.start}:${e.end}`;

/**
 * Another tool's entries merged into a sidecar's as human entries: each takes the text at its
 * offsets when that is its quote (brat joins fragments with a space: compared squashed), else
 * keeps its quote to be re-anchored by it. An incoming entry on the span of an entry of its
 * type confirms that entry (accepted, keeping its id, value and cluster) instead of doubling it.
 * For the `complete` types only (the file says it holds every entity of them), the machine's
 * entries the file lacks are rejected.
 */
export function mergeImported(
  doc: Document,
  previous: readonly Entry[],
  incoming: readonly Entry[],
  quotes: readonly (string | undefined)[],
  complete: readonly string[] = [],
): ImportedMerge {
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const proved = incoming.map((e, i) => {
    const quote = quotes[i];
    const here = doc.slice(e.start, e.end);
    return quote === undefined || squash(here) === squash(quote) ? { ...e, text: here } : { ...e, text: quote };
  });
  const there = new Set(previous.filter((e) => e.status !== 'orphaned').map(spanKey));
  const confirmedKeys = new Set(proved.map(spanKey).filter((k) => there.has(k)));
  const added = new Map(proved.filter((e) => !confirmedKeys.has(spanKey(e))).map((e) => [spanKey(e), e]));
  const confirm = (e: Entry): Entry =>
    confirmedKeys.has(spanKey(e)) && e.status !== 'orphaned' && e.status !== 'accepted' && !(e.by === 'human' && !e.status)
      ? { ...e, status: 'accepted' }
      : e;
  const updated = previous.map(confirm);
  const { entries, orphaned } = merge(
    doc,
    updated.filter((e) => e.status === 'auto'),
    [...updated.filter((e) => e.status !== 'auto'), ...added.values()],
  );
  const unmatched = orphaned.filter((o) => proved.some((i) => i.text === o.text && i.type === o.type));
  const rejected: Record<string, number> = {};
  const decided = entries.map((e) => {
    if (e.status !== 'auto' || !complete.includes(e.type)) return e;
    rejected[e.type] = (rejected[e.type] ?? 0) + 1;
    return { ...e, status: 'rejected' as const };
  });
  return { entries: decided, unmatched, confirmed: confirmedKeys.size, rejected };
}
