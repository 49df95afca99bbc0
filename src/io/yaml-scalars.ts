// The scalars of the YAML subset that io/yaml-subset.ts reads: plain and quoted, one line each,
// each equal to what the `yaml` package reads, or Outside.

/** Outside the subset: the caller falls back to the full parser. */
export class Outside extends Error {}

export const outside = (): never => {
  throw new Outside();
};

const INDICATOR = /^[[\]{},#&*!|>%@`]|^[-?:](?: |$)/;
/** Unsigned decimal numbers, as the core schema reads them (`12`, `1.5`, `2e3`). */
const NUMBER = /^(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Plain scalars the core schema reads as null, booleans, signed numbers, infinities or other bases. */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+](?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/** First characters after which a plain scalar may read as something other than a string. */
const MAYBE_NOT_A_STRING = new Set('~nNtTfF+-.0123456789');

export function plain(text: string): unknown {
  if (INDICATOR.test(text) || text.includes(': ') || text.includes(' #') || text.endsWith(':') || text.endsWith(' ')) outside();
  if (!MAYBE_NOT_A_STRING.has(text[0]!)) return text;
  if (NUMBER.test(text)) {
    const n = Number(text);
    // Leading zeros and integers past 2^53 are where readers may differ; leave them to `yaml`.
    if (/^0[0-9]/.test(text) || (Number.isInteger(n) && !Number.isSafeInteger(n))) outside();
    return n;
  }
  if (NOT_A_STRING.test(text)) outside();
  return text;
}

export const quoted = (text: string) => (text[0] === '"' ? doubleQuoted(text) : singleQuoted(text));

/** A quoted scalar closes on its line when its closing quote is there (not `''`, not `\"`). */
export function closesOnItsLine(text: string): boolean {
  const q = text[0]!;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (q === '"' && c === '\\') i++;
    else if (c === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
}

/**
 * A quoted scalar over several lines, folded as YAML folds flow scalars: each line trimmed,
 * one line break read as a space, n blank lines as n line breaks. An escaped line break
 * (a line ending in `\`) is outside the subset.
 */

export function singleQuoted(text: string): string {
  let out = '';
  let i = 1;
  while (true) {
    const q = text.indexOf("'", i);
    if (q < 0) outside();
    out += text.slice(i, q);
    if (text[q + 1] === "'") {
      out += "'";
      i = q + 2;
      continue;
    }
    if (q !== text.length - 1) outside();
    return out;
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

export function doubleQuoted(text: string): string {
  let out = '';
  let i = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      if (i !== text.length - 1) outside();
      return out;
    }
    if (c !== '\\') {
      const next = nextSpecial(text, i);
      out += text.slice(i, next);
      i = next;
      continue;
    }
    const e = text[i + 1];
    if (e === undefined) outside();
    if (e! in ESCAPES) {
      out += ESCAPES[e!];
      i += 2;
    } else if (e! in HEX_LENGTH) {
      const hex = text.slice(i + 2, i + 2 + HEX_LENGTH[e!]!);
      if (hex.length !== HEX_LENGTH[e!] || !/^[0-9a-fA-F]+$/.test(hex)) outside();
      const code = parseInt(hex, 16);
      // Lone surrogates and code points past U+10FFFF are where parsers disagree.
      if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) outside();
      out += String.fromCodePoint(code);
      i += 2 + hex.length;
    } else outside();
  }
  return outside();
}

/** The next `"` or `\` at or after `from` (the text length when none). */
function nextSpecial(text: string, from: number): number {
  const q = text.indexOf('"', from);
  const b = text.indexOf('\\', from);
  const end = text.length;
  return Math.min(q < 0 ? end : q, b < 0 ? end : b);
}
