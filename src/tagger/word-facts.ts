import { more, seed, type Prefix } from './hashing.js';
import { CASES } from './period.js';
import { normalForm, shape, type LexiconSets } from './token-view.js';

/** The features of a token that depend on its word alone, or on it as a neighbour: hashed once per word form. */
export const WORD_PARTS = [
  'w:',
  'W:',
  's:',
  'p1:',
  'p3:',
  'x2:',
  'x3:',
  'x4:',
  'w-1:',
  'w+1:',
  'w-2:',
  'w+2:',
  's-1:',
  's+1:',
  'cap+1:',
  'k4:',
  'k8:',
  'k10:',
  'k-1:',
  'k+1:',
] as const satisfies readonly Prefix[];
/** Word parts that join two values (`first:1|Xx`, both kept), and hash states a neighbour continues (`w-1w:<word>|`). */
const N = WORD_PARTS.length;
export const FIRST0 = N;
export const FIRST1 = N + 1;
export const CAP = N + 2;
export const CAPS0 = N + 3;
export const CAPS1 = N + 4;
export const PC = N + 5;
export const PT = N + 6;
export const C_OWN = N + 7;
export const SHAPE_LEFT = N + 8;
export const WORD_LEFT = N + 9;
export const WORD_RIGHT = N + 10;
export const GZ = N + 11;
const HASHES = N + 12;
const SEEDS = WORD_PARTS.map(seed);

/** Bits of WordFacts.lists. */
export const TITLE = 1;
export const HEAD = 2;
export const PARTICLE = 4;
export const NOT_NAME = 8;

/** What the features read of one word form. */
export interface WordFacts {
  lower: string;
  shape: string;
  /** Its word-list class alone (`first`, `place` …), or ''; a two-word name may override it in a text. */
  ownClass: string;
  /** Whether it starts a two-word name of the word lists (`santa` of `santa fe`). */
  pairStart: boolean;
  /** Bits: 1 title, 2 organization head, 4 particle, 8 a capitalized word that is no name (`notNames`). */
  lists: number;
  /** Hash states by the indices above (signed 32 bits: the features are taken `>>> 0`). */
  h: Int32Array;
}

const bare = (w: string) => (w.endsWith('.') ? w.slice(0, -1) : w);
const bin = (n: number | undefined) => (n === undefined ? '?' : String(n));

/** The cluster (as the `k` features spell it at each depth) and casing bins of a word in period text. */
function periodFacts(lexicon: LexiconSets, bareLower: string) {
  const at = lexicon.period?.index.get(bareLower);
  if (at === undefined) return { cluster: -1, capitalBin: '?', theBin: '?' };
  const cases = lexicon.period!.cases;
  const capital = cases[at * CASES]!;
  const lowerCase = cases[at * CASES + 1]!;
  let capitalBin = '?';
  let theBin = '?';
  if (capital + lowerCase >= 5) {
    const ratio = capital / (capital + lowerCase);
    capitalBin = ratio < 0.1 ? '0' : ratio < 0.4 ? '1' : ratio < 0.7 ? '2' : ratio < 0.95 ? '3' : '4';
  }
  if (capital >= 5) {
    const the = cases[at * CASES + 3]! / capital;
    theBin = the < 0.05 ? '0' : the < 0.2 ? '1' : the < 0.5 ? '2' : '3';
  }
  return { cluster: lexicon.period!.clusters[at]!, capitalBin, theBin };
}

function factsOf(lexicon: LexiconSets, pairStarts: ReadonlySet<string>, text: string): WordFacts {
  const raw = normalForm(text);
  const lower = raw.toLowerCase();
  const bareLower = bare(lower);
  const sh = shape(raw);
  const ownClass = lexicon.classes.get(bareLower) ?? '';
  const { cluster, capitalBin, theBin } = periodFacts(lexicon, bareLower);
  const k = (shift: number) => (cluster < 0 ? '?' : String(cluster >> shift));
  const h = new Int32Array(HASHES);
  const capital = bin(lexicon.capitals.get(lower));
  // In the order of WORD_PARTS: each its string, and the range of it hashed.
  const values: [string, number?, number?][] = [
    [lower],
    [raw],
    [sh],
    [lower, 0, 1],
    [lower, 0, 3],
    [lower, lower.length - 2],
    [lower, lower.length - 3],
    [lower, lower.length - 4],
    [lower],
    [lower],
    [lower],
    [lower],
    [sh],
    [sh],
    [capital],
    [k(6)],
    [k(2)],
    [k(0)],
    [k(2)],
    [k(2)],
  ];
  for (let i = 0; i < N; i++) h[i] = more(SEEDS[i]!, ...values[i]!);
  const then = (p: Prefix, first: string, second: string, upTo?: number) => more(more(more(seed(p), first), '|'), second, 0, upTo);
  h[FIRST0] = then('first:', '0', sh, 2);
  h[FIRST1] = then('first:', '1', sh, 2);
  h[CAP] = then('cap:', capital, sh, 1);
  h[CAPS0] = then('caps:', '0', sh, 2);
  h[CAPS1] = then('caps:', '1', sh, 2);
  h[PC] = then('pc:', capitalBin, sh, 1);
  h[PT] = then('pt:', theBin, sh, 1);
  h[C_OWN] = then('c:', ownClass, sh, 2);
  h[SHAPE_LEFT] = more(more(seed('s-1s:'), sh), '|');
  h[WORD_LEFT] = more(more(seed('w-1w:'), lower), '|');
  h[WORD_RIGHT] = more(more(seed('ww+1:'), lower), '|');
  h[GZ] = then('gz:', String(lexicon.places.get(bareLower) ?? 0), sh, 1);
  const lists =
    (lexicon.titles.has(bareLower) ? TITLE : 0) |
    (lexicon.orgHeads.has(bareLower) ? HEAD : 0) |
    (lexicon.particles.has(bareLower) ? PARTICLE : 0) |
    (lexicon.notNames.has(raw) ? NOT_NAME : 0);
  return { lower, shape: sh, ownClass, pairStart: pairStarts.has(lower), lists, h };
}

/** Facts by word form, per lexicon; a long run's cache is emptied when it grows past this many forms. */
const MAX_FORMS = 200_000;
const caches = new WeakMap<LexiconSets, { forms: Map<string, WordFacts>; pairStarts: Set<string> }>();

/** The facts of a token's text (its characters as they stand in the document). */
export function wordFacts(lexicon: LexiconSets): (text: string) => WordFacts {
  let cache = caches.get(lexicon);
  if (!cache) {
    const pairStarts = new Set([...lexicon.classes.keys()].filter((k) => k.includes(' ')).map((k) => k.slice(0, k.indexOf(' '))));
    caches.set(lexicon, (cache = { forms: new Map(), pairStarts }));
  }
  const { forms, pairStarts } = cache;
  return (text) => {
    let facts = forms.get(text);
    if (!facts) {
      if (forms.size >= MAX_FORMS) forms.clear();
      forms.set(text, (facts = factsOf(lexicon, pairStarts, text)));
    }
    return facts;
  };
}
