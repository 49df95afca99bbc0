import { sidecarState } from '../../core/currency.js';
import type { Document } from '../../core/document.js';
import { isHumanWork, type Entry, type Sidecar } from '../../core/schema.js';
import { handEdited, withHandEdits } from '../edits.js';
import { merge, type MergeResult } from '../merge.js';
import { geonamesRef, placeKey, type PlaceTable } from '../../core/places.js';

const spanKey = (e: Entry) => `${e.type}:${e.start}:${e.end}:${e.n ?? ''}`;

/**
 * The machine's entries merged with the previous sidecar's human work: hand edits found
 * (`withHandEdits`), a place whose GeoNames `ref` a person set, changed or removed
 * (`withPlacesRelinked`), and, when this very generator made that sidecar from this very text,
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
  places?: PlaceTable,
): MergeResult {
  if (!previous) return merge(doc, machine, []);
  if (untouched) return merge(doc, machine, previous.entries);
  const sameMachine = sidecarState(previous, doc.sha256, generator) === 'current';
  const edited = withPlacesRelinked(withHandEdits(doc, previous), sameMachine ? machine : undefined, places);
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
 * A machine place whose GeoNames `ref` is not one the machine gives it: a person set, changed
 * or removed it, so it is theirs now (the machine's reading of the span goes). Against the
 * same generator's entries (`machine`) any difference tells; against another's, a ref no
 * record of that name has (`geonames:999999999`, a record of another name) still does.
 */
function withPlacesRelinked(previous: Entry[], machine: readonly Entry[] | undefined, places: PlaceTable | undefined): Entry[] {
  const given = new Map((machine ?? []).filter((e) => e.type === 'place').map((e) => [spanKey(e), geonamesOf(e)]));
  const named = (e: Entry) => places?.byName.get(placeKey(e.text))?.some((n) => geonamesRef(n.record.id) === e.ref) ?? true;
  return previous.map((e) => {
    if (e.type !== 'place' || isHumanWork(e)) return e;
    const ref = given.get(spanKey(e));
    const byHand = ref !== undefined ? ref !== geonamesOf(e) : geonamesOf(e) !== '' && !named(e);
    return byHand ? handEdited(e) : e;
  });
}
