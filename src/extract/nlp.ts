import type { Document } from '../document.js';
import { trimSpan } from './trim.js';
import type { Candidate, Extractor } from './types.js';

type Nlp = typeof import('compromise').default;
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

/** People, places and organizations from compromise, trimmed to the names themselves. */
export async function findNamedEntities(text: string): Promise<Candidate[]> {
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
      // compromise tags some lower-case words as names; a name has a capital.
      if (end <= start || !/\p{Lu}/u.test(span)) continue;
      out.push({ type, start, end, by: 'nlp:compromise', priority: 10 });
    }
  }
  return out;
}

export const nlpExtractor: Extractor = {
  id: 'nlp:compromise',
  description: 'People, places and organizations found by compromise',
  types: ['person', 'place', 'org'],
  extract: (doc: Document) => findNamedEntities(doc.text),
};
