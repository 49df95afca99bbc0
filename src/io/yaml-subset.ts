/**
 * A fast reader for the YAML that marginalia writes: block mappings and sequences, `- key:`
 * items, one-line plain, single- and double-quoted scalars, `[]` and `{}`. The `yaml` package
 * reads sidecars at about 1 MB/s; this reads them some fifty times faster, which is what lets
 * `check` run on a fresh clone. Anything outside the subset (comments after the header, anchors,
 * tags, flow collections, block or multi-line scalars, tabs, CR line ends, duplicate keys,
 * numbers other than plain decimal integers) returns undefined: the caller then reads the file
 * with `yaml`. Where it returns a value, that value equals `yaml`'s (tested on every bundled
 * sidecar and on generated ones).
 */

import { Outside, closesOnItsLine, outside, plain, quoted } from './yaml-scalars.js';

interface Line {
  indent: number;
  /** The line without its indentation. */
  body: string;
  /** Offset of the line's end in the source (its `\n` or the end). */
  end: number;
  /** A comment line, or `---`: fine inside a multi-line quoted scalar, outside the subset elsewhere. */
  special: boolean;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.$-]*$/;
/** Plain keys YAML's core schema would read as something other than a string. */
const RESERVED_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;
/** YAML indents and separates with spaces only (JS's trimStart would also take U+2028 and friends). */
function withoutLeadingSpaces(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === 32) i++;
  return i ? text.slice(i) : text;
}

/** Keys seen before and whether they are plain, simple keys (a sidecar has few distinct ones). */
const simpleKeys = new Map<string, boolean>();

/** The key of a `key: value` or `key:` line, or undefined when the line is not one. */
function keyOf(body: string): string | undefined {
  const colon = body.indexOf(':');
  if (colon <= 0 || (colon + 1 < body.length && body.charCodeAt(colon + 1) !== 32)) return undefined;
  const key = body.slice(0, colon);
  let simple = simpleKeys.get(key);
  if (simple === undefined) {
    simple = KEY.test(key) && !RESERVED_KEY.test(key);
    if (simpleKeys.size < 1000) simpleKeys.set(key, simple);
  }
  return simple ? key : undefined;
}

export function parseYamlSubset(source: string): unknown {
  try {
    const lines = linesOf(source);
    if (lines.length === 0) return undefined;
    const reader = { source, lines, at: 0 };
    const value = readBlock(reader, lines[0]!.indent);
    if (reader.at !== lines.length || lines[0]!.indent !== 0) return undefined;
    return value;
  } catch (error) {
    if (error instanceof Outside) return undefined;
    throw error;
  }
}

/** The non-blank lines; comment lines before the content are skipped. */
function linesOf(source: string): Line[] {
  // Tabs, CR, control characters and Unicode line separators are where readers differ.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  if (/[\x00-\x08\t\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/.test(source)) outside();
  const lines: Line[] = [];
  for (let start = 0; start < source.length;) {
    const nl = source.indexOf('\n', start);
    const end = nl < 0 ? source.length : nl;
    let indent = 0;
    while (source.charCodeAt(start + indent) === 32) indent++;
    const body = source.slice(start + indent, end);
    start = end + 1;
    if (body === '') continue;
    const special =
      body.charCodeAt(0) === 35 /* # */ || (indent === 0 && (body.startsWith('---') || body.startsWith('...') || body.startsWith('%')));
    if (special && lines.length === 0 && indent === 0 && body.charCodeAt(0) === 35) continue;
    lines.push({ indent, body, end, special });
  }
  return lines;
}

interface Reader {
  source: string;
  lines: Line[];
  at: number;
}

/** The line at the reader's position, if it is a structural one. */
function current(r: Reader): Line | undefined {
  const line = r.lines[r.at];
  if (line?.special) outside();
  return line;
}

/** A mapping or a sequence whose lines stand at `indent`. */
function readBlock(r: Reader, indent: number): unknown {
  const first = current(r)!;
  return first.body === '-' || first.body.startsWith('- ') ? readSequence(r, indent) : readMapping(r, indent, undefined);
}

function readSequence(r: Reader, indent: number): unknown[] {
  const items: unknown[] = [];
  while (current(r)?.indent === indent) {
    const line = r.lines[r.at]!;
    if (!line.body.startsWith('- ')) outside();
    let offset = 2;
    while (line.body.charCodeAt(offset) === 32) offset++;
    const rest = line.body.slice(offset);
    // `- ` with nothing after it is a null item (or opens a nested block): annotate never writes one.
    if (rest === '') outside();
    if (keyOf(rest) !== undefined) {
      // `- key: value`: a mapping whose keys stand in the column of this first key.
      items.push(readMapping(r, indent + offset, rest));
    } else {
      items.push(scalar(r, rest, indent));
      noContinuation(r, indent);
    }
  }
  return items;
}

/** A mapping at `indent`; `firstBody` is its first line when it opens a sequence item. */
function readMapping(r: Reader, indent: number, firstBody: string | undefined): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  let body = firstBody;
  while (true) {
    if (body === undefined) {
      const line = current(r);
      if (!line || line.indent !== indent) break;
      body = line.body;
    }
    const key = keyOf(body);
    if (key === undefined || Object.hasOwn(map, key)) outside();
    const rest = body.length > key!.length + 1 ? withoutLeadingSpaces(body.slice(key!.length + 2)) : '';
    if (rest === '') {
      r.at++;
      const next = current(r);
      map[key!] =
        next && next.indent > indent
          ? readBlock(r, next.indent)
          : next && next.indent === indent && next.body.startsWith('- ')
            ? outside()
            : null;
    } else {
      map[key!] = scalar(r, rest, indent);
      noContinuation(r, indent);
    }
    body = undefined;
    const next = current(r);
    if (next && next.indent > indent) outside();
  }
  return map;
}

/** A scalar is on one line: a deeper line after it would continue it (a multi-line plain scalar). */
function noContinuation(r: Reader, indent: number): void {
  const next = current(r);
  if (next && next.indent > indent) outside();
}

/**
 * The scalar `text` that ends the reader's current line, whose parent stands at `indent`;
 * moves the reader past it. Only a quoted scalar may go on over more lines.
 */
function scalar(r: Reader, text: string, indent: number): unknown {
  const line = r.lines[r.at]!;
  r.at++;
  const c = text[0]!;
  if (c === '"' || c === "'") return closesOnItsLine(text) ? quoted(text) : multiLineQuoted(r, text, line.end, indent);
  if (text === '[]') return [];
  if (text === '{}') return {};
  return plain(text);
}

function multiLineQuoted(r: Reader, first: string, firstEnd: number, indent: number): string {
  const q = first[0]!;
  const trimmed = (piece: string) => {
    const t = piece.replace(/ +$/, '');
    if (q === '"' && /(?:^|[^\\])(?:\\\\)*\\$/.test(t)) outside();
    return t;
  };
  const pieces = [trimmed(first.slice(1))];
  let blanks = 0;
  for (let start = firstEnd + 1; start <= r.source.length;) {
    const nl = r.source.indexOf('\n', start);
    const end = nl < 0 ? r.source.length : nl;
    const raw = r.source.slice(start, end);
    start = end + 1;
    const body = withoutLeadingSpaces(raw);
    if (body === '') {
      if (nl < 0) outside();
      blanks++;
      continue;
    }
    if (raw.length - body.length <= indent || raw.startsWith('---') || raw.startsWith('...')) outside();
    pieces.push(blanks ? '\n'.repeat(blanks) : ' ');
    blanks = 0;
    if (closesOnItsLine(`${q}${body}`)) {
      pieces.push(body);
      const out = quoted(`${q}${pieces.join('')}`);
      while (r.at < r.lines.length && r.lines[r.at]!.end <= end) r.at++;
      return out;
    }
    pieces.push(trimmed(body));
    if (nl < 0) outside();
  }
  return outside();
}
