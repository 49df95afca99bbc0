import type { Document } from '../document.js';
import { datesExtractor } from './dates.js';
import { moneyExtractor } from './money.js';
import { nlpExtractor } from './nlp.js';
import { notesExtractor } from './notes.js';
import { referencesExtractor } from './references.js';
import type { Candidate, Extractor } from './types.js';

export type { Candidate, Extractor } from './types.js';

/** The extractors annotate runs, in no particular order: resolution settles overlaps. */
export const EXTRACTORS: readonly Extractor[] = [notesExtractor, referencesExtractor, datesExtractor, moneyExtractor, nlpExtractor];

export async function extract(doc: Document, extractors: readonly Extractor[] = EXTRACTORS): Promise<Candidate[]> {
  const results = await Promise.all(extractors.map((e) => e.extract(doc)));
  return results.flat();
}
