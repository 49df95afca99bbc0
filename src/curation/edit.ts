import { readFileSync } from 'node:fs';
import { sidecarState } from '../core/currency.js';
import { z } from 'zod';
import { withContext } from '../core/anchor.js';
import { sha256Hex, type Document } from '../core/document.js';
import type { Message } from '../core/message.js';
import { STRUCTURE_TYPES, type Entry, type Sidecar } from '../core/schema.js';
import { entryShapeFindings, spanFindings } from '../checks/validity.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Config } from '../io/config.js';
import { absolute, schemaPathOf, textPathFor } from '../io/project.js';
import { readDocument } from '../io/read.js';
import { serializeSidecar } from '../io/sidecar.js';
import { sidecarFromBytes } from '../io/sidecar-fast.js';
import { compareEntries } from '../pipeline/resolve.js';
import { recordOf } from '../core/places.js';
import { loadPlaces } from '../extract/places.js';
import { report, type Data } from '../rules/rule.js';
import { editConflict, editRefused } from '../rules/runs.js';

const id = z.string().min(1);
const offset = z.number().int().nonnegative();

/** One change to one entry of a sidecar, or a new human entry (checked at run time: edits come from HTTP requests). */
export const Edit = z.discriminatedUnion('op', [
  z.strictObject({ op: z.enum(['accept', 'reject', 'delete']), id }),
  z.strictObject({ op: z.literal('retype'), id, type: z.string() }),
  /** A place's GeoNames record (`geonames:<id>`), or none (`null`): a reviewer's pick, accepted. */
  z.strictObject({
    op: z.literal('link'),
    id,
    ref: z
      .string()
      .regex(/^geonames:\d+$/)
      .nullable(),
  }),
  /** Move one boundary of the span by a word or a character; -1 is to the left. */
  z.strictObject({
    op: z.literal('move'),
    id,
    edge: z.enum(['start', 'end']),
    by: z.enum(['word', 'char']),
    direction: z.union([z.literal(-1), z.literal(1)]),
  }),
  /** `text`, when given, is what the span must read; a span that drifted is looked for nearest `start`. */
  z.strictObject({ op: z.literal('add'), type: z.string(), start: offset, end: offset, text: z.string().optional() }),
]);
export type Edit = z.infer<typeof Edit>;

/** An edit that is not made: a `conflict` (the bytes changed since they were read), or `refused` (it cannot be made). */
export class EditError extends Error {
  constructor(
    readonly kind: 'conflict' | 'refused',
    readonly detail: Message,
  ) {
    super(detail.message);
  }
}

const refuse = (sidecar: string, id: keyof typeof editRefused.meta.messages, data: Data = {}) =>
  new EditError('refused', report(editRefused, id, { file: sidecar }, data));

/** What a write did: the bytes before and after, for undo, and the new ETag. */
export interface Write {
  sidecar: string;
  before: string;
  after: string;
}

export interface EditResult extends Write {
  etag: string;
  /** Ids of the entries changed or added, in the order of the edits. */
  ids: string[];
}

/** The ETag of a sidecar: the sha256 of its bytes. */
export const etagOf = (bytes: string | Buffer) => sha256Hex(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);

/** If-Match may be quoted (`"hex"`, as HTTP writes ETags) or bare. */
export const unquote = (tag: string) => tag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');

/** A current sidecar and its text, or an EditError. */
export function openSidecar(config: Config, sidecarPath: string): { doc: Document; sidecar: Sidecar; raw: string } {
  const text = textPathFor(config, sidecarPath);
  const doc = readDocument(config, text);
  if (!doc.value) throw refuse(sidecarPath, 'unreadable', { sidecar: sidecarPath, reason: doc.messages[0]?.message ?? 'unreadable' });
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute(config, sidecarPath));
  } catch (error) {
    throw refuse(sidecarPath, 'unreadable', { sidecar: sidecarPath, reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
  // The fast reader where the header says the sidecar is current (the exact YAML parse is the slow part).
  const file = sidecarFromBytes(sidecarPath, bytes, doc.value.sha256);
  if (!file.value) throw refuse(sidecarPath, 'unreadable', { sidecar: sidecarPath, reason: file.messages[0]?.message ?? 'invalid' });
  // Offsets of a stale sidecar do not fit the text any more: annotate re-anchors them first.
  if (sidecarState(file.value, doc.value.sha256) === 'stale') throw refuse(sidecarPath, 'stale', { text });
  return { doc: doc.value, sidecar: file.value, raw: bytes.toString('utf8') };
}

/**
 * The one way a sidecar is changed by hand (accept, reject, review, serve's edits): proved
 * current against its text, compared with the ETag the change was made against (`ifMatch`:
 * other bytes on disk are a conflict), changed, validated (every span holds its text, every
 * type is declared, no id twice), and written atomically; all or nothing.
 */
export function changeSidecar(
  config: Config,
  sidecarPath: string,
  change: (opened: { doc: Document; sidecar: Sidecar }) => Sidecar,
  options: { ifMatch?: string } = {},
): Write & { etag: string } {
  const { doc, sidecar, raw } = openSidecar(config, sidecarPath);
  const actual = etagOf(raw);
  if (options.ifMatch !== undefined && unquote(options.ifMatch) !== actual)
    throw new EditError(
      'conflict',
      report(editConflict, 'stale', { file: sidecarPath }, { sidecar: sidecarPath, given: unquote(options.ifMatch), actual }),
    );
  const next = change({ doc, sidecar });
  const at = { text: sidecar.source.path, sidecar: sidecarPath, locate: () => ({ line: 1, column: 1 }) };
  const problem = [...entryShapeFindings(next, config.types, at), ...spanFindings(doc, next, at)].find((m) => m.severity === 'error');
  if (problem) throw refuse(sidecarPath, 'invalid', { reason: problem.message });
  const after = serializeSidecar(next, sidecarPath, schemaPathOf(config));
  if (after !== raw) writeFileAtomic(absolute(config, sidecarPath), after);
  return { sidecar: sidecarPath, before: raw, after, etag: etagOf(after) };
}

/**
 * Apply edits to one sidecar, all or none, through `changeSidecar`. A machine entry a person
 * retypes or moves becomes theirs (`by: human`, accepted), so annotate never undoes it; only
 * human entries are deleted.
 */
export function editEntries(config: Config, sidecarPath: string, edits: readonly Edit[], options: { ifMatch?: string } = {}): EditResult {
  edits.forEach((edit, index) => {
    const parsed = Edit.safeParse(edit);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw refuse(sidecarPath, 'shape', { index, reason: `${issue.path.join('.') || 'op'}: ${issue.message}` });
    }
  });
  const ids: string[] = [];
  const write = changeSidecar(
    config,
    sidecarPath,
    ({ doc, sidecar }) => ({ ...sidecar, entries: applied(config, sidecarPath, doc, sidecar, edits, ids) }),
    options,
  );
  return { ...write, ids };
}

/** The entries after the edits, sorted; the ids changed or added are pushed to `ids`. */
function applied(config: Config, sidecarPath: string, doc: Document, sidecar: Sidecar, edits: readonly Edit[], ids: string[]): Entry[] {
  const at: Editing = {
    doc,
    sidecarPath,
    entries: [...sidecar.entries],
    entityTypes: config.types.filter((t) => !(STRUCTURE_TYPES as readonly string[]).includes(t)),
  };
  for (const edit of edits) ids.push(apply(at, edit));
  return at.entries.sort(compareEntries);
}

/** One sidecar's entries while edits are applied to them, and what the checks need. */
interface Editing {
  doc: Document;
  sidecarPath: string;
  entries: Entry[];
  entityTypes: string[];
}

/** Apply one edit in place; the id of the entry it changed or added. */
function apply(at: Editing, edit: Edit): string {
  const { doc, entries } = at;
  if (edit.op === 'add') return addEntry(at, edit);
  const i = find(at, edit.id);
  if (edit.op === 'accept' || edit.op === 'reject') {
    if (entries[i]!.status === 'orphaned') throw refuse(at.sidecarPath, 'orphaned', { id: edit.id });
    entries[i] = { ...entries[i]!, status: edit.op === 'accept' ? 'accepted' : 'rejected' };
  } else if (edit.op === 'delete') {
    if (entries[i]!.by !== 'human') throw refuse(at.sidecarPath, 'notHuman', { id: edit.id, by: entries[i]!.by });
    entries.splice(i, 1);
  } else if (edit.op === 'link') {
    const { ref: _r, ...rest } = entries[i]!;
    if (rest.type !== 'place') throw refuse(at.sidecarPath, 'notPlace', { id: edit.id, type: rest.type });
    if (edit.ref && !recordOf(loadPlaces(), edit.ref)) throw refuse(at.sidecarPath, 'noRecord', { ref: edit.ref });
    entries[i] = { ...rest, ...(edit.ref ? { ref: edit.ref } : {}), status: 'accepted' };
  } else if (edit.op === 'retype') {
    knownType(at, edit.type);
    // What the machine said of the span as the old type (an EDTF value, a cluster, its confidence) is not true of the new one.
    const { value: _v, amount: _a, currency: _c, title: _t, cluster: _k, ref: _r, confidence: _p, ...rest } = entity(at, entries[i]!);
    entries[i] = byHuman({ ...rest, type: edit.type });
  } else if (edit.op === 'move') {
    const e = entity(at, entries[i]!);
    const [start, end] = movedSpan(doc, e, edit);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > doc.length)
      throw refuse(at.sidecarPath, 'span', { start, end, length: doc.length });
    const { confidence: _p, ...rest } = e;
    entries[i] = byHuman(withContext(doc, { ...rest, start, end, text: doc.slice(start, end) }));
  }
  return edit.id;
}

/** A new human entry; one already there of that type and span is accepted instead (adding it again says it is right). */
function addEntry(at: Editing, edit: Extract<Edit, { op: 'add' }>): string {
  const { doc, entries } = at;
  knownType(at, edit.type);
  const [start, end] = located(doc, edit, at.sidecarPath);
  const same = entries.findIndex((e) => e.type === edit.type && e.start === start && e.end === end && e.status !== 'orphaned');
  if (same >= 0) {
    entries[same] = { ...entries[same]!, status: 'accepted' };
    return entries[same]!.id!;
  }
  const id = humanId(entries, edit.type, start, end);
  entries.push(withContext(doc, { id, type: edit.type, start, end, text: doc.slice(start, end), by: 'human', status: 'accepted' }));
  return id;
}

const byHuman = (e: Entry): Entry => ({ ...e, by: 'human', status: 'accepted' });

function find(at: Editing, id: string): number {
  const i = at.entries.findIndex((e) => e.id === id);
  if (i < 0) throw refuse(at.sidecarPath, 'noEntry', { id });
  return i;
}

/** Only entities are retyped or moved by hand (notes and markers are the text's structure), and never an orphaned one. */
function entity(at: Editing, e: Entry): Entry {
  if (!at.entityTypes.includes(e.type)) throw refuse(at.sidecarPath, 'structure', { id: e.id ?? '', type: e.type });
  if (e.status === 'orphaned') throw refuse(at.sidecarPath, 'orphaned', { id: e.id ?? '' });
  return e;
}

function knownType(at: Editing, type: string): void {
  if (!at.entityTypes.includes(type)) throw refuse(at.sidecarPath, 'type', { type: String(type), types: at.entityTypes.join(', ') });
}

/** A fresh id for a human entry, `TYPE-hHEX`, not taken in the sidecar. */
function humanId(entries: readonly Entry[], type: string, start: number, end: number): string {
  const taken = new Set(entries.map((e) => e.id));
  for (let salt = 0; ; salt++) {
    const id = `${type}-h${sha256Hex(`${type}\u0000${start}\u0000${end}\u0000${salt}`).slice(0, 8)}`;
    if (!taken.has(id)) return id;
  }
}

/** The span of a new entry: as given, or where its quote is, nearest the given start. */
function located(doc: Document, edit: Extract<Edit, { op: 'add' }>, sidecar: string): [number, number] {
  const { start, end, text } = edit;
  const fits = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= doc.length;
  if (text === undefined || (fits && doc.slice(start, end) === text)) {
    if (!fits) throw refuse(sidecar, 'span', { start, end, length: doc.length });
    return [start, end];
  }
  let best: number | undefined;
  for (let i = text ? doc.text.indexOf(text) : -1; i >= 0; i = doc.text.indexOf(text, i + 1)) {
    const cp = doc.toCodePoint(i);
    if (best === undefined || Math.abs(cp - start) < Math.abs(best - start)) best = cp;
  }
  if (best === undefined) throw refuse(sidecar, 'quote', { text, start, end });
  return [best, best + [...text].length];
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}'’-]/u.test(c);

/** The span with one boundary moved by a character or a word (a run of letters and digits, and what separates it). */
export function movedSpan(
  doc: Document,
  e: Pick<Entry, 'start' | 'end'>,
  move: { edge: 'start' | 'end'; by: 'word' | 'char'; direction: -1 | 1 },
): [number, number] {
  let p = move.edge === 'start' ? e.start : e.end;
  const at = (i: number) => (i >= 0 && i < doc.length ? doc.slice(i, i + 1) : undefined);
  if (move.by === 'char') p += move.direction;
  else if (move.direction < 0) {
    // Left: over what separates, then over the word before.
    while (p > 0 && !isWordChar(at(p - 1))) p--;
    while (p > 0 && isWordChar(at(p - 1))) p--;
  } else {
    while (p < doc.length && !isWordChar(at(p))) p++;
    while (p < doc.length && isWordChar(at(p))) p++;
  }
  if (move.edge === 'start' && move.by === 'word' && move.direction > 0)
    // The start moves past a word and what follows it: it stops on the next word.
    while (p < e.end && !isWordChar(at(p))) p++;
  if (move.edge === 'end' && move.by === 'word' && move.direction < 0) while (p > e.start && !isWordChar(at(p - 1))) p--;
  return move.edge === 'start' ? [p, e.end] : [e.start, p];
}
