import type { Document } from '../document.js';
import { trimSpan } from './trim.js';
import { mergedLists, type RulePack } from '../rules/pack.js';
import type { Candidate, Extractor } from './types.js';

type Nlp = typeof import('compromise').default;

/** compromise needs ~6 s and ~0.5 GB per MB: longer texts get the rule-based extractors only. */
export const NLP_MAX_CHARS = 2_000_000;
let nlpPromise: Promise<Nlp> | undefined;

/** compromise takes ~0.3 s to import: load it only when a text is really annotated. */
function loadNlp(): Promise<Nlp> {
  nlpPromise ??= import('compromise').then((m) => m.default);
  return nlpPromise;
}

interface Term {
  offset: { start: number; length: number };
}

const VIEWS = [
  ['person', 'people'],
  ['place', 'places'],
  ['org', 'organizations'],
] as const;

/** People, places and organizations from compromise, trimmed to the names themselves, and matches of the packs' compromise patterns. */
export async function findNamedEntities(text: string, matchRules: readonly MatchRule[] = [], notNames: ReadonlySet<string> = new Set()): Promise<Candidate[]> {
  // Words such as `He` or `Department` never make a person.
  const isPossibleName = (name: string) => /^\p{Lu}\p{Ll}/u.test(name) && !name.split(/\s+/).some((w) => notNames.has(w.replace(/[.,]$/, '')));
  if (text.length > NLP_MAX_CHARS) return [];
  const nlp = await loadNlp();
  const doc = nlp(text);
  // One offset pass over the document; `.json({offset:true})` per view is quadratic on long texts.
  doc.compute('offset');
  const out: Candidate[] = [];
  for (const [type, method] of VIEWS) {
    for (const terms of doc[method]().docs as unknown as Term[][]) {
      const first = terms[0]!.offset;
      const last = terms[terms.length - 1]!.offset;
      const [start, end] = trimSpan(text, first.start, last.start + last.length);
      const span = text.slice(start, end);
      // compromise tags lower-case words, lone letters, titles (`Major`) and common nouns (`State Security`) as names.
      if (end - start < 2 || !/^\p{Lu}/u.test(span) || span.split(/\s+/).every((w) => notNames.has(w.replace(/[.,]$/, '')))) continue;
      out.push({ type, start, end, by: 'nlp:compromise', priority: 10 });
    }
  }
  for (const rule of matchRules) {
    // A pattern with a [capture] yields the captured words.
    const view = rule.match.includes('[') ? doc.match(rule.match, 0) : doc.match(rule.match);
    for (const terms of view.docs as unknown as Term[][]) {
      const [start, end] = trimSpan(text, terms[0]!.offset.start, terms[terms.length - 1]!.offset.start + terms[terms.length - 1]!.offset.length);
      if (end <= start) continue;
      const span = text.slice(start, end);
      // One capitalized word opening a sentence proves nothing (`Resolved, That …`).
      if (rule.type === 'person' && (!isPossibleName(span) || (!/\s/.test(span) && sentenceInitial(text, start)))) continue;
      out.push({ type: rule.type, start, end, by: rule.by, priority: rule.priority });
    }
  }
  return out;
}

function sentenceInitial(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start).replace(/["“‘'(\s]+$/, '');
  return before === '' || /[.!?:;\n]$/.test(before);
}

export interface MatchRule {
  by: string;
  type: string;
  priority: number;
  match: string;
}

export function nlpExtractor(packs: readonly RulePack[]): Extractor {
  const notNames = new Set(mergedLists(packs).get('not-names') ?? []);
  const matchRules = packs.flatMap((pack) =>
    pack.rules.filter((r) => r.match).map((r): MatchRule => ({ by: `rule:${pack.name}/${r.id}`, type: r.type, priority: r.priority, match: r.match! })),
  );
  return {
    id: 'nlp:compromise',
    description: 'People, places and organizations found by compromise, and the packs’ compromise match patterns',
    types: ['person', 'place', 'org', ...matchRules.map((r) => r.type)],
    extract: (doc: Document) => findNamedEntities(doc.text, matchRules, notNames),
  };
}
