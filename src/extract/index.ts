import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
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

/** Run the extractors one after another; `timings` (ms per extractor id) is added to when given. */
export async function extract(doc: Document, extractors: readonly Extractor[], timings?: Record<string, number>): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const extractor of extractors) {
    const start = performance.now();
    // One by one: spreading a long text's hundreds of thousands of candidates into push() overflows the stack.
    for (const candidate of await extractor.extract(doc)) out.push(candidate);
    if (timings) timings[extractor.id] = (timings[extractor.id] ?? 0) + performance.now() - start;
  }
  return out;
}
