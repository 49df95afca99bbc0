import { Citation, Entry, NOTE_KINDS, SCHEMA_VERSION, STATUSES, Sidecar, type DocumentMetadata, type ENTRY_KEYS } from './schema.js';

/**
 * A fast yes-or-don't-know answer to "does this data match the Sidecar schema": plain
 * predicates over the same fields as schema.ts, some ten times quicker than zod on a
 * large sidecar. `false` only means "ask zod" (which says what is wrong, and where);
 * a test holds the two to the same answer on every bundled sidecar and on mutated ones.
 */
export function isValidSidecar(data: unknown): data is Sidecar {
  if (!isObject(data) || !onlyKeys(data, SIDECAR_KEYS)) return false;
  if (data.schemaVersion !== SCHEMA_VERSION || !optional(data.generator, isString) || !isSource(data.source)) return false;
  if (!optional(data.metadata, isMetadata) || !optional(data.reviewed, isReviewed)) return false;
  return Array.isArray(data.entries) && data.entries.every(isEntry);
}

type Check = (value: unknown) => boolean;
type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const isString: Check = (v) => typeof v === 'string';
const isStrings: Check = (v) => Array.isArray(v) && v.every(isString);
const isOffset: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const optional = (v: unknown, check: Check) => v === undefined || check(v);
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const matches =
  (re: RegExp): Check =>
  (v) =>
    typeof v === 'string' && re.test(v);
const onlyKeys = (o: Obj, keys: ReadonlySet<string>) => Object.keys(o).every((k) => keys.has(k));
const isNames: Check = (v) => Array.isArray(v) && v.every((a) => isObject(a) && onlyKeys(a, LITERAL_KEYS) && isString(a.literal));

/** Fields checked by a predicate; a field missing from the table is not allowed. */
function fieldsValid(o: Obj, fields: Readonly<Record<string, Check>>): boolean {
  for (const key in o) {
    const check = fields[key];
    if (!Object.hasOwn(fields, key) || !check || (o[key] !== undefined && !check(o[key]))) return false;
  }
  return true;
}

// Keys and enums come from the zod schema; a field the schema adds and the tables below lack is a type error.
const SIDECAR_KEYS = new Set(Object.keys(Sidecar.shape));
const REVIEWED: Record<keyof NonNullable<Sidecar['reviewed']>, Check> = { by: isString, at: isString, types: isStrings };
const isReviewed: Check = (v) => isObject(v) && fieldsValid(v, REVIEWED);
const LITERAL_KEYS = new Set(['literal']);

const SOURCE: Record<keyof Sidecar['source'], Check> = {
  path: (v) => typeof v === 'string' && v.length >= 1,
  sha256: matches(/^[0-9a-f]{64}$/),
  length: isOffset,
  encoding: isString,
};
const isSource: Check = (v) =>
  isObject(v) && fieldsValid(v, SOURCE) && v.path !== undefined && v.sha256 !== undefined && v.length !== undefined;

const CITATION: Record<keyof Citation, Check> = {
  type: oneOf(Citation.shape.type.unwrap().options),
  author: isNames,
  title: isString,
  'container-title': isString,
  publisher: isString,
  'publisher-place': isString,
  issued: isString,
  volume: isString,
  page: isString,
  archive: isString,
  archive_location: isString,
  URL: isString,
  note: isString,
};
const METADATA: Record<keyof DocumentMetadata, Check> = { ...CITATION, translator: isNames, language: isString };
const isCitation: Check = (v) => isObject(v) && fieldsValid(v, CITATION);
const isMetadata: Check = (v) => isObject(v) && fieldsValid(v, METADATA);

/** One predicate per entry field: a field added to the schema and missing here is a type error. */
const ENTRY: Record<(typeof ENTRY_KEYS)[number], Check> = {
  id: matches(/^[A-Za-z0-9_.:-]+$/),
  type: matches(/^[a-z][a-z0-9-]*$/),
  start: isOffset,
  end: isOffset,
  text: isString,
  title: isString,
  prefix: isString,
  suffix: isString,
  by: (v) => typeof v === 'string' && v.length >= 1,
  status: oneOf(STATUSES),
  previousStatus: oneOf(Entry.shape.previousStatus.unwrap().options),
  value: isString,
  amount: (v) => typeof v === 'number' && Number.isFinite(v),
  currency: isString,
  n: isString,
  kind: oneOf(NOTE_KINDS),
  citation: isCitation,
  repeats: isString,
  markers: isStrings,
  parts: (v) => isObject(v) && Object.values(v).every(isString),
  cluster: isString,
  ref: isString,
  confidence: (v) => typeof v === 'number' && v >= 0 && v <= 1,
  comment: isString,
};

function isEntry(v: unknown): boolean {
  if (!isObject(v) || !fieldsValid(v, ENTRY)) return false;
  if (v.type === undefined || v.start === undefined || v.end === undefined || v.text === undefined || v.by === undefined) return false;
  return (v.end as number) >= (v.start as number);
}
