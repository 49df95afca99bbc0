// Note structure as of commit c255eaa, before the bounded look-behind and the indexed footnote ranges
// (quadratic on long lines, but obviously right). The property tests hold the fast one to exactly its results.
// Since then, with the note conventions of issue 24: `[Footnote 1: …]` and `[^1]: …` blocks, lists under earlier
// notes headings, `1.` notes under a heading, continued footnotes under paragraphs, no `*  *  *` notes, table keys;
// with issue 28: a label alone on its line (the note on the next), indented blocks continuing a note in a list.
import type { Document } from '../../src/core/document.js';
import type { Citation } from '../../src/core/schema.js';
import { parseNote } from '../../src/extract/citations.js';
import { noteBlocks } from '../../src/extract/note-blocks.js';
import type { Candidate, Extractor } from '../../src/extract/types.js';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SYMBOLS = '*†‡§';
/** `(12)`, `[12]`, `¹²`, `*`, `†` as the label that opens a note. */
const LABEL = String.raw`[(\[](?:\d{1,3}|[${SYMBOLS}])[)\]]|[${SUPERSCRIPT}]{1,3}|[${SYMBOLS}]`;
/** A note line opens with one label or several: `(4), (6), (7) Ministry of …`. */
const NOTE_LINE = new RegExp(String.raw`^[ \t]*((?:${LABEL})(?:[ \t]*,[ \t]*(?:${LABEL}))*)[ \t]*(?=\S)`, 'u');
const LABEL_G = new RegExp(LABEL, 'gu');
/** `(1)` or `[1]` alone on its line: the note's text begins on the next line (a FRUS layout). */
const BRACKETED = String.raw`[(\[](?:\d{1,3}|[${SYMBOLS}])[)\]]`;
const LABEL_ALONE = new RegExp(String.raw`^[ \t]*(${BRACKETED}(?:[ \t]*,[ \t]*${BRACKETED})*)[ \t]*$`, 'u');
/** `000.` (an OCR'd amount's tail, `115,000.\n000.`) numbers nothing: no zero-padded label. */
const NUMBERED_LINE = /^[ \t]*((?!0\d)\d{1,3})[.)][ \t]+(?=\S)/;
const HEADING = /^[ \t]*(?:notes|footnotes|endnotes|references|end ?notes)(?:[ \t]+(?:to|on|for)[ \t]+[^\r\n.]{1,60})?[ \t]*:?[ \t]*$/i;
/** An inline marker candidate; whether it really is one is decided by its neighbours. */
const MARKER = new RegExp(String.raw`[(\[](\d{1,3}|[${SYMBOLS}])[)\]]|[${SUPERSCRIPT}]{1,3}|[${SYMBOLS}]`, 'gu');
const CONNECTIVES = /(?:^|\s)(?:and|or|nor|und|et)\s*$/i;

interface Line {
  start: number;
  end: number;
  text: string;
}

export interface Note {
  numbers: string[];
  /** The label(s) at the start of the line. */
  labelStart: number;
  /** The note text, without its label. */
  start: number;
  end: number;
}

export interface Marker {
  n: string;
  start: number;
  end: number;
}

export interface NoteStructure {
  notes: Note[];
  markers: Marker[];
  /** Where the final notes list begins (the text length when there is none). */
  regionStart: number;
}

/** `(12)` → `12`, `¹²` → `12`, `†` → `†`. */
export function labelNumber(label: string): string {
  const inner = label.replace(/^[(\[]|[)\]]$/g, '');
  return [...inner].map((c) => (SUPERSCRIPT.includes(c) ? String(SUPERSCRIPT.indexOf(c)) : c)).join('');
}

/** Split into lines, keeping UTF-16 offsets; works with LF, CRLF and CR. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0] !== '') {
    const body = m[0].replace(/[\r\n]+$/, '');
    lines.push({ start: m.index, end: m.index + body.length, text: body });
  }
  return lines;
}

const isBlank = (line: Line) => line.text.trim() === '';
const noteLine = (line: Line, headed = false): RegExpExecArray | undefined => {
  const alone = LABEL_ALONE.exec(line.text);
  if (alone) return alone;
  const m = NOTE_LINE.exec(line.text);
  if (!m) return headed ? (NUMBERED_LINE.exec(line.text) ?? undefined) : undefined;
  // A bare symbol or superscript label must be followed by a space: `* item` yes, `*Note` no.
  if (!/^[ \t]*[(\[]/.test(m[1]!) && !/\s/.test(line.text.charAt(m[0].length - 1) || line.text.charAt(m[0].length))) return undefined;
  if (SYMBOLS.includes(line.text.charAt(m[0].length))) return undefined;
  return m;
};

/** Blocks of consecutive non-blank lines. */
function blocksOf(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);
  return blocks;
}

const labelAlone = (line: Line) => LABEL_ALONE.test(line.text);

/**
 * Notes in a run of lines: each label line starts a note, following non-blank lines continue it.
 * A label alone on its line opens a note whose text is the next line; with no text it is no note.
 */
function notesIn(lines: Line[], headed = false): Note[] {
  const notes: Note[] = [];
  let current: Note | undefined;
  const dropEmpty = () => {
    if (current && current.start < 0) notes.pop();
  };
  for (const line of lines) {
    const m = noteLine(line, headed);
    if (m) {
      dropEmpty();
      const numbers =
        NOTE_LINE.test(line.text) || labelAlone(line) ? [...m[1]!.matchAll(LABEL_G)].map((l) => labelNumber(l[0])) : [labelNumber(m[1]!)];
      const labelStart = line.start + m[0].length - m[0].trimStart().length;
      const alone = labelAlone(line);
      current = { numbers, labelStart, start: alone ? -1 : line.start + m[0].length, end: line.start + line.text.trimEnd().length };
      notes.push(current);
    } else if (isBlank(line) || HEADING.test(line.text)) {
      dropEmpty();
      current = undefined;
    } else if (current) {
      if (current.start < 0) current.start = line.start + line.text.search(/\S/);
      current.end = line.start + line.text.trimEnd().length;
    }
  }
  dropEmpty();
  return notes;
}

/**
 * Marker candidates before `end`. A marker follows a word or punctuation
 * (`Johnson (1)`, `failures.(2)`, `”(1)`, `word¹`). Not a marker: a label opening a line
 * (a body enumerator), `: (1) that …, (2) …` enumerations, `(1)` after `and`.
 * A spaced marker followed by more words (`SEPES (3) personnel`) counts only when
 * the notes define its number.
 */
function markersIn(text: string, from: number, end: number, defined: Set<string>): Marker[] {
  const markers: Marker[] = [];
  MARKER.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(text)) && m.index < end) {
    const n = labelNumber(m[0]);
    const start = m.index;
    const stop = start + m[0].length;
    const symbol = /^[*†‡§]$/u.test(m[0]) || /^[(\[][*†‡§]/.test(m[0]);
    const superscript = !m[0].startsWith('(') && !m[0].startsWith('[') && !symbol;
    // Symbols and superscripts are markers only where a note defines them.
    if ((symbol || superscript) && !defined.has(n)) continue;
    if (isMarkerAt(text, start, stop, defined.has(n))) markers.push({ n, start, end: stop });
  }
  return markers;
}

function isMarkerAt(text: string, start: number, end: number, defined: boolean): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  const before = text.slice(lineStart, start);
  if (before.trim() === '') return false;
  if (/\S(?: {2,}|\t)\S.*\S(?: {2,}|\t)$/.test(before)) return false;
  if (/^[\s*†‡§]*$/.test(before) && /^[ \t*†‡§]*(?:[\r\n]|$)/.test(text.slice(end, end + 64))) return false;
  const prev = before[before.length - 1]!;
  const next = text.slice(end, end + 2);
  const endsClause = next === '' || /^(?:[\r\n]|[ \t]*[\r\n]|[.,;:!?)\]”"’'—–-]|[ \t]*$)/.test(next);
  if (!/\s/.test(prev)) return !/[(\[]/.test(prev) || endsClause;
  if (/[:;,(]\s*$/.test(before) || CONNECTIVES.test(before)) return false;
  return endsClause || defined;
}

function lastHeading(lines: Line[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (HEADING.test(lines[i]!.text)) return i;
  return -1;
}

/**
 * A block set in from the margin that opens with no label: within a notes list it continues the
 * note above it (a quotation, lines of music `[G: {f' g'} …]`), and the labels after it are notes again.
 */
const indented = (block: Line[]) => /^[ \t]+\S/.test(block[0]!.text) && !noteLine(block[0]!);

/** The final notes list: after the last notes heading, else the last run of labelled blocks (indented blocks continuing them). */
function finalRegion(lines: Line[]): { lines: Line[]; headed: boolean } {
  const heading = lastHeading(lines);
  if (heading >= 0) return { lines: lines.slice(heading + 1), headed: true };
  const blocks = blocksOf(lines);
  let last = blocks.length - 1;
  while (last >= 0 && !noteLine(blocks[last]![0]!)) last--;
  let first = last;
  while (first > 0 && (noteLine(blocks[first - 1]![0]!) || indented(blocks[first - 1]!))) first--;
  // An indented block continues the note above it: the list begins at a label.
  while (first < last && !noteLine(blocks[first]![0]!)) first++;
  return { lines: last < 0 ? [] : blocks.slice(first, last + 1).flat(), headed: false };
}

/**
 * Finds the notes (a final list with or without a heading, and footnotes placed
 * directly under a paragraph) and the markers that point to them.
 */
export function noteStructure(text: string): NoteStructure {
  const blocks = noteBlocks(text);
  const inBlock = (l: Line) => blocks.some((b) => b.labelStart <= l.end && l.start < b.end);
  const lines = linesOf(text).map((l) => (inBlock(l) ? { ...l, text: '' } : l));
  const region = finalRegion(lines);
  let regionStart = region.lines[0]?.start ?? text.length;
  let notes = notesIn(region.lines, region.headed);
  let defined = new Set([...notes.flatMap((n) => n.numbers), ...blocks.map((b) => b.n)]);
  // Without a heading, a run of `(1)` paragraphs may be body enumerators: it is a notes list
  // only if the body points into it. `[1]`, `¹` and `*` labels are footnote labels by themselves.
  const enumeratorLike = notes.every((note) => text[note.labelStart] === '(');
  if (!region.headed && notes.length && enumeratorLike) {
    const pointed = new Set(markersIn(text, 0, regionStart, defined).map((m) => m.n));
    if (!notes.some((note) => note.numbers.some((n) => pointed.has(n)))) {
      notes = [];
      defined = new Set(blocks.map((b) => b.n));
      regionStart = text.length;
    }
  }
  const before = lines.filter((l) => l.start < regionStart);
  const listed = headedLists(before);
  const inList = (l: Line) => listed.some((n) => n.labelStart <= l.end && l.start < n.end);
  const rest = before.map((l) => (inList(l) ? { ...l, text: '' } : l));
  const body = footnotesUnderParagraphs(text, rest, defined);
  const inBody = (l: Line) => body.some((n) => n.labelStart <= l.end && l.start < n.end);
  const runs = labelledRuns(
    text,
    rest.map((l) => (inBody(l) ? { ...l, text: '' } : l)),
  );
  const explicit = blocks.map(({ n, labelStart, start, end }) => ({ numbers: [n], labelStart, start, end }));
  const all = [...explicit, ...listed, ...body, ...runs, ...notes].sort((a, b) => a.start - b.start);
  const allDefined = new Set(all.flatMap((n) => n.numbers));
  const ranges = all.filter((n) => n.start < regionStart).map((n) => [n.labelStart, n.end] as const);
  const markers = markersIn(text, 0, regionStart, allDefined).filter((m) => !ranges.some(([s, e]) => m.start >= s && m.start < e));
  return { notes: all, markers, regionStart };
}

/** Lists under an earlier notes heading: the labelled blocks right after it. */
function headedLists(lines: Line[]): Note[] {
  const found: Note[] = [];
  const last = lastHeading(lines);
  for (let i = 0; i < last; i++) {
    if (!HEADING.test(lines[i]!.text)) continue;
    let j = i + 1;
    // Blank lines, label lines, and the lines continuing a note; a heading or an unlabelled paragraph ends it.
    const inList = (line: Line, prev: Line) => !HEADING.test(line.text) && (isBlank(line) || noteLine(line, true) || !isBlank(prev));
    while (j < last && inList(lines[j]!, lines[j - 1]!)) j++;
    found.push(...notesIn(lines.slice(i + 1, j), true));
  }
  return found;
}

/**
 * Runs of `[1] …` paragraphs standing apart from their markers (at a chapter's end, with no
 * heading): a notes list when the text since the previous such list points into it.
 */
function labelledRuns(text: string, lines: Line[]): Note[] {
  const found: Note[] = [];
  const blocks = blocksOf(lines);
  const bracketed = (block: Line[]) => /^[ \t]*\[\d{1,3}\]/.test(block[0]!.text) && noteLine(block[0]!) !== undefined;
  let from = 0;
  for (let i = 0; i < blocks.length;) {
    if (!bracketed(blocks[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && (bracketed(blocks[j]!) || indented(blocks[j]!))) j++;
    // An indented block after the run holding no label is the text going on, not a note.
    while (!bracketed(blocks[j - 1]!) && !blocks[j - 1]!.some((line) => noteLine(line))) j--;
    // Blank lines are gone from the blocks: an indented block continues the note before it.
    const notes = notesIn(blocks.slice(i, j).flat());
    // Labels alone on their lines with no text after them: no notes.
    if (!notes.length) {
      i = j;
      continue;
    }
    const numbers = new Set(notes.flatMap((n) => n.numbers));
    const pointed = markersIn(text, from, blocks[i]![0]!.start, numbers).some((m) => numbers.has(m.n));
    if (pointed) found.push(...notes);
    // The next run's markers stand after this one: each stretch of text is read once.
    from = notes[notes.length - 1]!.end;
    i = j;
  }
  return found;
}

/**
 * Footnotes placed under the paragraph that cites them: a block of labelled lines
 * whose numbers the final list does not define and a marker just above points to.
 */
function footnotesUnderParagraphs(text: string, lines: Line[], defined: Set<string>): Note[] {
  const found: Note[] = [];
  const blocks = blocksOf(lines);
  blocks.forEach((block, i) => {
    if (i === 0 || !noteLine(block[0]!)) return;
    const labelled = (line: Line, k: number) => noteLine(line) !== undefined || (k > 0 && labelAlone(block[k - 1]!));
    if (text[block[0]!.start + block[0]!.text.search(/\S/)] === '(' && !block.every(labelled)) return;
    const candidates = notesIn(block);
    const numbers = candidates.flatMap((n) => n.numbers);
    if (numbers.some((n) => defined.has(n))) return;
    const above = blocks[i - 1]!;
    const pointed = markersIn(text, above[0]!.start, above[above.length - 1]!.end, new Set(numbers)).map((m) => m.n);
    if (numbers.every((n) => pointed.includes(n))) found.push(...candidates);
  });
  return found;
}

/**
 * Notes with their citations. One line may hold several notes (`(4), (6), (7) …, p.12, 13, 19`):
 * each number gets its own entry and, when the pages match the numbers, its own page.
 * The note the title points to is the document's source note, labelled or not.
 */
export function noteCandidates(text: string): Candidate[] {
  const { notes, markers } = noteStructure(text);
  const by = 'structure:notes';
  const out: Candidate[] = markers.map((m) => ({ type: 'note-marker', start: m.start, end: m.end, by, priority: 100, n: m.n }));
  // A marker closing the first line points from the title to the document's source note.
  const titleEnd = firstLineEnd(text);
  const titleMarker = markers.find((m) => m.end === titleEnd && !/[.!?]["”’]?\s*$/.test(text.slice(0, m.start)));
  const titleNumbers = new Set(titleMarker ? [titleMarker.n] : []);
  let lastCiting: string | undefined;
  const lastByAuthor = new Map<string, string>();
  const authorOf = (c: Citation | undefined) => c?.author?.[0]?.literal.toLowerCase();
  for (const note of notes) {
    const parsed = parseNote(
      text.slice(note.start, note.end),
      note.numbers.some((n) => titleNumbers.has(n)),
    );
    note.numbers.forEach((n, i) => {
      const candidate: Candidate = { type: 'note', start: note.start, end: note.end, by, priority: 100, n, kind: parsed.kind };
      if (parsed.citation) {
        const page = parsed.pages?.length === note.numbers.length ? parsed.pages[i] : parsed.citation.page;
        candidate.citation = { ...parsed.citation, ...(page ? { page } : {}) };
      }
      if (parsed.parts) candidate.parts = parsed.parts;
      if (parsed.ibid) {
        const author = authorOf(parsed.citation);
        const repeats = author ? [...lastByAuthor].find(([a]) => a.endsWith(author) || author.endsWith(a))?.[1] : lastCiting;
        if (repeats) candidate.repeats = repeats;
      }
      out.push(candidate);
    });
    if (parsed.citation && !parsed.ibid) {
      lastCiting = note.numbers[note.numbers.length - 1]!;
      const author = authorOf(parsed.citation);
      if (author) lastByAuthor.set(author, lastCiting);
    }
  }
  return out;
}

function firstLineEnd(text: string): number {
  const first = /\S[^\r\n]*/.exec(text);
  return first ? first.index + first[0].length : 0;
}

export const notesExtractor: Extractor = {
  id: 'structure:notes',
  description: 'Note markers ((1), [1], ¹, *, †), the notes they point to, and their citations',
  types: ['note', 'note-marker'],
  extract: (doc: Document) => noteCandidates(doc.text),
};
