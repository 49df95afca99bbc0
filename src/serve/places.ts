import type { Document } from '../core/document.js';
import { geonamesRef, placeCandidates, recordOf, type PlaceRecord, type PlaceTable } from '../core/places.js';
import type { Sidecar } from '../core/schema.js';
import { escape } from '../html/pages.js';

/** A record as the review page shows it: all but its id, which keys it. */
export type ShownRecord = Omit<PlaceRecord, 'id'>;

/** What the page needs to review the document's places: the records, and each place's candidates by entry id. */
export interface PlaceReview {
  records: Record<string, ShownRecord>;
  candidates: Record<string, string[]>;
}

/** The candidates a reviewer is offered: the best few. */
const OFFERED = 9;

const shown = ({ id: _id, ...record }: PlaceRecord): ShownRecord => record;

/**
 * The records a place entry may name (by its text, the best first, as annotate weighs them
 * without the document's context) and the record it names now; a ref the table does not know
 * has no record, and the page says so.
 */
export function placeReview(doc: Document, sidecar: Sidecar, table: PlaceTable): PlaceReview {
  const records: Record<string, ShownRecord> = {};
  const candidates: Record<string, string[]> = {};
  for (const e of sidecar.entries) {
    if (e.type !== 'place' || e.id === undefined || e.status === 'orphaned') continue;
    const after = doc.slice(e.end, Math.min(doc.length, e.end + 40));
    const offered = placeCandidates(table, { text: e.text, after }).slice(0, OFFERED);
    candidates[e.id] = offered.map((c) => geonamesRef(c.record.id));
    for (const c of offered) records[geonamesRef(c.record.id)] = shown(c.record);
    const current = recordOf(table, e.ref);
    if (current && e.ref) records[e.ref] = shown(current);
  }
  return { records, candidates };
}

/** The data as a JSON block of the page (never run: `<` escaped so that no text can close the element). */
export function placeData(review: PlaceReview, nonce: string): string {
  const json = JSON.stringify(review).replace(/</g, '\\u003c');
  return `<script type="application/json" id="place-data" nonce="${escape(nonce)}">${json}</script>`;
}

/** The side panel where a place's record and its candidates show (filled by the script). */
export const PLACE_PANEL = `<div id="place" hidden>
<h3>Place record</h3>
<div id="place-record"></div>
<p><small>Pick a record with <kbd>1</kbd>–<kbd>9</kbd>, or none with <kbd>0</kbd>.</small></p>
<ol id="place-candidates"></ol>
<button type="button" id="place-none">No record (0)</button>
</div>`;
