import type { Tokens } from './tokens.js';
import { CASES, type PeriodTable } from './period.js';

/** Word lists and word statistics the features read; stored in the model, fixed at training. */
export interface Lexicon {
  /** Abbreviations that keep their period (lower case, no period). */
  abbreviations: string[];
  titles: string[];
  orgHeads: string[];
  particles: string[];
  notNames: string[];
  /** How often a word is written with a capital inside a sentence in period text, in bins 0–4. */
  capitals: Record<string, number>;
  /** A word list's class of a word or two-word name (lower case): first, last, place, org, person, title, date, word. */
  classes: Record<string, string>;
}

/** Lookup sets built once per model. */
export interface LexiconSets {
  abbreviations: Set<string>;
  titles: Set<string>;
  orgHeads: Set<string>;
  particles: Set<string>;
  notNames: Set<string>;
  capitals: Map<string, number>;
  classes: Map<string, string>;
  /** The period table (models/period.bin), when the model was trained with one. */
  period?: PeriodTable;
}

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
    ...(period ? { period } : {}),
  };
}

/** Features per token: a fixed number of slots (one per name below), so a sentence's features fit one typed array. */
export const SLOTS = 41;
/** The slots before the period table's seven: all a model trained without a table reads. */
export const BASE_SLOTS = 34;
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
const FEATURES_REVISION = 1;

/** The feature set a model is trained for, written in its header and checked on load (see FORMAT.md). */
export const FEATURE_SET = `${FEATURES_REVISION}:${hash(SLOT_NAMES.join(' ')).toString(16).padStart(8, '0')}`;

/** The hash state after each feature's prefix. */
const SEED = Object.fromEntries(PREFIXES.map((p) => [p, more(0x811c9dc5, p)])) as Record<(typeof PREFIXES)[number], number>;

/** The token as a reader sees it: OCR line-end hyphenation joined, long s and curly quotes plain. */
export function normalForm(raw: string): string {
  if (!/[-¬ſ’]/.test(raw)) return raw;
  return raw
    .replace(/(?:-[ \t]*\r?\n[ \t]*|¬[ \t]*(?:\r?\n[ \t]*)?)/g, '')
    .replace(/ſ/g, 's')
    .replace(/’/g, "'");
}

const charClass = (ch: string): string => {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : ch;
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
};

export function shape(word: string): string {
  let out = '';
  for (const ch of word) {
    const c = charClass(ch);
    if (!(out.length >= 2 && out[out.length - 1] === c && out[out.length - 2] === c)) out += c;
  }
  return out;
}

/** A rule's span, given to the tagger as evidence (stacking): its type and where it came from. */
export interface Hint {
  type: string;
  start: number;
  end: number;
  by?: string;
}

/** Per token: the hint covering it, as `B-type` or `I-type`, and its source family (`names`, `patterns` …). */
export function hintLabels(tokens: Tokens, hints: readonly Hint[]): { labels: string[]; sources: string[] } {
  const labels = new Array<string>(tokens.count).fill('');
  const sources = new Array<string>(tokens.count).fill('');
  const sorted = [...hints].sort((a, b) => a.start - b.start || b.end - a.end);
  let t = 0;
  for (const h of sorted) {
    while (t < tokens.count && tokens.ends[t]! <= h.start) t++;
    let first = true;
    for (let i = t; i < tokens.count && tokens.starts[i]! < h.end; i++) {
      if (labels[i]) continue;
      labels[i] = `${first ? 'B' : 'I'}-${h.type}`;
      sources[i] = (h.by ?? '').replace(/^[a-z]+:/, '').replace(/\/.*$/, '');
      first = false;
    }
  }
  return { labels, sources };
}

/** Whether each token stands on a line written in capitals only (a headline). */
function capitalLines(tokens: Tokens): Uint8Array {
  const out = new Uint8Array(tokens.count);
  const { text } = tokens;
  let i = 0;
  while (i < tokens.count) {
    const lineStart = text.lastIndexOf('\n', tokens.starts[i]! - 1) + 1;
    const next = text.indexOf('\n', tokens.starts[i]!);
    const lineEnd = next < 0 ? text.length : next;
    let j = i;
    while (j < tokens.count && tokens.starts[j]! < lineEnd) j++;
    const line = text.slice(lineStart, lineEnd);
    const capitals = /\p{Lu}{2}/u.test(line) && !/\p{Ll}/u.test(line);
    for (let k = i; k < j; k++) out[k] = capitals ? 1 : 0;
    i = Math.max(j, i + 1);
  }
  return out;
}

/** The features of every token of a text, SLOTS hashes each. */
export function featurize(tokens: Tokens, lexicon: LexiconSets, hints: readonly Hint[] = []): Uint32Array {
  const n = tokens.count;
  const bare = (w: string) => (w.endsWith('.') ? w.slice(0, -1) : w);
  const raw = new Array<string>(n);
  const lower = new Array<string>(n);
  const shapes = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    raw[i] = normalForm(tokens.text.slice(tokens.starts[i]!, tokens.ends[i]!));
    lower[i] = raw[i]!.toLowerCase();
    shapes[i] = shape(raw[i]!);
  }
  const { labels, sources } = hintLabels(tokens, hints);
  // Word-list classes, of single words and of two-word names (`santa fe`: B and I).
  const classes = new Array<string>(n).fill('');
  for (let i = 0; i < n; i++) {
    const pair = i + 1 < n ? lexicon.classes.get(`${lower[i]} ${lower[i + 1]}`) : undefined;
    if (pair) {
      classes[i] = `B-${pair}`;
      classes[i + 1] = `I-${pair}`;
    } else if (!classes[i]) classes[i] = lexicon.classes.get(bare(lower[i]!)) ?? '';
  }
  const capsLine = capitalLines(tokens);
  const sentenceStart = new Uint8Array(n);
  for (const s of tokens.sentences) if (s < n) sentenceStart[s] = 1;
  const out = new Uint32Array(n * SLOTS);
  // Each feature is the hash of a string such as `w-1:the`, computed without building the string.
  const put = (i: number, k: number, h: number) => (out[i * SLOTS + k] = h >>> 0);
  const word = (arr: string[], i: number, edge: string) => (i >= 0 && i < n ? arr[i]! : edge);
  const bareLower = lower.map(bare);
  const bit = (set: Set<string>, i: number) => (i >= 0 && i < n && set.has(bareLower[i]!) ? '1' : '0');
  const BIAS = hash('bias');
  // The period table: each word's cluster (its prefixes: 4, 8, 10 bits) and casing in period text.
  const period = lexicon.period;
  const clusterOf = new Int32Array(n).fill(-1);
  const capitalBin: string[] = new Array<string>(n).fill('?');
  const theBin: string[] = new Array<string>(n).fill('?');
  if (period) {
    for (let i = 0; i < n; i++) {
      const at = period.index.get(bareLower[i]!);
      if (at === undefined) continue;
      clusterOf[i] = period.clusters[at]!;
      const capital = period.cases[at * CASES]!;
      const lowerCase = period.cases[at * CASES + 1]!;
      if (capital + lowerCase >= 5) {
        const ratio = capital / (capital + lowerCase);
        capitalBin[i] = ratio < 0.1 ? '0' : ratio < 0.4 ? '1' : ratio < 0.7 ? '2' : ratio < 0.95 ? '3' : '4';
      }
      if (capital >= 5) {
        const the = period.cases[at * CASES + 3]! / capital;
        theBin[i] = the < 0.05 ? '0' : the < 0.2 ? '1' : the < 0.5 ? '2' : '3';
      }
    }
  }
  const k = (i: number, shift: number) => (i < 0 || i >= n ? '<s>' : clusterOf[i]! < 0 ? '?' : String(clusterOf[i]! >> shift));
  for (let i = 0; i < n; i++) {
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
    put(i, s++, more(more(more(SEED['first:'], sentenceStart[i] ? '1' : '0'), '|'), sh, 0, 2));
    put(i, s++, more(more(more(SEED['cap:'], capital === undefined ? '?' : String(capital)), '|'), sh, 0, 1));
    put(i, s++, more(SEED['cap+1:'], capitalNext === undefined ? '?' : String(capitalNext)));
    put(i, s++, more(more(SEED['title:'], bit(lexicon.titles, i)), bit(lexicon.titles, i - 1)));
    put(i, s++, more(more(more(SEED['head:'], bit(lexicon.orgHeads, i - 1)), bit(lexicon.orgHeads, i)), bit(lexicon.orgHeads, i + 1)));
    put(i, s++, more(SEED['part:'], bit(lexicon.particles, i)));
    put(i, s++, more(SEED['not:'], lexicon.notNames.has(raw[i]!) ? '1' : '0'));
    put(i, s++, more(more(more(SEED['caps:'], capsLine[i] ? '1' : '0'), '|'), sh, 0, 2));
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
    put(i, s++, more(SEED['k4:'], k(i, 6)));
    put(i, s++, more(SEED['k8:'], k(i, 2)));
    put(i, s++, more(SEED['k10:'], k(i, 0)));
    put(i, s++, more(SEED['k-1:'], k(i - 1, 2)));
    put(i, s++, more(SEED['k+1:'], k(i + 1, 2)));
    put(i, s++, more(more(more(SEED['pc:'], capitalBin[i]!), '|'), sh, 0, 1));
    put(i, s, more(more(more(SEED['pt:'], theBin[i]!), '|'), sh, 0, 1));
  }
  return out;
}
