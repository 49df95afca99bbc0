import type { Tokens } from './tokens.js';

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
}

export function lexiconSets(lexicon: Lexicon): LexiconSets {
  const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase().replace(/\.$/, '')));
  return {
    abbreviations: lower(lexicon.abbreviations),
    titles: lower(lexicon.titles),
    orgHeads: lower(lexicon.orgHeads),
    particles: lower(lexicon.particles),
    notNames: new Set(lexicon.notNames),
    capitals: new Map(Object.entries(lexicon.capitals)),
    classes: new Map(Object.entries(lexicon.classes)),
  };
}

/** Features per token: a fixed number of slots, so a sentence's features fit one typed array. */
export const SLOTS = 34;

/** FNV-1a, 32 bits. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The token as a reader sees it: OCR line-end hyphenation joined, long s and curly quotes plain. */
export function normalForm(raw: string): string {
  return raw.replace(/(?:-[ \t]*\r?\n[ \t]*|¬[ \t]*(?:\r?\n[ \t]*)?)/g, '').replace(/ſ/g, 's').replace(/’/g, "'");
}

export function shape(word: string): string {
  let out = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
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
  const bare = (w: string) => w.replace(/\.$/, '');
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
  const flag = (set: Set<string>, i: number) => (i >= 0 && i < n && set.has(bare(lower[i]!)) ? '1' : '0');
  const at = (arr: string[], i: number, edge: string) => (i >= 0 && i < n ? arr[i]! : edge);
  for (let i = 0; i < n; i++) {
    const w = lower[i]!;
    const capital = lexicon.capitals.get(w);
    const features = [
      'bias',
      `w:${w}`,
      `W:${raw[i]}`,
      `s:${shapes[i]}`,
      `p1:${w.slice(0, 1)}`,
      `p3:${w.slice(0, 3)}`,
      `x2:${w.slice(-2)}`,
      `x3:${w.slice(-3)}`,
      `x4:${w.slice(-4)}`,
      `w-1:${at(lower, i - 1, '<s>')}`,
      `w+1:${at(lower, i + 1, '</s>')}`,
      `w-2:${at(lower, i - 2, '<s>')}`,
      `w+2:${at(lower, i + 2, '</s>')}`,
      `s-1:${at(shapes, i - 1, '<s>')}`,
      `s+1:${at(shapes, i + 1, '</s>')}`,
      `s-1s:${at(shapes, i - 1, '<s>')}|${shapes[i]}`,
      `first:${sentenceStart[i]}|${shapes[i]!.slice(0, 2)}`,
      `cap:${capital ?? '?'}|${shapes[i]!.slice(0, 1)}`,
      `cap+1:${lexicon.capitals.get(at(lower, i + 1, '')) ?? '?'}`,
      `title:${flag(lexicon.titles, i)}${flag(lexicon.titles, i - 1)}`,
      `head:${flag(lexicon.orgHeads, i - 1)}${flag(lexicon.orgHeads, i)}${flag(lexicon.orgHeads, i + 1)}`,
      `part:${flag(lexicon.particles, i)}`,
      `not:${lexicon.notNames.has(raw[i]!) ? 1 : 0}`,
      `caps:${capsLine[i]}|${shapes[i]!.slice(0, 2)}`,
      `h:${labels[i]}`,
      `h-1:${at(labels, i - 1, '<s>')}`,
      `h+1:${at(labels, i + 1, '</s>')}`,
      `hs:${sources[i]}|${labels[i]}`,
      `w-1w:${at(lower, i - 1, '<s>')}|${w}`,
      `ww+1:${w}|${at(lower, i + 1, '</s>')}`,
      `c:${classes[i]}|${shapes[i]!.slice(0, 2)}`,
      `c-1:${at(classes, i - 1, '<s>')}`,
      `c+1:${at(classes, i + 1, '</s>')}`,
      `c-1c:${at(classes, i - 1, '<s>')}|${classes[i]}|${at(classes, i + 1, '</s>')}`,
    ];
    for (let k = 0; k < SLOTS; k++) out[i * SLOTS + k] = hash(features[k]!);
  }
  return out;
}
