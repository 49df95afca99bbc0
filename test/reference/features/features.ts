// The features as first written (feature revision 1: every string hashed per token), with revision 2’s gazetteer band and
// ordinary forms of capital lines added the same slow way. test/tagger/features-reference.test.ts holds the fast ones to it.
import type { Tokens } from '../../../src/tagger/tokens.js';
import type { PeriodTable } from '../../../src/tagger/period.js';
import { tokenView, type Hint, type Lexicon, type LexiconSets, type TokenView } from './token-view.js';

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

/** Features per token: a fixed number of slots (one per name below), so a sentence's features fit one typed array. */
export const SLOTS = 42;
/** The slots before the period table's seven: all a model trained without a table reads. */
export const BASE_SLOTS = 35;
/** How many slots a model reads: all of them with a period table, the first 34 without. */
export const slotsUsed = (withPeriod: boolean): number => (withPeriod ? SLOTS : BASE_SLOTS);

/** FNV-1a, 32 bits. */
export function hash(s: string): number {
  return more(0x811c9dc5, s) >>> 0;
}

/** The FNV-1a hash of a string continued with `s` (from `from` to `to`): hash(a + b) = more(hash(a), b). */
function more(h: number, s: string, from = 0, to = s.length): number {
  for (let i = Math.max(0, from); i < Math.min(to, s.length); i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const PREFIXES = [
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
  's-1s:',
  'first:',
  'cap:',
  'cap+1:',
  'title:',
  'head:',
  'part:',
  'not:',
  'caps:',
  'h:',
  'h-1:',
  'h+1:',
  'hs:',
  'w-1w:',
  'ww+1:',
  'c:',
  'c-1:',
  'c+1:',
  'c-1c:',
  'gz:',
  'k4:',
  'k8:',
  'k10:',
  'k-1:',
  'k+1:',
  'pc:',
  'pt:',
] as const;
/** Each slot's feature, by the prefix its hashed strings start with; `featurize` fills them in this order. */
export const SLOT_NAMES = ['bias', ...PREFIXES] as const;

/** Raised when a feature's computation changes while its name stays: a model trained before no longer fits. */
const FEATURES_REVISION = 2;

/** The feature set a model is trained for, written in its header and checked on load (see FORMAT.md). */
export const FEATURE_SET = `${FEATURES_REVISION}:${hash(SLOT_NAMES.join(' ')).toString(16).padStart(8, '0')}`;

/** The hash state after each feature's prefix. */
const SEED = Object.fromEntries(PREFIXES.map((p) => [p, more(0x811c9dc5, p)])) as Record<(typeof PREFIXES)[number], number>;

/** The features of every token of a text, SLOTS hashes each. */
export function featurize(tokens: Tokens, lexicon: LexiconSets, hints: readonly Hint[] = []): Uint32Array {
  const v = tokenView(tokens, lexicon, hints);
  const out = new Uint32Array(v.n * SLOTS);
  for (let i = 0; i < v.n; i++) tokenFeatures(v, i, out);
  return out;
}

const BIAS = hash('bias');

/** One token's SLOTS features; each the hash of a string such as `w-1:the`, computed without building the string. */
function tokenFeatures(v: TokenView, i: number, out: Uint32Array): void {
  const { n, raw, lower, shapes, bareLower, labels, sources, classes, lexicon, clusterOf } = v;
  const put = (i: number, k: number, h: number) => (out[i * SLOTS + k] = h >>> 0);
  const word = (arr: string[], i: number, edge: string) => (i >= 0 && i < n ? arr[i]! : edge);
  const bit = (set: Set<string>, i: number) => (i >= 0 && i < n && set.has(bareLower[i]!) ? '1' : '0');
  const k = (i: number, shift: number) => (i < 0 || i >= n ? '<s>' : clusterOf[i]! < 0 ? '?' : String(clusterOf[i]! >> shift));
  {
    const w = lower[i]!;
    const sh = shapes[i]!;
    const capital = lexicon.capitals.get(w);
    const capitalNext = lexicon.capitals.get(word(lower, i + 1, ''));
    let s = 0;
    put(i, s++, BIAS);
    put(i, s++, more(SEED['w:'], w));
    put(i, s++, more(SEED['W:'], raw[i]!));
    put(i, s++, more(SEED['s:'], sh));
    put(i, s++, more(SEED['p1:'], w, 0, 1));
    put(i, s++, more(SEED['p3:'], w, 0, 3));
    put(i, s++, more(SEED['x2:'], w, w.length - 2));
    put(i, s++, more(SEED['x3:'], w, w.length - 3));
    put(i, s++, more(SEED['x4:'], w, w.length - 4));
    put(i, s++, more(SEED['w-1:'], word(lower, i - 1, '<s>')));
    put(i, s++, more(SEED['w+1:'], word(lower, i + 1, '</s>')));
    put(i, s++, more(SEED['w-2:'], word(lower, i - 2, '<s>')));
    put(i, s++, more(SEED['w+2:'], word(lower, i + 2, '</s>')));
    put(i, s++, more(SEED['s-1:'], word(shapes, i - 1, '<s>')));
    put(i, s++, more(SEED['s+1:'], word(shapes, i + 1, '</s>')));
    put(i, s++, more(more(more(SEED['s-1s:'], word(shapes, i - 1, '<s>')), '|'), sh));
    put(i, s++, more(more(more(SEED['first:'], v.sentenceStart[i] ? '1' : '0'), '|'), sh, 0, 2));
    put(i, s++, more(more(more(SEED['cap:'], capital === undefined ? '?' : String(capital)), '|'), sh, 0, 1));
    put(i, s++, more(SEED['cap+1:'], capitalNext === undefined ? '?' : String(capitalNext)));
    put(i, s++, more(more(SEED['title:'], bit(lexicon.titles, i)), bit(lexicon.titles, i - 1)));
    put(i, s++, more(more(more(SEED['head:'], bit(lexicon.orgHeads, i - 1)), bit(lexicon.orgHeads, i)), bit(lexicon.orgHeads, i + 1)));
    put(i, s++, more(SEED['part:'], bit(lexicon.particles, i)));
    put(i, s++, more(SEED['not:'], lexicon.notNames.has(raw[i]!) ? '1' : '0'));
    put(i, s++, more(more(more(SEED['caps:'], v.capsLine[i] ? '1' : '0'), '|'), sh, 0, 2));
    put(i, s++, more(SEED['h:'], labels[i]!));
    put(i, s++, more(SEED['h-1:'], word(labels, i - 1, '<s>')));
    put(i, s++, more(SEED['h+1:'], word(labels, i + 1, '</s>')));
    put(i, s++, more(more(more(SEED['hs:'], sources[i]!), '|'), labels[i]!));
    put(i, s++, more(more(more(SEED['w-1w:'], word(lower, i - 1, '<s>')), '|'), w));
    put(i, s++, more(more(more(SEED['ww+1:'], w), '|'), word(lower, i + 1, '</s>')));
    put(i, s++, more(more(more(SEED['c:'], classes[i]!), '|'), sh, 0, 2));
    put(i, s++, more(SEED['c-1:'], word(classes, i - 1, '<s>')));
    put(i, s++, more(SEED['c+1:'], word(classes, i + 1, '</s>')));
    put(
      i,
      s++,
      more(more(more(more(more(SEED['c-1c:'], word(classes, i - 1, '<s>')), '|'), classes[i]!), '|'), word(classes, i + 1, '</s>')),
    );
    put(i, s++, more(more(more(SEED['gz:'], String(lexicon.places.get(v.bareLower[i]!) ?? 0)), '|'), sh, 0, 1));
    put(i, s++, more(SEED['k4:'], k(i, 6)));
    put(i, s++, more(SEED['k8:'], k(i, 2)));
    put(i, s++, more(SEED['k10:'], k(i, 0)));
    put(i, s++, more(SEED['k-1:'], k(i - 1, 2)));
    put(i, s++, more(SEED['k+1:'], k(i + 1, 2)));
    put(i, s++, more(more(more(SEED['pc:'], v.capitalBin[i]!), '|'), sh, 0, 1));
    put(i, s, more(more(more(SEED['pt:'], v.theBin[i]!), '|'), sh, 0, 1));
  }
}
