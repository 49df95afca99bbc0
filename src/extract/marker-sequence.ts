/**
 * Which `(n)`, `[n]`, `¹`, `*` in a text are note markers, decided over the whole document:
 * each candidate's context gives a first reading, and the sequence of markers settles the
 * doubtful ones. A candidate that continues the sequence (` (5)` after `(1)`…`(4)`) is a
 * marker whether or not its note exists, so a deleted note shows as a marker without note;
 * a paragraph reference (`par. 7(1)`) or a number out of sequence is not one, even when a
 * note of that number exists.
 */

/** How a candidate sits in its sentence. */
export type MarkerContext =
  /** Right after a word or punctuation: `Johnson(1)`, `failures.(2)`, `”(1)`. */
  | 'attached'
  /** After a space, closing a clause: `the talks (3).`, `the talks (3)` at the line end. */
  | 'spaced-closing'
  /** After a space, more words follow: `SEPES (3) personnel`. A marker or an enumerator. */
  | 'spaced-inline'
  /** Right after a digit: `Meeting No. 525(1)` (a marker) or `Resolution 242(1)` (a sub-clause). */
  | 'after-digit'
  /** `par. 7(1)`, `section 4(2)`: a reference to a paragraph of some text. */
  | 'paragraph-reference'
  /** Opens a line, follows `:`, `,`, `;`, `(` or `and`: counts a list, points to no note. */
  | 'enumerator'
  /** In a column of a table or legend (after a run of spaces, in a line with other such runs), or in a `*  *  *` break. */
  | 'table';

export interface MarkerCandidate {
  n: string;
  /** UTF-16 indexes. */
  start: number;
  end: number;
  context: MarkerContext;
  /** `¹`, `*`/`†` or `[A]` rather than `(1)` / `[1]`: markers only where a note defines them. */
  symbolic: boolean;
  /** Where its paragraph begins (after the last blank line before it). */
  paragraph: number;
}

export interface InferredMarker extends MarkerCandidate {
  /** 0…1: how sure the reading is that this is a note marker. */
  confidence: number;
  isMarker: boolean;
  /** The candidate continues the document's marker sequence (its number is the next one due). */
  inSequence: boolean;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SYMBOLS = '*†‡§';
/**
 * An inline marker candidate; whether it really is one is decided by its context and the sequence.
 * `[^1]` is Markdown's, `[A]` a lettered footnote's (Gutenberg); `[01]` a renumbered `[1]`.
 */
const CANDIDATE = new RegExp(
  String.raw`\[\^[^\]\s]{1,20}\](?!:)|\[[A-Za-z]\]|[(\[](\d{1,3}|[${SYMBOLS}])[)\]]|[${SUPERSCRIPT}]{1,3}|[${SYMBOLS}]`,
  'gu',
);
const CONNECTIVES = /(?:^|\s)(?:and|or|nor|und|et)\s*$/i;
/** Words that name a division of a text, so that `par. 7(1)` is its sub-paragraph (1). */
const DIVISION =
  /(?:^|[^\p{L}])(?:par|para|paras|paragraph|paragraphs|subparagraph|sec|sect|section|sections|art|arts|article|articles|ch|chap|chapter|cl|clause|clauses|rule|annex|reg|regulation|§)\.?\s*\d+[a-z]?(?:\([0-9a-z]{1,3}\))*$/iu;
const CLAUSE_END = /^(?:[\r\n]|[ \t]*[\r\n]|[.,;:!?)\]”"’'—–-]|[ \t]*$)/;

/** The reading of each context before the sequence is consulted, and whether the sequence may change it. */
const PRIOR: Record<MarkerContext, number> = {
  attached: 0.9,
  'spaced-closing': 0.8,
  'after-digit': 0.5,
  'spaced-inline': 0.4,
  'paragraph-reference': 0.05,
  enumerator: 0.05,
  table: 0.05,
};
const THRESHOLD = 0.6;

/** `(12)` → `12`, `¹²` → `12`, `[01]` → `1`, `[^a]` → `a`, `†` → `†`. */
export function labelNumber(label: string): string {
  const inner = label.replace(/^[(\[]\^?|[)\]]$/g, '');
  const n = [...inner].map((c) => (SUPERSCRIPT.includes(c) ? String(SUPERSCRIPT.indexOf(c)) : c)).join('');
  return /^0\d+$/.test(n) ? String(Number(n)) : n;
}

/** Every marker-shaped string in `[from, end)`, with its context. */
export function markerCandidates(text: string, from: number, end: number): MarkerCandidate[] {
  const found: MarkerCandidate[] = [];
  const paragraphOf = paragraphStarts(text);
  const re = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < end) {
    const start = m.index;
    const stop = start + m[0].length;
    const bracketed = m[0].startsWith('(') || m[0].startsWith('[');
    const symbolic = !bracketed || /^[(\[][*†‡§A-Za-z]/.test(m[0]);
    found.push({ n: labelNumber(m[0]), start, end: stop, context: contextOf(text, start, stop), symbolic, paragraph: paragraphOf(start) });
  }
  return found;
}

/** A lookup from an index to the start of its paragraph; the blank lines are found once, lazily. */
function paragraphStarts(text: string): (index: number) => number {
  let starts: number[] | undefined;
  return (index) => {
    starts ??= [0, ...[...text.matchAll(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/g)].map((m) => m.index + m[0].length)];
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo]!;
  };
}

/** Characters of a marker's line looked at before it: enough for every test below. */
const LOOK_BEHIND = 64;

/**
 * The line before `start`, as far as the tests need it: its trailing blank and up to
 * LOOK_BEHIND characters before that. A line cut short is led by NUL (neither a word nor
 * punctuation), so that no test takes the cut for the line start. Bounded: a one-line text
 * of many MB is not scanned back to its start for every candidate.
 */
function lineBefore(text: string, start: number): string {
  const isBreak = (c: number) => c === 10 || c === 13;
  let i = start;
  while (i > 0 && !isBreak(text.charCodeAt(i - 1)) && /\s/.test(text[i - 1]!)) i--;
  const stop = Math.max(0, i - LOOK_BEHIND);
  while (i > stop && !isBreak(text.charCodeAt(i - 1))) i--;
  const cut = i > 0 && !isBreak(text.charCodeAt(i - 1));
  return (cut ? '\u0000' : '') + text.slice(i, start);
}

function contextOf(text: string, start: number, end: number): MarkerContext {
  const before = lineBefore(text, start);
  if (before.trim() === '') return 'enumerator';
  if (/\S(?: {2,}|\t)\S.*\S(?: {2,}|\t)$/.test(before)) return 'table';
  if (/^[\s*†‡§]*$/.test(before) && /^[ \t*†‡§]*(?:[\r\n]|$)/.test(text.slice(end, end + LOOK_BEHIND))) return 'table';
  const prev = before[before.length - 1]!;
  const closes = CLAUSE_END.test(text.slice(end, end + 2));
  if (!/\s/.test(prev)) {
    if (/[(\[]/.test(prev)) return closes ? 'attached' : 'enumerator';
    if (/\d/.test(prev)) return DIVISION.test(before.slice(-40)) ? 'paragraph-reference' : 'after-digit';
    return 'attached';
  }
  if (/[:;,(]\s*$/.test(before) || CONNECTIVES.test(before)) return 'enumerator';
  return closes ? 'spaced-closing' : 'spaced-inline';
}

/**
 * Reads the candidates as one sequence. Confident markers (attached, or closing a clause)
 * fix the frame; a doubtful one is a marker when its note exists and it is not out of place,
 * or when it is the next number due: the one after the markers before it, below the
 * markers after it. Symbols and superscripts count only where a note defines them. Where no
 * note is defined, only the markers that number a sequence from 1 count.
 */
export function inferMarkers(candidates: readonly MarkerCandidate[], defined: ReadonlySet<string>): InferredMarker[] {
  const usable = candidates.filter((c) => !c.symbolic || defined.has(c.n) || letterNeighbours(c.n).some((l) => defined.has(l)));
  const lowestAfter = lowestConfidentAfter(usable);
  const seen = new Set<string>();
  let highest = 0;
  const out: InferredMarker[] = [];
  usable.forEach((c, i) => {
    const n = numberOf(c);
    const ordered = n !== undefined && n > highest && n < lowestAfter[i + 1]!;
    const inSequence = ordered && n === highest + 1;
    const evidence = {
      defined: defined.has(c.n),
      ordered,
      inSequence,
      repeat: seen.has(c.n),
      continues: highest > 0,
      enumerates: enumerates(usable, i),
    };
    const confidence = confidenceOf(c, evidence);
    // In a text with no note at all, `Ponsonby (2),` is a count: only a sequence from 1 makes markers of its own.
    const numbered = defined.size > 0 || inSequence || evidence.repeat;
    const isMarker = confidence >= THRESHOLD && numbered;
    if (isMarker) {
      seen.add(c.n);
      if (n !== undefined) highest = Math.max(highest, n);
    }
    out.push({ ...c, confidence, isMarker, inSequence });
  });
  return out;
}

/** `B` → `A`, `C`: a lettered marker belongs to a lettered sequence whose neighbouring note exists. */
const letterNeighbours = (n: string) => (/^[A-Za-z]$/.test(n) ? [-1, 1].map((d) => String.fromCharCode(n.charCodeAt(0) + d)) : []);

const numberOf = (c: MarkerCandidate) => (/^\d+$/.test(c.n) ? Number(c.n) : undefined);

/**
 * For each index i, the lowest number that a confident candidate from i on cites for the
 * first time (Infinity when none); a note cited again later (`(8)` after `(10)`) does not count.
 */
function lowestConfidentAfter(candidates: readonly MarkerCandidate[]): number[] {
  const cited = new Set<string>();
  const first = candidates.map((c) => {
    if (PRIOR[c.context] < THRESHOLD || cited.has(c.n)) return Infinity;
    cited.add(c.n);
    return numberOf(c) ?? Infinity;
  });
  const lowest = new Array<number>(candidates.length + 1).fill(Infinity);
  for (let i = candidates.length - 1; i >= 0; i--) lowest[i] = Math.min(first[i]!, lowest[i + 1]!);
  return lowest;
}

/** A neighbour in the same paragraph numbered one off, not placed as a marker: `(2) …, (3) …` counts a list. */
function enumerates(candidates: readonly MarkerCandidate[], i: number): boolean {
  const c = candidates[i]!;
  const n = numberOf(c);
  if (n === undefined) return false;
  const listLike = (o: MarkerCandidate | undefined) =>
    o !== undefined &&
    o.paragraph === c.paragraph &&
    (o.context === 'enumerator' || o.context === 'spaced-inline') &&
    Math.abs((numberOf(o) ?? NaN) - n) === 1;
  return listLike(candidates[i - 1]) || listLike(candidates[i + 1]);
}

interface Evidence {
  /** A note of this number exists. */
  defined: boolean;
  /** The number lies between the markers before it and the markers after it. */
  ordered: boolean;
  /** The number is the next one due. */
  inSequence: boolean;
  /** A marker of this number came before (a note cited twice). */
  repeat: boolean;
  /** Markers came before, so there is a sequence to continue. */
  continues: boolean;
  /** A neighbour numbered one off reads as the next item of a list. */
  enumerates: boolean;
}

function confidenceOf(c: MarkerCandidate, e: Evidence): number {
  const prior = PRIOR[c.context];
  switch (c.context) {
    case 'attached':
    case 'spaced-closing':
      return prior;
    case 'after-digit':
      // `No. 525(1)`: a marker where the sequence expects it, or where it cites a note again.
      return e.ordered && (e.inSequence || e.defined) ? 0.8 : e.repeat && e.defined ? 0.65 : 0.3;
    case 'spaced-inline':
      // `SEPES (3) personnel`: a marker where its note exists and it is not behind the sequence,
      // or where it continues a sequence already begun (its note may be the thing missing).
      if (e.defined && (e.ordered || e.repeat)) return 0.8;
      if (e.inSequence && e.continues && !e.enumerates) return 0.7;
      return e.defined ? 0.45 : 0.2;
    default:
      return prior;
  }
}
