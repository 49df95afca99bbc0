import type { Document } from '../../core/document.js';
import { geonamesRef, linkPlaces, type PlaceTable } from '../../core/places.js';
import { isHumanWork, type Entry } from '../../core/schema.js';

/** The year a document is dated (`1965-06-03` → 1965), if it is. */
export function yearOf(issued: string | undefined): number | undefined {
  const m = issued ? /^(-?\d{4})/.exec(issued) : null;
  return m ? Number(m[1]) : undefined;
}

/** What follows a mention, enough to read a country after a comma (`Dorchester, England`). */
const AFTER = 40;

/**
 * The machine's places that name one GeoNames record get its `ref: geonames:<id>`, read
 * against the document's other places and its date. A person's work and an entry that names
 * a record already are left as they are.
 */
export function linkPlaceEntries(doc: Document, entries: readonly Entry[], table: PlaceTable, issued?: string): Entry[] {
  const open = entries.filter((e) => e.type === 'place' && e.ref === undefined && !isHumanWork(e));
  if (!open.length) return [...entries];
  const records = linkPlaces(
    table,
    open.map((e) => ({ text: e.text, after: doc.slice(e.end, Math.min(doc.length, e.end + AFTER)) })),
    yearOf(issued),
  );
  const refs = new Map(open.map((e, i) => [e, records[i]]));
  return entries.map((e) => {
    const record = refs.get(e);
    return record ? { ...e, ref: geonamesRef(record.id) } : e;
  });
}
