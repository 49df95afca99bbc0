import { sidecarState } from '../../core/currency.js';
import type { Document } from '../../core/document.js';
import type { Entry, Sidecar } from '../../core/schema.js';
import { withHandEdits } from '../edits.js';
import { merge, type MergeResult } from '../merge.js';

const spanKey = (e: Entry) => `${e.type}:${e.start}:${e.end}:${e.n ?? ''}`;

/**
 * The machine's entries merged with the previous sidecar's human work: hand edits found
 * (`withHandEdits`), and, when this very generator made that sidecar from this very text,
 * machine entries it no longer holds taken as deleted by a person. When the sidecar is known
 * untouched since annotate wrote it (`untouched`: the run cache's hash of the bytes it wrote),
 * nobody edited or deleted anything there: neither is looked for, and no entry's id is hashed.
 */
export function mergePrevious(
  doc: Document,
  machine: readonly Entry[],
  previous: Sidecar | undefined,
  generator: string,
  untouched = false,
): MergeResult {
  if (!previous) return merge(doc, machine, []);
  if (untouched) return merge(doc, machine, previous.entries);
  const edited = withHandEdits(doc, previous);
  const sameMachine = sidecarState(previous, doc.sha256, generator) === 'current';
  return merge(doc, machine, sameMachine ? [...edited, ...deletedByHand(doc, machine, edited)] : edited);
}

/**
 * Machine entries the sidecar no longer holds, though nothing a person did there stands in
 * their way: a person deleted them. A deletion is a decision: they come back as rejected
 * entries, which no later run or text edit undoes.
 */
function deletedByHand(doc: Document, machine: readonly Entry[], previous: readonly Entry[]): Entry[] {
  const had = new Set(previous.map(spanKey));
  if (machine.every((e) => had.has(spanKey(e)))) return [];
  return merge(doc, machine, previous)
    .entries.filter((e) => e.status === 'auto' && !had.has(spanKey(e)))
    .map((e) => ({ ...e, status: 'rejected' as const }));
}
