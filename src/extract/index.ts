import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Config } from '../io/config.js';
import type { Document } from '../core/document.js';
import { loadBuiltinPacks, loadPack, mergedLists, type RulePack } from '../io/rule-packs.js';
import { acronymsExtractor } from './acronyms.js';
import { datesExtractor } from './dates.js';
import { moneyExtractor } from './money.js';
import { namesExtractor } from './names.js';
import { nlpExtractor } from './nlp.js';
import { notesExtractor } from './notes.js';
import { patternExtractor } from './patterns.js';
import { referencesExtractor } from './references.js';
import type { Candidate, ExtractContext, Extractor, ExtractorFactory } from './types.js';

export type { Candidate, ExtractContext, Extractor, ExtractorFactory } from './types.js';

/** The shipped rule packs, then the user's packs named in the config. */
export function rulePacks(config?: Pick<Config, 'root' | 'rules'>): RulePack[] {
  return [...loadBuiltinPacks(), ...(config?.rules ?? []).map((path) => loadPack(join(config!.root, path), path))];
}

/** Every extractor annotate runs, in no particular order: resolution settles overlaps. */
export function extractorsFor(packs: readonly RulePack[], options: { nlp?: boolean } = {}): Extractor[] {
  const context = extractContext(packs);
  const factories: ExtractorFactory[] = [notesExtractor, referencesExtractor, datesExtractor, moneyExtractor, patternExtractor, namesExtractor, acronymsExtractor];
  if (options.nlp !== false) factories.push(nlpExtractor);
  return factories.map((create) => create(context));
}

/** The packs with their word lists merged once, for every extractor of a run. */
export function extractContext(packs: readonly RulePack[]): ExtractContext {
  const lists = mergedLists(packs);
  return { packs, lists, list: (name) => lists.get(name) ?? [] };
}

/** Run the extractors one after another; `timings` (ms per extractor id) is added to when given. */
export async function extract(doc: Document, extractors: readonly Extractor[], timings?: Record<string, number>): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const extractor of extractors) {
    const start = performance.now();
    out.push(...(await extractor.extract(doc)));
    if (timings) timings[extractor.id] = (timings[extractor.id] ?? 0) + performance.now() - start;
  }
  return out;
}
