/**
 * A project's conventions, learned by `train` from its reviewed documents (learn-conventions.ts)
 * and applied to the machine's spans after resolution: what its archive counts as a name
 * (`the Board`, `Springfield, Tenn.`, `W. Stallings, Esq.`) and which rules it does not trust
 * (a month and day without a year is no date here). Plain data a person can read in the model's card.
 */

export interface ConventionSpan {
  type: string;
  /** UTF-16 offsets. */
  start: number;
  end: number;
  by?: string;
}

/**
 * A token is described by its lower-case form (`the`, `,`, `esq`) or by its shape: `X` one
 * capital, `XX` capitals, `Xx` capitalized, `x` lower case, `9` digits.
 */
export type Piece = string;

export type Convention =
  /** The machine's spans of this type by this extractor are not names here. */
  | { kind: 'drop'; type: string; by: string }
  /** …are names of another type here. */
  | { kind: 'retype'; type: string; by: string; to: string }
  /** The tokens just outside a span of this type, on this side, belong to it. */
  | { kind: 'extend'; type: string; side: 'left' | 'right'; pieces: Piece[] }
  /** The span's own first or last tokens do not. */
  | { kind: 'trim'; type: string; side: 'left' | 'right'; pieces: Piece[] }
  /** Two spans of this type with just these tokens between them are one name. */
  | { kind: 'join'; type: string; pieces: Piece[] };

const KINDS = new Set(['drop', 'retype', 'extend', 'trim', 'join']);

/** The conventions a model's card holds (`trainedOn.conventions`); anything else there is no convention. */
export function conventionsOf(value: unknown): Convention[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is Convention =>
      typeof c === 'object' &&
      c !== null &&
      KINDS.has(c.kind) &&
      typeof c.type === 'string' &&
      (!('pieces' in c) || Array.isArray(c.pieces)),
  );
}

export interface Tokens {
  starts: number[];
  ends: number[];
  /** Lower-case form and shape of each token. */
  forms: string[];
  shapes: string[];
}

const TOKEN = /[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokensOf(text: string): Tokens {
  const tokens: Tokens = { starts: [], ends: [], forms: [], shapes: [] };
  for (const m of text.matchAll(TOKEN)) {
    tokens.starts.push(m.index);
    tokens.ends.push(m.index + m[0].length);
    tokens.forms.push(m[0].toLowerCase());
    tokens.shapes.push(shapeOf(m[0]));
  }
  return tokens;
}

function shapeOf(token: string): string {
  if (/^\p{N}+$/u.test(token)) return '9';
  if (!/^\p{L}/u.test(token)) return token;
  if (token === token.toLowerCase()) return 'x';
  if (token === token.toUpperCase()) return token.length === 1 ? 'X' : 'XX';
  return /^\p{Lu}/u.test(token) ? 'Xx' : 'x';
}

const fits = (tokens: Tokens, i: number, piece: Piece) => tokens.forms[i] === piece || tokens.shapes[i] === piece;

/** Only white space between two offsets: the tokens touch as words of one phrase may. */
const blank = (text: string, from: number, to: number) => from <= to && /^\s*$/.test(text.slice(from, to));

/** The first token starting at or after `offset`, by binary search. */
export function tokenAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether tokens `first`… fit the pieces, with only white space from `from` to the first of
 * them, between them, and from the last of them to `to` (no pieces: between `from` and `to`).
 */
function piecesAt(text: string, tokens: Tokens, first: number, pieces: readonly Piece[], from: number, to: number): boolean {
  if (first < 0 || first + pieces.length > tokens.starts.length) return false;
  let at = from;
  for (const [k, piece] of pieces.entries()) {
    if (!fits(tokens, first + k, piece) || !blank(text, at, tokens.starts[first + k]!)) return false;
    at = tokens.ends[first + k]!;
  }
  return blank(text, at, to);
}

/** Where the span would start or end if the pieces on that side were taken in, or undefined. */
function extended(
  text: string,
  tokens: Tokens,
  span: ConventionSpan,
  side: 'left' | 'right',
  pieces: readonly Piece[],
): number | undefined {
  const n = pieces.length;
  if (side === 'left') {
    const first = tokenAt(tokens, span.start) - n;
    return piecesAt(text, tokens, first, pieces, tokens.starts[first] ?? 0, span.start) ? tokens.starts[first] : undefined;
  }
  const first = tokenAt(tokens, span.end);
  return piecesAt(text, tokens, first, pieces, span.end, tokens.ends[first + n - 1] ?? 0) ? tokens.ends[first + n - 1] : undefined;
}

/** Where the span would start or end without the pieces on that side (at least one token kept), or undefined. */
function trimmed(tokens: Tokens, span: ConventionSpan, side: 'left' | 'right', pieces: readonly Piece[]): number | undefined {
  const from = tokenAt(tokens, span.start);
  let to = tokenAt(tokens, span.end);
  while (to > from && tokens.ends[to - 1]! > span.end) to--;
  const n = pieces.length;
  if (to - from <= n) return undefined;
  const first = side === 'left' ? from : to - n;
  for (let k = 0; k < n; k++) if (!fits(tokens, first + k, pieces[k]!)) return undefined;
  return side === 'left' ? tokens.starts[from + n] : tokens.ends[to - n - 1];
}

const overlapsAny = (spans: readonly ConventionSpan[], self: ConventionSpan, start: number, end: number) =>
  spans.some((s) => s !== self && s.start < end && start < s.end);

/** The spans with one convention applied; spans it does not concern are returned as they are. */
export function applyConvention<S extends ConventionSpan>(text: string, tokens: Tokens, spans: readonly S[], c: Convention): S[] {
  switch (c.kind) {
    case 'drop':
      return spans.filter((s) => !(s.type === c.type && s.by === c.by));
    case 'retype':
      return spans.map((s) => (s.type === c.type && s.by === c.by ? { ...s, type: c.to } : s));
    case 'extend':
    case 'trim':
      return spans.map((s) => {
        if (s.type !== c.type) return s;
        const at = c.kind === 'extend' ? extended(text, tokens, s, c.side, c.pieces) : trimmed(tokens, s, c.side, c.pieces);
        if (at === undefined) return s;
        const [start, end] = c.side === 'left' ? [at, s.end] : [s.start, at];
        return c.kind === 'extend' && overlapsAny(spans, s, start, end) ? s : { ...s, start, end };
      });
    case 'join': {
      const sorted = [...spans].sort((a, b) => a.start - b.start);
      const out: S[] = [];
      for (const s of sorted) {
        const last = out.at(-1);
        if (
          last &&
          last.type === c.type &&
          s.type === c.type &&
          piecesAt(text, tokens, tokenAt(tokens, last.end), c.pieces, last.end, s.start)
        )
          out[out.length - 1] = { ...last, end: s.end };
        else out.push(s);
      }
      return out;
    }
  }
}

/** The spans with every convention applied, in the order `train` learned them. */
export function applyConventions<S extends ConventionSpan>(text: string, spans: readonly S[], conventions: readonly Convention[]): S[] {
  if (!conventions.length) return [...spans];
  const tokens = tokensOf(text);
  return conventions.reduce<S[]>((out, c) => applyConvention(text, tokens, out, c), [...spans]);
}

/** A convention in words, for the model's card and train's report. */
export function describeConvention(c: Convention): string {
  const words = (pieces: readonly Piece[]) => `"${pieces.join(' ')}"`;
  switch (c.kind) {
    case 'drop':
      return `${c.type} by ${c.by}: not a name here`;
    case 'retype':
      return `${c.type} by ${c.by}: a ${c.to} here`;
    case 'extend':
      return `${c.type}: takes in ${words(c.pieces)} on its ${c.side}`;
    case 'trim':
      return `${c.type}: leaves out its ${c.side === 'left' ? 'first' : 'last'} ${words(c.pieces)}`;
    case 'join':
      return `${c.type} ${words(c.pieces)} ${c.type}: one name`;
  }
}
