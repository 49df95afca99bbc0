import type { Document } from '../document.js';
import type { Entry, Sidecar } from '../schema.js';

/** One document to export: its text and its sidecar. */
export interface Exportable {
  doc: Document;
  sidecar: Sidecar;
}

/** Entries worth exporting: what a person rejected or that is orphaned is not an annotation. */
export const live = (entries: readonly Entry[]) => entries.filter((e) => e.status !== 'rejected' && e.status !== 'orphaned');

/** The normalized value of an entry as one string: EDTF, expansion, amount and currency, note number. */
export function valueString(e: Entry): string | undefined {
  if (e.value !== undefined) return e.value;
  if (e.amount !== undefined) return `${e.amount} ${e.currency ?? ''}`.trim();
  if (e.n !== undefined) return `n=${e.n}${e.kind === 'source' ? ';source' : ''}`;
  return undefined;
}
