import { inferMarkers, labelNumber, markerCandidates } from './marker-sequence.js';

export { labelNumber };
import { SortedSpans } from '../core/intervals.js';
import { noteBlocks } from './note-blocks.js';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SYMBOLS = '*†‡§';
/** `(12)`, `[12]`, `[01]`, `¹²`, `*`, `†` as the label that opens a note. */
const LABEL = String.raw`[(\[](?:\d{1,3}|[${SYMBOLS}])[)\]]|[${SUPERSCRIPT}]{1,3}|[${SYMBOLS}]`;
/** A note line opens with one label or several: `(4), (6), (7) Ministry of …`. */
const NOTE_LINE = new RegExp(String.raw`^[ \t]*((?:${LABEL})(?:[ \t]*,[ \t]*(?:${LABEL}))*)[ \t]*(?=\S)`, 'u');
const LABEL_G = new RegExp(LABEL, 'gu');
/** `(1)` or `[1]` alone on its line: the note's text begins on the next line (a FRUS layout). */
const BRACKETED = String.raw`[(\[](?:\d{1,3}|[${SYMBOLS}])[)\]]`;
const LABEL_ALONE = new RegExp(String.raw`^[ \t]*(${BRACKETED}(?:[ \t]*,[ \t]*${BRACKETED})*)[ \t]*$`, 'u');
/** Under a notes heading only: `1.` or `1)` (elsewhere these count a list). */
/** `000.` (an OCR'd amount's tail, `115,000.\n000.`) numbers nothing: no zero-padded label. */
const NUMBERED_LINE = /^[ \t]*((?!0\d)\d{1,3})[.)][ \t]+(?=\S)/;
const HEADING = /^[ \t]*(?:notes|footnotes|endnotes|references|end ?notes)(?:[ \t]+(?:to|on|for)[ \t]+[^\r\n.]{1,60})?[ \t]*:?[ \t]*$/i;

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
  // `*   *   *` is a section break, not a note.
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

/** The markers in `[from, end)`, read as one sequence (see marker-sequence.ts). */
function markersIn(text: string, from: number, end: number, defined: Set<string>): Marker[] {
  return inferMarkers(markerCandidates(text, from, end), defined)
    .filter((c) => c.isMarker)
    .map((c) => ({ n: c.n, start: c.start, end: c.end }));
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
 * Notes lists under an earlier notes heading (`NOTES TO CHAPTER I`): the labelled
 * blocks right after it, up to the first block that opens with no label.
 */
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

/** The lines of notes already found are blank to the readings after: no other note or paragraph is read in them. */
function blankOut(lines: Line[], notes: readonly { labelStart: number; end: number }[]): Line[] {
  if (!notes.length) return lines;
  const spans = new SortedSpans(notes.map((n) => ({ start: n.labelStart, end: n.end })));
  return lines.map((l) => (spans.overlapping(l.start, l.end + 1) ? { ...l, text: '' } : l));
}

/**
 * Finds the notes (a final list with or without a heading, lists under earlier notes
 * headings, footnotes placed directly under a paragraph, and `[Footnote 1: …]` or
 * `[^1]: …` blocks wherever they stand) and the markers that point to them.
 */
export function noteStructure(text: string): NoteStructure {
  const blocks = noteBlocks(text);
  const lines = blankOut(linesOf(text), blocks);
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
  const rest = blankOut(before, listed);
  const body = footnotesUnderParagraphs(text, rest, defined);
  const runs = labelledRuns(text, blankOut(rest, body));
  const explicit = blocks.map(({ n, labelStart, start, end }) => ({ numbers: [n], labelStart, start, end }));
  const all = [...explicit, ...listed, ...body, ...runs, ...notes].sort((a, b) => a.start - b.start);
  const allDefined = new Set(all.flatMap((n) => n.numbers));
  // The notes do not overlap: a binary search finds the one a marker is in.
  const noteRanges = new SortedSpans(all.map((n) => ({ start: n.labelStart, end: n.end })));
  // Text may follow a list that has no heading (a chapter after the notes of the one before): its markers count too.
  const regionEnd = region.headed || regionStart === text.length ? text.length : region.lines[region.lines.length - 1]!.end;
  const candidates = [...markerCandidates(text, 0, regionStart), ...markerCandidates(text, regionEnd, text.length)];
  const markers = inferMarkers(candidates, allDefined)
    .filter((c) => c.isMarker && !noteRanges.containing(c.start, c.start + 1))
    .map((c) => ({ n: c.n, start: c.start, end: c.end }));
  return { notes: all, markers, regionStart };
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
 * Lines after a `[1]`, `*` or `¹` label may continue its note; after `(1)` each line needs a label.
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
