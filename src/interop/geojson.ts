import { recordOf, type PlaceRecord, type PlaceTable } from '../core/places.js';
import type { Entry } from '../core/schema.js';
import { live, type Exportable } from './formats.js';

/** One linked place across the corpus: its record, the forms the texts use, its mentions and documents. */
export interface MappedPlace {
  ref: string;
  record: PlaceRecord;
  forms: string[];
  mentions: number;
  documents: string[];
}

/** A live place whose ref names no record of the table, with the document it is in. */
export interface UnknownPlace {
  path: string;
  entry: Entry;
}

/**
 * The corpus's linked places, one per record, most mentioned first (then by id); places whose
 * ref the table does not know are returned apart, to be reported, never mapped.
 */
export function mappedPlaces(docs: readonly Exportable[], table: PlaceTable): { places: MappedPlace[]; unknown: UnknownPlace[] } {
  const byRef = new Map<string, { record: PlaceRecord; forms: Map<string, number>; documents: Set<string> }>();
  const unknown: UnknownPlace[] = [];
  for (const { sidecar } of docs) {
    for (const entry of live(sidecar.entries)) {
      if (entry.type !== 'place' || !entry.ref?.startsWith('geonames:')) continue;
      const record = recordOf(table, entry.ref);
      if (!record) {
        unknown.push({ path: sidecar.source.path, entry });
        continue;
      }
      const place = byRef.get(entry.ref) ?? { record, forms: new Map(), documents: new Set() };
      const form = entry.text.replace(/\s+/g, ' ');
      place.forms.set(form, (place.forms.get(form) ?? 0) + 1);
      place.documents.add(sidecar.source.path);
      byRef.set(entry.ref, place);
    }
  }
  const places = [...byRef].map(([ref, p]) => ({
    ref,
    record: p.record,
    forms: [...p.forms].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([f]) => f),
    mentions: [...p.forms.values()].reduce((a, b) => a + b, 0),
    documents: [...p.documents].sort(),
  }));
  places.sort((a, b) => b.mentions - a.mentions || a.record.id - b.record.id);
  return { places, unknown };
}

/** RFC 7946: a FeatureCollection of Points, longitude first, one per linked record. */
export function toGeoJson(places: readonly MappedPlace[]): string {
  const features = places.map((p) => ({
    type: 'Feature',
    id: p.ref,
    geometry: { type: 'Point', coordinates: [p.record.lon, p.record.lat] },
    properties: {
      ref: p.ref,
      name: p.record.name,
      country: p.record.country,
      forms: p.forms,
      mentions: p.mentions,
      documentCount: p.documents.length,
      documents: p.documents,
    },
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
}
