import type { Document } from '../core/document.js';
import { trimSpan } from './trim.js';
import type { Candidate, ExtractorFactory } from './types.js';
import { PRIORITY } from '../core/priority.js';
import { boundedWindows } from './windows.js';

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

/** Characters per compromise call: large enough to amortize its fixed cost, small enough to stay linear. */
const BATCH_CHARS = 20_000;
/** A longer sentence (an OCR dump without full stops) goes to compromise in overlapping windows. */
const WINDOW_CHARS = 5_000;
const WINDOW_OVERLAP = 300;
/**
 * Sentences: up to their final punctuation or a blank line (OCR'd columns break lines
 * mid-sentence), as `/(?:[^.!?\n]|\n(?![ \t]*\n))+(?:[.!?]+["”’)\]]*|\n|$)/g` finds them.
 * Scanned by hand: that regex overflows the stack on a sentence of some MB (an OCR dump without full stops).
 */
export function* sentencesOf(text: string): Generator<{ index: number; text: string }> {
  const n = text.length;
  const isStop = (c: string) => c === '.' || c === '!' || c === '?';
  const blankLineAt = (k: number) => {
    while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
    return text[k] === '\n';
  };
  const inSentence = (k: number) => (text[k] === '\n' ? !blankLineAt(k + 1) : !isStop(text[k]!));
  let i = 0;
  while (i < n) {
    let end = i;
    while (end < n && inSentence(end)) end++;
    if (end === i) {
      i++;
      continue;
    }
    if (end < n && isStop(text[end]!)) {
      while (end < n && isStop(text[end]!)) end++;
      while (end < n && '"”’)]'.includes(text[end]!)) end++;
    } else if (end < n) end++; // the line break before a blank line
    yield { index: i, text: text.slice(i, end) };
    i = end;
  }
}
/** A capital after the first word: something compromise may name. */
const INNER_CAPITAL = /\S\s+["“‘(]?\p{Lu}/u;

interface Piece {
  /** Where the piece starts in the text and in the batch. */
  textStart: number;
  batchStart: number;
  length: number;
  /** Names starting in [ownStart, ownEnd) of the text are this piece's (pieces of one long sentence overlap). */
  ownStart: number;
  ownEnd: number;
}

/**
 * The sentences worth sending to compromise (those with a capitalized word after their
 * first), gathered into batches: compromise only sees text that may hold a name, and
 * never a whole long document at once. A sentence too long for one call is cut into
 * overlapping windows. Batches are made as they are taken: memory does not grow with the text.
 */
export function* nlpBatches(text: string): Generator<{ text: string; pieces: Piece[] }> {
  let current = { text: '', pieces: [] as Piece[] };
  for (const sentence of sentencesOf(text)) {
    if (sentence.text.trim() === '' || !INNER_CAPITAL.test(sentence.text)) continue;
    const length = sentence.text.length;
    for (const window of boundedWindows(text, sentence.index, sentence.index + length, WINDOW_CHARS, WINDOW_OVERLAP)) {
      const piece = text.slice(window.start, window.end);
      if (window.end - window.start < length && !INNER_CAPITAL.test(piece)) continue;
      if (current.text.length + piece.length > BATCH_CHARS && current.pieces.length) {
        yield current;
        current = { text: '', pieces: [] };
      }
      if (current.text) current.text += '\n\n';
      current.pieces.push({
        textStart: window.start,
        batchStart: current.text.length,
        length: piece.length,
        ownStart: window.ownStart,
        ownEnd: window.ownEnd,
      });
      current.text += piece;
    }
  }
  if (current.pieces.length) yield current;
}

/** People, places and organizations from compromise, trimmed to the names themselves, and matches of the packs' compromise patterns. */
export async function findNamedEntities(
  text: string,
  matchRules: readonly MatchRule[] = [],
  notNames: ReadonlySet<string> = new Set(),
): Promise<Candidate[]> {
  const nlp = await loadNlp();
  const out: Candidate[] = [];
  for (const batch of nlpBatches(text)) {
    const pieceAt = (i: number) => batch.pieces.findLast((p) => p.batchStart <= i)!;
    const toText = (i: number) => {
      const piece = pieceAt(i);
      return piece.textStart + (i - piece.batchStart);
    };
    for (const c of entitiesIn(nlp, batch.text, matchRules, notNames)) {
      const owner = pieceAt(c.start);
      const start = toText(c.start);
      if (start >= owner.ownStart && start < owner.ownEnd) out.push({ ...c, start, end: toText(c.end - 1) + 1 });
    }
  }
  return out;
}

function entitiesIn(nlp: Nlp, text: string, matchRules: readonly MatchRule[], notNames: ReadonlySet<string>): Candidate[] {
  // Words such as `He` or `Department` never make a person.
  const isPossibleName = (name: string) =>
    /^\p{Lu}\p{Ll}/u.test(name) && !name.split(/\s+/).some((w) => notNames.has(w.replace(/[.,]$/, '')));
  const doc = taggedWithout(nlp, UNUSED_HOOKS, text);
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
      out.push({ type, start, end, by: 'nlp:compromise', priority: PRIORITY.nlp });
    }
  }
  for (const rule of matchRules) {
    // A pattern with a [capture] yields the captured words.
    const view = rule.match.includes('[') ? doc.match(rule.match, 0) : doc.match(rule.match);
    for (const terms of view.docs as unknown as Term[][]) {
      const [start, end] = trimSpan(
        text,
        terms[0]!.offset.start,
        terms[terms.length - 1]!.offset.start + terms[terms.length - 1]!.offset.length,
      );
      if (end <= start) continue;
      const span = text.slice(start, end);
      // One capitalized word opening a sentence proves nothing (`Resolved, That …`).
      if (rule.type === 'person' && (!isPossibleName(span) || (!/\s/.test(span) && sentenceInitial(text, start)))) continue;
      out.push({ type: rule.type, start, end, by: rule.by, priority: rule.priority });
    }
  }
  return out;
}

/**
 * compromise steps whose results no view or pattern here reads: `chunks` only marks noun and
 * verb phrases (for `<Noun>` patterns), sets no tag, and costs a tenth of the tagging.
 */
const UNUSED_HOOKS: ReadonlySet<string> = new Set(['chunks']);

/** `nlp(text)` without some of its steps; compromise's own list is restored at once (the call is synchronous). */
function taggedWithout(nlp: Nlp, skipped: ReadonlySet<string>, text: string): ReturnType<Nlp> {
  const world = nlp.world() as unknown as { hooks: string[] };
  const hooks = world.hooks;
  world.hooks = hooks.filter((h) => !skipped.has(h));
  try {
    return nlp(text);
  } finally {
    world.hooks = hooks;
  }
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

export const nlpExtractor: ExtractorFactory = ({ packs, list }) => {
  const notNames = new Set(list('not-names'));
  const matchRules = packs.flatMap((pack) =>
    pack.rules
      .filter((r) => r.match)
      .map((r): MatchRule => ({ by: `rule:${pack.name}/${r.id}`, type: r.type, priority: r.priority, match: r.match! })),
  );
  return {
    id: 'nlp:compromise',
    description: 'People, places and organizations found by compromise, and the packs’ compromise match patterns',
    types: ['person', 'place', 'org', ...matchRules.map((r) => r.type)],
    extract: (doc: Document) => findNamedEntities(doc.text, matchRules, notNames),
  };
};
