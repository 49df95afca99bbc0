/**
 * Readers of the training corpora (see ../shared/train/README.md), each giving texts with
 * gold spans in UTF-16 offsets. LitBank and GUM also tag common nouns and pronouns (`the man`,
 * `he`): only name-like spans are kept, and the capitalized words of the others are left open.
 */
import type { TrainingText } from '../tagger/train.js';

type Span = { type: string; start: number; end: number };

const CONNECTORS = new Set([
  'of',
  'the',
  'de',
  'la',
  'le',
  'du',
  'des',
  'der',
  'von',
  'van',
  'da',
  'di',
  'and',
  '&',
  "'s",
  '’s',
  'y',
  'for',
  'on',
  'in',
]);
const PRONOUNS = new Set([
  'I',
  'He',
  'She',
  'It',
  'We',
  'They',
  'You',
  'Me',
  'Him',
  'Her',
  'Us',
  'Them',
  'My',
  'His',
  'Its',
  'Our',
  'Their',
  'Your',
  'One',
]);

/** Tokens of a span as a name: `the` dropped in front, capitalized words joined by connectors only. */
function nameLike(words: string[]): number | undefined {
  let skip = 0;
  while (skip < words.length && /^(?:the|The|a|an)$/.test(words[skip]!)) skip++;
  const rest = words.slice(skip);
  if (!rest.length || !/^\p{Lu}/u.test(rest[0]!) || (rest.length === 1 && PRONOUNS.has(rest[0]!))) return undefined;
  if (!/^\p{Lu}/u.test(rest[rest.length - 1]!) && !/^\p{N}/u.test(rest[rest.length - 1]!)) return undefined;
  return rest.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || CONNECTORS.has(w) || /^[.,-]$/.test(w)) ? skip : undefined;
}

/** Tokens laid out as text (with each token's offsets), sentences one a line. */
function layout(sentences: { word: string; spaceAfter: boolean }[][]): { text: string; starts: number[][]; ends: number[][] } {
  let text = '';
  const starts: number[][] = [];
  const ends: number[][] = [];
  for (const sentence of sentences) {
    const s: number[] = [];
    const e: number[] = [];
    for (const token of sentence) {
      s.push(text.length);
      text += token.word;
      e.push(text.length);
      if (token.spaceAfter) text += ' ';
    }
    text = text.trimEnd() + '\n';
    starts.push(s);
    ends.push(e);
  }
  return { text, starts, ends };
}

interface TokenSpan {
  sentence: number;
  from: number;
  to: number;
  type: string;
}

/** Keep the name-like spans, the longest first where they nest; the others' capital words become unsure. */
function selectNames(spans: TokenSpan[], words: string[][], starts: number[][], ends: number[][]): { spans: Span[]; unsure: Span[] } {
  const kept: Span[] = [];
  const unsure: Span[] = [];
  const taken = new Set<string>();
  for (const span of [...spans].sort((a, b) => b.to - b.from - (a.to - a.from) || a.sentence - b.sentence || a.from - b.from)) {
    const w = words[span.sentence]!.slice(span.from, span.to);
    const skip = nameLike(w);
    const start = starts[span.sentence]![span.from]!;
    const end = ends[span.sentence]![span.to - 1]!;
    if (skip === undefined) {
      unsure.push({ type: span.type, start, end });
      continue;
    }
    const keys = Array.from({ length: span.to - span.from - skip }, (_, k) => `${span.sentence}:${span.from + skip + k}`);
    if (keys.some((k) => taken.has(k))) continue;
    keys.forEach((k) => taken.add(k));
    kept.push({ type: span.type, start: starts[span.sentence]![span.from + skip]!, end });
  }
  return { spans: kept.sort((a, b) => a.start - b.start), unsure };
}

const LITBANK_TYPES: Record<string, string> = { PER: 'person', LOC: 'place', GPE: 'place', FAC: 'place', ORG: 'org' };

/** LitBank: `token<TAB>layer1<TAB>layer2…`, BIO per layer, a blank line between sentences. */
export function readLitBank(tsv: string): Omit<TrainingText, 'hints'> {
  const sentences: { word: string; spaceAfter: boolean }[][] = [];
  const layers: string[][][] = [];
  let sentence: { word: string; spaceAfter: boolean }[] = [];
  let labels: string[][] = [];
  for (const line of tsv.split('\n')) {
    if (!line.trim()) {
      if (sentence.length) {
        sentences.push(sentence);
        layers.push(labels);
      }
      sentence = [];
      labels = [];
      continue;
    }
    const [word, ...tags] = line.split('\t');
    sentence.push({ word: word!, spaceAfter: true });
    labels.push(tags.filter(Boolean));
  }
  if (sentence.length) {
    sentences.push(sentence);
    layers.push(labels);
  }
  const { text, starts, ends } = layout(sentences);
  const spans: TokenSpan[] = [];
  layers.forEach((rows, s) => {
    const depth = Math.max(0, ...rows.map((r) => r.length));
    for (let d = 0; d < depth; d++) {
      let open: TokenSpan | undefined;
      rows.forEach((row, i) => {
        const tag = row[d] ?? 'O';
        if (open && !tag.startsWith('I-')) {
          spans.push(open);
          open = undefined;
        }
        const type = LITBANK_TYPES[tag.slice(2)];
        if (tag.startsWith('B-') && type) open = { sentence: s, from: i, to: i + 1, type };
        else if (tag.startsWith('I-') && open) open.to = i + 1;
      });
      if (open) spans.push(open);
    }
  });
  return {
    text,
    partial: false,
    ...selectNames(
      spans,
      sentences.map((x) => x.map((t) => t.word)),
      starts,
      ends,
    ),
  };
}

const GUM_TYPES: Record<string, string> = { person: 'person', place: 'place', organization: 'org' };

/** GUM: CoNLL-U with `Entity=(id-type-…` openings and `id)` closings in MISC. */
export function readGum(conllu: string): Omit<TrainingText, 'hints'> {
  const sentences: { word: string; spaceAfter: boolean }[][] = [];
  const spans: TokenSpan[] = [];
  let sentence: { word: string; spaceAfter: boolean }[] = [];
  const open = new Map<string, TokenSpan[]>();
  for (const line of conllu.split('\n')) {
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      if (sentence.length) sentences.push(sentence);
      sentence = [];
      open.clear();
      continue;
    }
    const cols = line.split('\t');
    if (!/^\d+$/.test(cols[0]!)) continue;
    const misc = cols[9] ?? '_';
    const i = sentence.length;
    sentence.push({ word: cols[1]!, spaceAfter: !/SpaceAfter=No/.test(misc) });
    const entity = /Entity=([^|]+)/.exec(misc)?.[1] ?? '';
    for (const m of entity.matchAll(/\((\d+)-([a-z]+)[^()]*?(\))?(?=\(|\d+\)|$)|(\d+)\)/g)) {
      if (m[1]) {
        const span: TokenSpan = { sentence: sentences.length, from: i, to: i + 1, type: GUM_TYPES[m[2]!] ?? '' };
        if (m[3]) spans.push(span);
        else open.set(m[1], [...(open.get(m[1]) ?? []), span]);
      } else if (m[4]) {
        const stack = open.get(m[4]);
        const span = stack?.pop();
        if (span) {
          span.to = i + 1;
          spans.push(span);
        }
      }
    }
  }
  if (sentence.length) sentences.push(sentence);
  const { text, starts, ends } = layout(sentences);
  return {
    text,
    partial: false,
    ...selectNames(
      spans.filter((s) => s.type),
      sentences.map((x) => x.map((t) => t.word)),
      starts,
      ends,
    ),
  };
}

/** FRUS: brat standoff over the text; persons (as the volume's index has them), dateline places, heading organizations. */
export function readFrus(text: string, ann: string): Omit<TrainingText, 'hints'> {
  const spans: Span[] = [];
  const cp = codePointToUtf16(text);
  for (const line of ann.split('\n')) {
    const m = /^T\d+\t(person|place|org) (\d+) (?:\d+;\d+ )*(\d+)\t/.exec(line);
    if (m) spans.push({ type: m[1]!, start: cp(Number(m[2])), end: cp(Number(m[3])) });
  }
  return { text, partial: true, spans: spans.sort((a, b) => a.start - b.start) };
}

function codePointToUtf16(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    map.push(i);
    i += ch.length;
  }
  map.push(i);
  return (cp) => map[cp]!;
}

/** A persName element that wraps a name (not `Department of State`, `Park Chung Hee puppets`). */
const looksLikeName = (s: string) => s.trim().length > 1 && !/\bof\b|(?:^|\s)\p{Ll}{4,}/u.test(s);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A document of frus-all (`{id, text, entities}`, code-point offsets). */
export interface FrusAllDocument {
  id: string;
  text: string;
  entities: { type: string; start: number; end: number; text: string }[];
}

/**
 * FRUS volumes from the TEI (../shared/train/frus-all): every persName, and every other exact
 * mention of a string the volume tags as a persName, is a person; the tagged places and
 * organizations are kept; any other capitalized word may be a place, an organization or nothing,
 * but no person (`Nodis`, `Central Files`, `Soviets`, `Ambassador`).
 */
export function readFrusAll(volume: readonly FrusAllDocument[], documents: readonly FrusAllDocument[]): Omit<TrainingText, 'hints'>[] {
  const names = new Set<string>();
  for (const d of volume) for (const e of d.entities) if (e.type === 'person' && looksLikeName(e.text)) names.add(e.text);
  const pattern = names.size
    ? new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${[...names]
          .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
          .map(escape)
          .join('|')})(?![\\p{L}\\p{N}])`,
        'gu',
      )
    : undefined;
  return documents.map((doc) => {
    const cp = codePointToUtf16(doc.text);
    const spans: Span[] = doc.entities
      .filter((e) => (e.type === 'person' && looksLikeName(e.text)) || e.type === 'place' || e.type === 'org')
      .map((e) => ({ type: e.type, start: cp(e.start), end: cp(e.end) }));
    if (pattern) for (const m of doc.text.matchAll(pattern)) spans.push({ type: 'person', start: m.index, end: m.index + m[0].length });
    spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Span[] = [];
    for (const s of spans) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
    return { text: doc.text, partial: true, completeTypes: ['person'], spans: kept.sort((a, b) => a.start - b.start) };
  });
}
