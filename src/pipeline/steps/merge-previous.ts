import { sidecarState } from '../../core/currency.js';
import type { Document } from '../../core/document.js';
import { isHumanWork, type Entry, type Sidecar } from '../../core/schema.js';
import { handEdited, withHandEdits } from '../edits.js';
import { merge, type MergeResult } from '../merge.js';

const spanKey = (e: Entry) => `${e.type}:${e.start}:${e.end}:${e.n ?? ''}`;

/**
 * The machine's entries merged with the previous sidecar's human work: hand edits found
 * (`withHandEdits`), and, when this very generator made that sidecar from this very text, a
 * place whose GeoNames `ref` a person set, changed or removed (`withPlacesRelinked`) and this very generator made that sidecar from this very text,
 * machine entries it no longer holds taken as deleted by a person. Without a generator (the
 * sidecar is known untouched since annotate wrote it) no deletion is looked for.
 */
export function mergePrevious(doc: Document, machine: readonly Entry[], previous: Sidecar | undefined, generator?: string): MergeResult {
  if (!previous) return merge(doc, machine, []);
  const sameMachine = generator !== undefined && sidecarState(previous, doc.sha256, generator) === 'current';
  const edited = sameMachine ? withPlacesRelinked(withHandEdits(doc, previous), machine) : withHandEdits(doc, previous);
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

const geonamesOf = (e: Entry) => (e.ref?.startsWith('geonames:') ? e.ref : '');

/**
 * A machine place whose GeoNames `ref` is not the one this generator gives its span: a person
 * set, changed or removed it, so it is theirs now (the machine's reading of the span goes).
 */
function withPlacesRelinked(previous: Entry[], machine: readonly Entry[]): Entry[] {
  const given = new Map(machine.filter((e) => e.type === 'place').map((e) => [spanKey(e), geonamesOf(e)]));
  return previous.map((e) => {
    if (e.type !== 'place' || isHumanWork(e)) return e;
    const ref = given.get(spanKey(e));
    return ref !== undefined && ref !== geonamesOf(e) ? handEdited(e) : e;
  });
}
