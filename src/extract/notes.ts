import type { Document } from '../document.js';
import type { Candidate, Extractor } from './types.js';

/** `(12)` or `[12]`; also `*` and `†` inside brackets. */
const LABEL = String.raw`[(\[](\d{1,3}|\*|†)[)\]]`;
/** A note line opens with one label or several: `(4), (6), (7) Ministry of …`. */
const NOTE_LINE = new RegExp(String.raw`^[ \t]*(${LABEL}(?:[ \t]*,[ \t]*${LABEL})*)[ \t]+(?=\S)`);
const LABEL_G = new RegExp(LABEL, 'g');
const HEADING = /^[ \t]*(?:notes|footnotes|endnotes|references)[ \t]*:?[ \t]*$/i;
/** An inline marker; whether it really is one is decided by its neighbours. */
const MARKER = /[(\[](\d{1,3})[)\]]/g;

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

export interface NoteStructure {
  notes: Note[];
  markers: { n: string; start: number; end: number }[];
  /** Where the notes region begins: markers are only looked for before it. */
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

/** Notes in a region: each label line starts a note, following non-blank lines continue it. */
function notesIn(lines: Line[]): Note[] {
  const notes: Note[] = [];
  let current: Note | undefined;
  for (const line of lines) {
    const m = NOTE_LINE.exec(line.text);
    if (m) {
      const numbers = [...m[1]!.matchAll(LABEL_G)].map((l) => l[1]!);
      const labelStart = line.start + m[0].length - m[0].trimStart().length;
      current = { numbers, labelStart, start: line.start + m[0].length, end: line.start + line.text.trimEnd().length };
      notes.push(current);
    } else if (isBlank(line) || HEADING.test(line.text)) {
      current = undefined;
    } else if (current) {
      current.end = line.start + line.text.trimEnd().length;
    }
  }
  return notes;
}

function markersBefore(text: string, end: number): NoteStructure['markers'] {
  const markers: NoteStructure['markers'] = [];
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(text)) && m.index < end) {
    if (isMarkerAt(text, m.index, m.index + m[0].length)) markers.push({ n: m[1]!, start: m.index, end: m.index + m[0].length });
  }
  return markers;
}

/**
 * A marker follows a word or punctuation (`Johnson (1)`, `failures.(2)`, `”(1)`).
 * Not a marker: a label opening a line (a body enumerator), or `(1) that …, (2) …`
 * enumerations inside a sentence.
 */
function isMarkerAt(text: string, start: number, end: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  const before = text.slice(lineStart, start);
  if (before.trim() === '') return false;
  const prev = before[before.length - 1]!;
  const next = text.slice(end, end + 2);
  const endsClause = next === '' || /^(?:[\r\n]|[ \t]*[\r\n]|[.,;:!?)\]”"’'—–-]|[ \t]*$)/.test(next);
  if (!/\s/.test(prev)) return !/[(\[]/.test(prev) || endsClause;
  // Spaced: `Bromley Smith (5)` at a line end is a marker; `: (1) that` is an enumerator.
  if (/[:;,]\s*$/.test(before)) return false;
  return endsClause;
}

/** Finds the notes list (with or without a heading) and the markers that point into it. */
export function noteStructure(text: string): NoteStructure {
  const lines = linesOf(text);
  let headingIndex = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (HEADING.test(lines[i]!.text)) {
      headingIndex = i;
      break;
    }
  }
  let regionLines: Line[];
  if (headingIndex >= 0) {
    regionLines = lines.slice(headingIndex + 1);
  } else {
    // No heading: the last run of blocks that open with a note label.
    const blocks = blocksOf(lines);
    let last = blocks.length - 1;
    while (last >= 0 && !NOTE_LINE.test(blocks[last]![0]!.text)) last--;
    let first = last;
    while (first > 0 && NOTE_LINE.test(blocks[first - 1]![0]!.text)) first--;
    regionLines = last < 0 ? [] : blocks.slice(first, last + 1).flat();
  }
  const regionStart = regionLines[0]?.start ?? text.length;
  const notes = notesIn(regionLines);
  const markers = markersBefore(text, regionStart);
  // Without a heading, a run of labelled paragraphs is a notes list only if the body points into it.
  if (headingIndex < 0 && notes.length) {
    const pointed = new Set(markers.map((m) => m.n));
    if (!notes.some((note) => note.numbers.some((n) => pointed.has(n)))) {
      return { notes: [], markers, regionStart: text.length };
    }
  }
  return { notes, markers, regionStart };
}

export const notesExtractor: Extractor = {
  id: 'structure:notes',
  description: 'Note markers such as (1), [1] and the notes list they point to',
  types: ['note', 'note-marker'],
  extract(doc: Document): Candidate[] {
    const { notes, markers } = noteStructure(doc.text);
    const by = 'structure:notes';
    const out: Candidate[] = markers.map((m) => ({ type: 'note-marker', start: m.start, end: m.end, by, priority: 100, n: m.n }));
    for (const note of notes) {
      const kind = /^\s*source\s*:/i.test(doc.text.slice(note.start, note.end)) ? 'source' : 'other';
      for (const n of note.numbers) out.push({ type: 'note', start: note.start, end: note.end, by, priority: 100, n, kind });
    }
    return out;
  },
};
