import type { Tokens } from './tokens.js';
import type { PeriodTable } from './period.js';

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
  /** One-word place names of the gazetteer (lower case) and their size bands, 1–4 (models since feature revision 2). */
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
export function capitalLines(tokens: Tokens): Uint8Array {
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
