import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Config } from '../io/config.js';
import type { Document } from '../core/document.js';
import { loadBuiltinPacks, loadPack, mergedLists, type RulePack } from '../io/rule-packs.js';
import type { AuthorityRecord } from '../core/authority.js';
import { acronymsExtractor } from './acronyms.js';
import { authorityExtractor } from './authority.js';
import { datesExtractor } from './dates.js';
import { firmsExtractor } from './firms.js';
import { newspapersExtractor } from './newspapers.js';
import { placeHeadsExtractor } from './place-heads.js';
import { moneyExtractor } from './money.js';
import { archivalCitationsExtractor } from './archival-citations.js';
import { namesExtractor } from './names.js';
import { nlpExtractor } from './nlp.js';
import { notesExtractor } from './note-candidates.js';
import { patternExtractor } from './patterns.js';
import { referencesExtractor } from './references.js';
import { taggerExtractor } from './tagger.js';
import type { Candidate, ExtractContext, Extractor, ExtractorFactory } from './types.js';

export type { Candidate, ExtractContext, Extractor, ExtractorFactory } from './types.js';

/** The shipped rule packs, then the user's packs named in the config. */
export function rulePacks(config?: Pick<Config, 'root' | 'rules' | 'types'>): RulePack[] {
  return [...loadBuiltinPacks(), ...(config?.rules ?? []).map((path) => loadPack(join(config!.root, path), path, config!.types))];
}

/** The NLP engine that finds people, places and organizations besides the rules. */
export type NerEngine = 'tagger' | 'compromise' | 'none';

/** Every extractor annotate runs: the rules, then the chosen NLP engine (last: the tagger reads the rules' spans). */
export function extractorsFor(
  packs: readonly RulePack[],
  options: { ner?: NerEngine; authorities?: readonly AuthorityRecord[] } = {},
): Extractor[] {
  return extractorsOf(extractContext(packs, options.authorities), options.ner);
}

/** The same from a context already made (a run's project). */
export function extractorsOf(context: ExtractContext, ner: NerEngine = 'tagger'): Extractor[] {
  const nlp: ExtractorFactory[] = ner === 'tagger' ? [taggerExtractor] : ner === 'compromise' ? [nlpExtractor] : [];
  // After the NLP: the tagger was trained without these spans.
  // Newspaper titles are works: only where the project has works.
  const works = context.types?.includes('work') ? [newspapersExtractor] : [];
  return [...evidenceFactories(context), ...nlp, ...AFTER_NLP, ...works].map((create) => create(context));
}

/** The rules whose spans the tagger reads as its evidence: what it is trained with, as annotate runs it. */
export function evidenceExtractorsOf(context: ExtractContext): Extractor[] {
  return evidenceFactories(context).map((create) => create(context));
}

export const evidenceExtractorsFor = (packs: readonly RulePack[]) => evidenceExtractorsOf(extractContext(packs));

/** Rules that run after the NLP engine, whose spans the tagger never reads. */
const AFTER_NLP: readonly ExtractorFactory[] = [firmsExtractor, placeHeadsExtractor];

function evidenceFactories(context: ExtractContext): ExtractorFactory[] {
  const factories: ExtractorFactory[] = [
    notesExtractor,
    referencesExtractor,
    archivalCitationsExtractor,
    datesExtractor,
    moneyExtractor,
    patternExtractor,
    namesExtractor,
    acronymsExtractor,
  ];
  if (context.authorities.some((r) => r.status === 'accepted')) factories.push(authorityExtractor);
  return factories;
}

/** The packs with their word lists merged once, for every extractor of a run. */
export function extractContext(packs: readonly RulePack[], authorities: readonly AuthorityRecord[] = []): ExtractContext {
  const lists = mergedLists(packs);
  return { packs, lists, authorities, list: (name) => lists.get(name) ?? [] };
}

/** Run the extractors one after another; `timings` (ms per extractor id) is added to when given. */
export async function extract(doc: Document, extractors: readonly Extractor[], timings?: Record<string, number>): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const extractor of extractors) {
    const start = performance.now();
    // One by one: spreading a long text's hundreds of thousands of candidates into push() overflows the stack.
    for (const candidate of await extractor.extract(doc, out)) out.push(candidate);
    if (timings) timings[extractor.id] = (timings[extractor.id] ?? 0) + performance.now() - start;
  }
  return out;
}
