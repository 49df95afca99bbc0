// A YAML writer for the data of a sidecar, byte for byte what `yaml`'s stringify writes with
// annotate's options (`lineWidth: 0`, `minContentWidth: 0`, `blockQuote: false`, no aliases),
// without building a YAML document: block mappings and sequences of plain data, strings in the
// style `yaml` chooses for them (plain, single or double quoted, never folded). What it does
// not know how to write (a key that is not a plain word, a sequence in a sequence, a value that
// is not plain data) throws `NotWritten`, and the caller asks `yaml` instead.

/** A value this writer leaves to `yaml`. */
export class NotWritten extends Error {}

const notWritten = (): never => {
  throw new NotWritten();
};

/** Keys written plain: words that no YAML 1.2 core schema tag reads as another type. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** What `yaml` does not write plain: indicators first, `: `, ` #`, edge blanks, line breaks (its plainString). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** The core schema's tags other than strings (null, booleans, ints, floats): a plain string they match is quoted. */
const OTHER_TAGS = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/** Characters for which `yaml` forces double quotes (an unpaired surrogate among them). */
// eslint-disable-next-line no-control-regex -- the control characters yaml escapes
const FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** The same, quicker, but taking every surrogate, paired or not: a first sieve. */
// eslint-disable-next-line no-control-regex -- the control characters yaml escapes
const MAYBE_FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\uD800-\uDFFF]/;
/** First characters of the strings some other tag may read (every one of them starts so, or is empty). */
const MAYBE_OTHER_TAG = new Set('~nNtTfF+-.0123456789');
/** Keys already found plain (a sidecar has a few dozen; a bound all the same). */
const plainKeys = new Set<string>();
const PLAIN_KEYS_MAX = 1000;
/** `yaml` writes a line break of a double-quoted string as a line break from this JSON length on. */
const DOUBLE_QUOTED_MULTILINE = 40;
/** The escapes `yaml` writes instead of JSON's `\uXXXX`. */
const SHORT_ESCAPES: Record<string, string> = {
  '0000': '\\0',
  '0007': '\\a',
  '000b': '\\v',
  '001b': '\\e',
  '0085': '\\N',
  '00a0': '\\_',
  '2028': '\\L',
  '2029': '\\P',
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A string as the value of a key or an item; `indent` is where its continuation lines start. */
export function yamlString(value: string, indent: string): string {
  if (MAYBE_FORCE_DOUBLE.test(value) && FORCE_DOUBLE.test(value)) return doubleQuoted(value, indent);
  if (NOT_PLAIN.test(value) || value.includes('\n') || isOtherTag(value)) return quoted(value, indent);
  return value;
}

const isOtherTag = (value: string) => (value === '' || MAYBE_OTHER_TAG.has(value[0]!)) && OTHER_TAGS.some((tag) => tag.test(value));

function isPlainKey(key: string): boolean {
  if (plainKeys.has(key)) return true;
  if (!PLAIN_KEY.test(key) || isOtherTag(key)) return false;
  if (plainKeys.size < PLAIN_KEYS_MAX) plainKeys.add(key);
  return true;
}

function quoted(value: string, indent: string): string {
  const hasDouble = value.includes('"');
  if (!hasDouble || value.includes("'")) return doubleQuoted(value, indent);
  if (/[ \t]\n|\n[ \t]/.test(value)) return doubleQuoted(value, indent);
  return `'${value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`)}'`;
}

/** `yaml`'s doubleQuotedString, unfolded: JSON with YAML's short escapes, line breaks written as breaks when long enough. */
export function doubleQuoted(value: string, indent: string): string {
  const json = JSON.stringify(value);
  if (!json.includes('\\')) return json;
  let out = '';
  let start = 0;
  for (let i = 0; i < json.length; i++) {
    let ch = json[i];
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // A blank before a line break is escaped, or folding would eat it.
      out += `${json.slice(start, i)}\\ `;
      start = ++i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    const next = json[i + 1];
    if (next === 'u') {
      const code = json.substr(i + 2, 4);
      out += json.slice(start, i) + (SHORT_ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.substr(i, 6)));
      i += 5;
      start = i + 1;
    } else if (next === 'n' && json[i + 2] !== '"' && json.length >= DOUBLE_QUOTED_MULTILINE) {
      // A line break as a break: folding eats the first one, so it is doubled.
      out += `${json.slice(start, i)}\n\n`;
      while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
        out += '\n';
        i += 2;
      }
      out += indent;
      if (json[i + 2] === ' ') out += '\\';
      i += 1;
      start = i + 1;
    } else i += 1;
  }
  return start ? out + json.slice(start) : json;
}

/** A scalar as `yaml` writes it, or NotWritten. */
function scalar(value: unknown, indent: string): string {
  if (typeof value === 'string') return yamlString(value, indent);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
    return Object.is(value, -0) ? '-0' : JSON.stringify(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return notWritten();
}

/** `key: value` lines of a block mapping whose keys start at `indent`; the first line's indentation is the caller's. */
export function mappingYaml(map: Record<string, unknown>, indent: string, first = indent): string {
  let out = '';
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    if (!isPlainKey(key)) notWritten();
    out += `${out ? indent : first}${key}:${valueYaml(value, `${indent}  `)}`;
  }
  // Nothing but undefined values: `yaml` writes `{}` there.
  return out || notWritten();
}

/** What follows a key's colon: ` scalar\n`, ` {}\n`, ` []\n`, or a block collection on the next lines, nested at `inner`. */
function valueYaml(value: unknown, inner: string): string {
  if (Array.isArray(value)) return value.length === 0 ? ' []\n' : `\n${sequenceYaml(value, inner)}`;
  if (isPlainObject(value)) return Object.keys(value).length === 0 ? ' {}\n' : `\n${mappingYaml(value, inner)}`;
  return ` ${scalar(value, inner)}\n`;
}

/** The items of a block sequence whose dashes are at `indent`. */
export function sequenceYaml(items: readonly unknown[], indent: string): string {
  let out = '';
  const inner = `${indent}  `;
  for (const item of items) {
    if (Array.isArray(item)) out += item.length === 0 ? `${indent}- []\n` : notWritten();
    else if (isPlainObject(item)) out += Object.keys(item).length === 0 ? `${indent}- {}\n` : mappingYaml(item, inner, `${indent}- `);
    else out += `${indent}- ${scalar(item, inner)}\n`;
  }
  return out;
}
