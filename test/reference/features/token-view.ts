import type { Tokens } from '../../../src/tagger/tokens.js';
import { CASES, type PeriodTable } from '../../../src/tagger/period.js';

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
  places?: Record<string, number>;
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
  places: Map<string, number>;
  /** The period table (models/period.bin), when the model was trained with one. */
  period?: PeriodTable;
}

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

const bareWord = (w: string) => (w.endsWith('.') ? w.slice(0, -1) : w);

/** Each token's text normalised (OCR forms joined), lower-cased, its shape, and lower-cased without a final period. */
function wordsOf(tokens: Tokens, capsLine: Uint8Array): { raw: string[]; lower: string[]; shapes: string[]; bareLower: string[] } {
  const n = tokens.count;
  const raw = new Array<string>(n);
  const lower = new Array<string>(n);
  const shapes = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    // Since feature revision 2, a line in capitals is read in ordinary forms (`LONDON` as `London`).
    const word = tokens.text.slice(tokens.starts[i]!, tokens.ends[i]!);
    raw[i] = normalForm(capsLine[i] && /^\p{Lu}[\p{Lu}'’-]+\.?$/u.test(word) ? word[0] + word.slice(1).toLowerCase() : word);
    lower[i] = raw[i]!.toLowerCase();
    shapes[i] = shape(raw[i]!);
  }
  return { raw, lower, shapes, bareLower: lower.map(bareWord) };
}

/** Word-list classes, of single words and of two-word names (`santa fe`: B and I). */
function classesOf(lower: readonly string[], lexicon: LexiconSets): string[] {
  const n = lower.length;
  const classes = new Array<string>(n).fill('');
  for (let i = 0; i < n; i++) {
    const pair = i + 1 < n ? lexicon.classes.get(`${lower[i]} ${lower[i + 1]}`) : undefined;
    if (pair) {
      classes[i] = `B-${pair}`;
      classes[i + 1] = `I-${pair}`;
    } else if (!classes[i]) classes[i] = lexicon.classes.get(bareWord(lower[i]!)) ?? '';
  }
  return classes;
}

/** The period table: each word's cluster (its prefixes: 4, 8, 10 bits) and casing bins in period text. */
function periodOf(lexicon: LexiconSets, bareLower: readonly string[]): { clusterOf: Int32Array; capitalBin: string[]; theBin: string[] } {
  const n = bareLower.length;
  const period = lexicon.period;
  const clusterOf = new Int32Array(n).fill(-1);
  const capitalBin: string[] = new Array<string>(n).fill('?');
  const theBin: string[] = new Array<string>(n).fill('?');
  if (!period) return { clusterOf, capitalBin, theBin };
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
  return { clusterOf, capitalBin, theBin };
}

/** What the features of one text are read from: each token's forms, classes, hints and period statistics. */
export interface TokenView {
  n: number;
  raw: string[];
  lower: string[];
  shapes: string[];
  bareLower: string[];
  labels: string[];
  sources: string[];
  classes: string[];
  capsLine: Uint8Array;
  sentenceStart: Uint8Array;
  clusterOf: Int32Array;
  capitalBin: string[];
  theBin: string[];
  lexicon: LexiconSets;
}

export function tokenView(tokens: Tokens, lexicon: LexiconSets, hints: readonly Hint[]): TokenView {
  const n = tokens.count;
  const capsLine = capitalLines(tokens);
  const words = wordsOf(tokens, capsLine);
  const sentenceStart = new Uint8Array(n);
  for (const s of tokens.sentences) if (s < n) sentenceStart[s] = 1;
  return {
    n,
    ...words,
    ...hintLabels(tokens, hints),
    classes: classesOf(words.lower, lexicon),
    capsLine,
    sentenceStart,
    ...periodOf(lexicon, words.bareLower),
    lexicon,
  };
}
