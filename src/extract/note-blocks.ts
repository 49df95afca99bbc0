/**
 * Notes whose label says by itself that they are notes, wherever they stand:
 * Gutenberg `[Footnote 1: …]` blocks (one line or several, up to the matching `]`)
 * and Markdown `[^1]: …` definitions (continued by the lines after them, indented
 * after a blank line).
 */

export interface NoteBlock {
  n: string;
  /** Where the block begins (`[Footnote`, `[^`). */
  labelStart: number;
  /** The note text, without its label and closing bracket. */
  start: number;
  end: number;
}

const GUTENBERG = /^[ \t]*(\[Footnote[ \t]+(\d{1,3}|[A-Za-z]|[*†‡§]):[ \t]*)/gmu;
const MARKDOWN = /^[ \t]{0,3}(\[\^([^\]\s]{1,20})\]:[ \t]*)/gm;
/** A Markdown note's own line, then the lines that continue it (not another definition). */
const CONTINUED = /[^\r\n]*(?:\r?\n(?![ \t]{0,3}\[\^[^\]\s]+\]:)(?:[ \t]*\S[^\r\n]*|[ \t]*(?=\r?\n[ \t]{2,}\S)))*/;
/** A footnote longer than this with no closing bracket is cut at its paragraph's end. */
const MAX_BLOCK = 20000;

const trimEnd = (text: string, from: number, end: number) => {
  while (end > from && /\s/.test(text[end - 1]!)) end--;
  return end;
};

/** `01` → `1`: renumbered labels keep their leading zeros. */
const normalized = (n: string) => (/^\d+$/.test(n) ? String(Number(n)) : n);

function gutenbergBlocks(text: string): NoteBlock[] {
  const out: NoteBlock[] = [];
  for (const m of text.matchAll(GUTENBERG)) {
    const labelStart = m.index + m[0].length - m[1]!.length;
    const start = m.index + m[0].length;
    let depth = 1;
    let close = -1;
    for (let i = start; i < text.length && i < start + MAX_BLOCK; i++) {
      const c = text[i];
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      const blank = /\n[ \t]*\n/.exec(text.slice(start, start + MAX_BLOCK));
      close = blank ? start + blank.index : Math.min(text.length, start + MAX_BLOCK);
    }
    out.push({ n: normalized(m[2]!), labelStart, start, end: trimEnd(text, start, close) });
  }
  return out;
}

function markdownBlocks(text: string): NoteBlock[] {
  const out: NoteBlock[] = [];
  for (const m of text.matchAll(MARKDOWN)) {
    const labelStart = m.index + m[0].length - m[1]!.length;
    const start = m.index + m[0].length;
    // The definition runs on over its lines; after a blank line, indented lines continue it.
    const rest = new RegExp(CONTINUED.source, 'y');
    rest.lastIndex = start;
    const length = rest.exec(text)![0].length;
    out.push({ n: normalized(m[2]!), labelStart, start, end: trimEnd(text, start, start + length) });
  }
  return out;
}

export function noteBlocks(text: string): NoteBlock[] {
  if (!text.includes('[Footnote') && !text.includes('[^')) return [];
  // A `[^1]:` line inside a `[Footnote …]` (or the reverse) is part of that note, not a note of its own.
  const kept: NoteBlock[] = [];
  for (const block of [...gutenbergBlocks(text), ...markdownBlocks(text)].sort((a, b) => a.start - b.start))
    if (!kept.length || block.labelStart >= kept[kept.length - 1]!.end) kept.push(block);
  return kept;
}
