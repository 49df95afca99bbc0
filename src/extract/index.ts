import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Document } from '../document.js';
import { loadBuiltinPacks, loadPack, type RulePack } from '../rules/pack.js';
import { acronymsExtractor } from './acronyms.js';
import { datesExtractor } from './dates.js';
import { moneyExtractor } from './money.js';
import { namesExtractor } from './names.js';
import { nlpExtractor } from './nlp.js';
import { notesExtractor } from './notes.js';
import { patternExtractor } from './patterns.js';
import { referencesExtractor } from './references.js';
import type { Candidate, Extractor } from './types.js';

export type { Candidate, Extractor } from './types.js';

/** The shipped rule packs, then the user's packs named in the config. */
export function rulePacks(config?: Pick<Config, 'root' | 'rules'>): RulePack[] {
  return [...loadBuiltinPacks(), ...(config?.rules ?? []).map((path) => loadPack(join(config!.root, path), path))];
}

/** Every extractor annotate runs, in no particular order: resolution settles overlaps. */
export function extractorsFor(packs: readonly RulePack[], options: { nlp?: boolean } = {}): Extractor[] {
  const rules = [notesExtractor, referencesExtractor, datesExtractor, moneyExtractor, patternExtractor(packs), namesExtractor(packs), acronymsExtractor(packs)];
  return options.nlp === false ? rules : [...rules, nlpExtractor(packs)];
}

export async function extract(doc: Document, extractors: readonly Extractor[]): Promise<Candidate[]> {
  const results = await Promise.all(extractors.map((e) => e.extract(doc)));
  return results.flat();
}
