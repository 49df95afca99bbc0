import type { Tokens } from './tokens.js';
import type { PeriodTable } from './period.js';
import { more, seed, SLOTS, type Prefix } from './hashing.js';
import { capitalLines, hintLabels, type Hint, type Lexicon, type LexiconSets } from './token-view.js';
import * as F from './word-facts.js';

export { hash, FEATURE_SET, SLOT_NAMES, SLOTS } from './hashing.js';
export { hintLabels, normalForm, shape, type Hint, type Lexicon, type LexiconSets } from './token-view.js';

export function lexiconSets(lexicon: Lexicon, period?: PeriodTable): LexiconSets {
  const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase().replace(/\.$/, '')));
  return {
    abbreviations: lower(lexicon.abbreviations),
    titles: lower(lexicon.titles),
    orgHeads: lower(lexicon.orgHeads),
    particles: lower(lexicon.particles),
    notNames: new Set(lexicon.notNames),
    capitals: new Map(Object.entries(lexicon.capitals)),
    classes: new Map(Object.entries(lexicon.classes)),
    places: new Map(Object.entries(lexicon.places ?? {})),
    ...(period ? { period } : {}),
  };
}

/** The slots before the period table's seven: all a model trained without a table reads. */
export const BASE_SLOTS = 35;
/** How many slots a model reads: all of them with a period table, the first 35 without. */
export const slotsUsed = (withPeriod: boolean): number => (withPeriod ? SLOTS : BASE_SLOTS);

/** Word-list classes of a text's tokens: each word's own, or a two-word name's (`santa fe`: B and I). */
function classesOf(facts: readonly F.WordFacts[], lexicon: LexiconSets): string[] {
  const n = facts.length;
  const classes = new Array<string>(n).fill('');
  for (let i = 0; i < n; i++) {
    const pair = i + 1 < n && facts[i]!.pairStart ? lexicon.classes.get(`${facts[i]!.lower} ${facts[i + 1]!.lower}`) : undefined;
    if (pair) {
      classes[i] = `B-${pair}`;
      classes[i + 1] = `I-${pair}`;
    } else if (!classes[i]) classes[i] = facts[i]!.ownClass;
  }
  return classes;
}

/** What the features of one text are read from: each token's word facts, classes, hints and line. */
interface TokenView {
  n: number;
  facts: F.WordFacts[];
  classes: string[];
  labels: string[];
  sources: string[];
  capsLine: Uint8Array;
  sentenceStart: Uint8Array;
  edges: Edges;
}

/** A word of a line in capitals as a reader reads it: `LONDON` as `London`, `MR.` as `Mr.`; `M.P.` stays. */
export const ordinaryForm = (word: string): string =>
  /^\p{Lu}[\p{Lu}'’-]+\.?$/u.test(word) ? word[0] + word.slice(1).toLowerCase() : word;

/** The features of every token of a text, SLOTS hashes each; a line in capitals read in ordinary forms. */
export function featurize(tokens: Tokens, lexicon: LexiconSets, hints: readonly Hint[] = []): Uint32Array {
  return featuresOf(tokens, lexicon, hints)(0, tokens.count);
}

/**
 * The features of a text's tokens `from`…`to`, on demand: what they are read from is made once,
 * the features of a stretch written into one buffer reused from call to call (a long text's
 * features never all at once: 168 bytes a token).
 */
export function featuresOf(tokens: Tokens, lexicon: LexiconSets, hints: readonly Hint[] = []): (from: number, to: number) => Uint32Array {
  const factsOf = F.wordFacts(lexicon);
  const capsLine = capitalLines(tokens);
  const facts = new Array<F.WordFacts>(tokens.count);
  for (let i = 0; i < tokens.count; i++) {
    const word = tokens.text.slice(tokens.starts[i]!, tokens.ends[i]!);
    facts[i] = factsOf(capsLine[i] ? ordinaryForm(word) : word);
  }
  const sentenceStart = new Uint8Array(tokens.count);
  for (const s of tokens.sentences) if (s < tokens.count) sentenceStart[s] = 1;
  const view: TokenView = {
    n: tokens.count,
    facts,
    classes: classesOf(facts, lexicon),
    ...hintLabels(tokens, hints),
    capsLine,
    sentenceStart,
    edges: edgesOf(lexicon),
  };
  let buffer = new Uint32Array(0);
  return (from, to) => {
    if (buffer.length < (to - from) * SLOTS) buffer = new Uint32Array((to - from) * SLOTS);
    const out = buffer.subarray(0, (to - from) * SLOTS);
    for (let i = from; i < to; i++) tokenFeatures(view, i, out, (i - from) * SLOTS);
    return out;
  };
}

/** The hashes of features whose neighbour is past the text's edge (`w-1:<s>`, `w+1:</s>`). */
type Edges = ReturnType<typeof edgesOf>;
const edgeCache = new WeakMap<LexiconSets, ReturnType<typeof makeEdges>>();
const edgesOf = (lexicon: LexiconSets) => edgeCache.get(lexicon) ?? edgeCache.set(lexicon, makeEdges(lexicon)).get(lexicon)!;

function makeEdges(lexicon: LexiconSets) {
  const at = (p: Prefix, s: string) => more(seed(p), s);
  const capital = lexicon.capitals.get('');
  return {
    before: { 'w-1:': at('w-1:', '<s>'), 'w-2:': at('w-2:', '<s>'), 's-1:': at('s-1:', '<s>'), 'k-1:': at('k-1:', '<s>') },
    after: { 'w+1:': at('w+1:', '</s>'), 'w+2:': at('w+2:', '</s>'), 's+1:': at('s+1:', '</s>'), 'k+1:': at('k+1:', '<s>') },
    shapeLeft: more(more(seed('s-1s:'), '<s>'), '|'),
    wordLeft: more(more(seed('w-1w:'), '<s>'), '|'),
    capitalNext: at('cap+1:', capital === undefined ? '?' : String(capital)),
  };
}

const BIAS = more(0x811c9dc5, 'bias');
const at = (p: (typeof F.WORD_PARTS)[number]): number => F.WORD_PARTS.indexOf(p);
const W = at('w:');
const W_RAW = at('W:');
const S = at('s:');
const P1 = at('p1:');
const P3 = at('p3:');
const X2 = at('x2:');
const X3 = at('x3:');
const X4 = at('x4:');
const W_BEFORE = at('w-1:');
const W_AFTER = at('w+1:');
const W_BEFORE2 = at('w-2:');
const W_AFTER2 = at('w+2:');
const S_BEFORE = at('s-1:');
const S_AFTER = at('s+1:');
const CAP_NEXT = at('cap+1:');
const K4 = at('k4:');
const K8 = at('k8:');
const K10 = at('k10:');
const K_BEFORE = at('k-1:');
const K_AFTER = at('k+1:');
/** The hashes of bit features, by their bits read as a binary number (`head:010` at 2). */
const bits = (p: Prefix, count: number) => Array.from({ length: 1 << count }, (_, v) => more(seed(p), v.toString(2).padStart(count, '0')));
const TITLE_BITS = bits('title:', 2);
const HEAD_BITS = bits('head:', 3);
const PART_BITS = bits('part:', 1);
const NOT_BITS = bits('not:', 1);
const has = (f: F.WordFacts | undefined, list: number) => (f && f.lists & list ? 1 : 0);
const after = (h: number, s: string) => more(more(h, s), '|');

const SEED_H = seed('h:');
const SEED_H_BEFORE = seed('h-1:');
const SEED_H_AFTER = seed('h+1:');
const SEED_HS = seed('hs:');
const SEED_C = seed('c:');
const SEED_C_BEFORE = seed('c-1:');
const SEED_C_AFTER = seed('c+1:');
const SEED_C3 = seed('c-1c:');

/** One token's SLOTS features, in the order of SLOT_NAMES (a Uint32Array stores each signed hash unsigned). */
function tokenFeatures(v: TokenView, i: number, out: Uint32Array, at: number): void {
  contextFeatures(v, i, out, wordFeatures(v, i, out, at));
}

/** The features of the word and its neighbours' forms, from `w:` to `cap+1:`; returns the next slot. */
function wordFeatures({ facts, edges, sentenceStart }: TokenView, i: number, out: Uint32Array, o: number): number {
  const f = facts[i]!;
  const prev = facts[i - 1];
  const next = facts[i + 1];
  const prev2 = facts[i - 2];
  const next2 = facts[i + 2];
  const h = f.h;
  out[o++] = BIAS;
  out[o++] = h[W]!;
  out[o++] = h[W_RAW]!;
  out[o++] = h[S]!;
  out[o++] = h[P1]!;
  out[o++] = h[P3]!;
  out[o++] = h[X2]!;
  out[o++] = h[X3]!;
  out[o++] = h[X4]!;
  out[o++] = prev ? prev.h[W_BEFORE]! : edges.before['w-1:'];
  out[o++] = next ? next.h[W_AFTER]! : edges.after['w+1:'];
  out[o++] = prev2 ? prev2.h[W_BEFORE2]! : edges.before['w-2:'];
  out[o++] = next2 ? next2.h[W_AFTER2]! : edges.after['w+2:'];
  out[o++] = prev ? prev.h[S_BEFORE]! : edges.before['s-1:'];
  out[o++] = next ? next.h[S_AFTER]! : edges.after['s+1:'];
  out[o++] = more(prev ? prev.h[F.SHAPE_LEFT]! : edges.shapeLeft, f.shape);
  out[o++] = h[sentenceStart[i] ? F.FIRST1 : F.FIRST0]!;
  out[o++] = h[F.CAP]!;
  out[o++] = next ? next.h[CAP_NEXT]! : edges.capitalNext;
  return o;
}

/** The features of word lists, hints, word pairs, classes and the period table, from `title:` to `pt:`. */
function contextFeatures(v: TokenView, i: number, out: Uint32Array, o: number): void {
  const { facts, classes, labels, sources, edges } = v;
  const f = facts[i]!;
  const prev = facts[i - 1];
  const next = facts[i + 1];
  const h = f.h;
  const cls = classes[i]!;
  const classBefore = i > 0 ? classes[i - 1]! : '<s>';
  const classAfter = i + 1 < v.n ? classes[i + 1]! : '</s>';
  out[o++] = TITLE_BITS[has(f, F.TITLE) * 2 + has(prev, F.TITLE)]!;
  out[o++] = HEAD_BITS[has(prev, F.HEAD) * 4 + has(f, F.HEAD) * 2 + has(next, F.HEAD)]!;
  out[o++] = PART_BITS[has(f, F.PARTICLE)]!;
  out[o++] = NOT_BITS[has(f, F.NOT_NAME)]!;
  out[o++] = h[v.capsLine[i] ? F.CAPS1 : F.CAPS0]!;
  out[o++] = more(SEED_H, labels[i]!);
  out[o++] = more(SEED_H_BEFORE, i > 0 ? labels[i - 1]! : '<s>');
  out[o++] = more(SEED_H_AFTER, i + 1 < v.n ? labels[i + 1]! : '</s>');
  out[o++] = more(after(SEED_HS, sources[i]!), labels[i]!);
  out[o++] = more(prev ? prev.h[F.WORD_LEFT]! : edges.wordLeft, f.lower);
  out[o++] = more(h[F.WORD_RIGHT]!, next ? next.lower : '</s>');
  out[o++] = cls === f.ownClass ? h[F.C_OWN]! : more(after(SEED_C, cls), f.shape, 0, 2);
  out[o++] = more(SEED_C_BEFORE, classBefore);
  out[o++] = more(SEED_C_AFTER, classAfter);
  out[o++] = more(after(after(SEED_C3, classBefore), cls), classAfter);
  out[o++] = h[F.GZ]!;
  out[o++] = h[K4]!;
  out[o++] = h[K8]!;
  out[o++] = h[K10]!;
  out[o++] = prev ? prev.h[K_BEFORE]! : edges.before['k-1:'];
  out[o++] = next ? next.h[K_AFTER]! : edges.after['k+1:'];
  out[o++] = h[F.PC]!;
  out[o] = h[F.PT]!;
}
