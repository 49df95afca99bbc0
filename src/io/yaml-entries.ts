import { stringify, type ToStringOptions } from 'yaml';

/**
 * The `entries:` block of a sidecar, byte for byte what `yaml`'s stringify writes for it, but
 * without building a YAML document of the whole list: a long text has hundreds of thousands
 * of entries, and the document tree of all of them cost more time and memory than the rest of
 * the write. Scalars whose rendering is certain (integers, plain words, short quoted strings)
 * are written here; anything else (a nested citation, a long string with line breaks, a
 * control character, a string that reads as a number) is left to `yaml`, in the same place.
 */
export function entriesYaml(entries: readonly Record<string, unknown>[], options: ToStringOptions): string {
  if (entries.length === 0) return stringify({ entries: [] }, options);
  const out: string[] = ['entries:\n'];
  for (const entry of entries) out.push(entryYaml(entry, options));
  return out.join('');
}

function entryYaml(entry: Record<string, unknown>, options: ToStringOptions): string {
  const keys = Object.keys(entry);
  // Nested values (citation, parts, markers): the whole entry the slow way.
  if (keys.some((k) => typeof entry[k] === 'object' && entry[k] !== null))
    return stringify({ entries: [entry] }, options).slice('entries:\n'.length);
  let out = '';
  keys.forEach((key, i) => {
    const value = entry[key];
    out += `${i === 0 ? '  - ' : '    '}${key}: ${scalarYaml(value) ?? slowScalar(key, value, options)}\n`;
  });
  return out;
}

/** `yaml`'s rendering of one value, as the value of an entry's key (indentation matters for long strings). */
function slowScalar(key: string, value: unknown, options: ToStringOptions): string {
  return stringify({ entries: [{ [key]: value }] }, options).slice(`entries:\n  - ${key}: `.length, -1);
}

/** What `yaml` does not write plain: indicators first, `: `, ` #`, edge blanks, line breaks (see its plainString). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$|\n/;
/** Plain text that YAML 1.2 would read as something else than a string (null, booleans, numbers), or might. */
const OTHER_TYPE = /^(?:[-+.~0-9]|0[ox]|[Nn]ull$|NULL$|[Tt]rue$|TRUE$|[Ff]alse$|FALSE$)|^$/;
/** Characters `yaml` escapes in double quotes (or forces them for), and document markers. */
// eslint-disable-next-line no-control-regex -- the control characters yaml escapes
const SPECIAL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]|^(?:---|\.\.\.)|\n(?:---|\.\.\.)/u;
/** `yaml` breaks double-quoted strings with line breaks at this JSON length. */
const DOUBLE_QUOTED_MULTILINE = 40;

/** The rendering when it is certain, else undefined. */
function scalarYaml(value: unknown): string | undefined {
  // `-0` is an integer that String() writes as `0`: left to `yaml`, which writes `-0`.
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
  if (typeof value !== 'string' || SPECIAL.test(value)) return undefined;
  if (!NOT_PLAIN.test(value)) return OTHER_TYPE.test(value) ? undefined : value;
  const hasDouble = value.includes('"');
  const hasSingle = value.includes("'");
  if (hasDouble && !hasSingle) return value.includes('\n') ? undefined : `'${value}'`;
  const json = JSON.stringify(value);
  if (json.length >= DOUBLE_QUOTED_MULTILINE && value.includes('\n')) return undefined;
  // A blank before a line break is escaped, or folding would eat it.
  return json.replace(/ (?=\\n)/g, '\\ ');
}
