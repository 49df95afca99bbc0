import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { sidecarState } from '../core/currency.js';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../io/config.js';
import type { Document } from '../core/document.js';
import { ExitError } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { fromBratEntities, parseBrat, toBrat } from '../interop/brat.js';
import { toConll } from '../interop/conll.js';
import { toCsl } from '../interop/csl.js';
import { mappedPlaces, toGeoJson } from '../interop/geojson.js';
import { loadPlaces } from '../extract/places.js';
import { unknownPlace } from '../rules/entries.js';
import { toTei } from '../interop/tei.js';
import type { Exportable } from '../interop/formats.js';
import { fromJsonlEnts, jsonlSpans, toJsonl } from '../interop/jsonl.js';
import { fromWebAnnotations, toWebAnnotations } from '../interop/webanno.js';
import { mergeImported } from '../pipeline/imported.js';
import { EditError, changeSidecar } from '../curation/edit.js';
import type { Message } from '../core/message.js';
import { absolute, collectTargets, schemaPathOf } from '../io/project.js';
import { readDocument, readSidecar } from '../io/read.js';
import { SCHEMA_VERSION, STRUCTURE_TYPES, type Entry, type Sidecar } from '../core/schema.js';
import { serializeSidecar } from '../io/sidecar.js';
import { report } from '../rules/rule.js';
import { importMismatch } from '../rules/runs.js';
import { sidecarMissing, sidecarStale } from '../rules/sidecars.js';

export const EXPORT_FORMATS = ['brat', 'webanno', 'tei', 'conll', 'jsonl', 'csl', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  format: ExportFormat;
  /** A folder for per-document files (brat, webanno); otherwise everything is returned as one string. */
  out?: string;
}

/** Documents with a current, valid sidecar; the others are reported and left out (a binary file with a warning, as check does). */
function exportables(config: Config, paths: readonly string[], cwd: string): { docs: Exportable[]; messages: Message[] } {
  const docs: Exportable[] = [];
  const messages: Message[] = [];
  for (const target of collectTargets(config, paths, cwd)) {
    const doc = readDocument(config, target.text);
    const sidecar = readSidecar(config, target.sidecar);
    // A text annotate skips (binary, undecodable) is reported as check reports it: `run annotate` cannot help there.
    if (!doc.value) messages.push(...doc.messages);
    else if (!sidecar.value) {
      messages.push(
        ...(sidecar.exists ? sidecar.messages : [report(sidecarMissing, 'missing', { file: target.text }, { text: target.text })]),
      );
    } else if (sidecarState(sidecar.value, doc.value.sha256) === 'stale') {
      messages.push(report(sidecarStale, 'stale', { file: target.sidecar }, { text: target.text }));
    } else docs.push({ doc: doc.value, sidecar: sidecar.value });
  }
  return { docs, messages };
}

/** Export sidecars to another tool's format: files under `out`, or one string. */
export function exportAnnotations(options: ExportOptions): { output: string; files: string[]; messages: Message[] } {
  const { config, format } = options;
  const { docs, messages } = exportables(config, options.paths ?? [], options.cwd ?? config.root);
  const files: string[] = [];
  const write = (path: string, data: string) => {
    const full = join(options.out!, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, data);
    files.push(full);
  };
  if (format === 'brat' || format === 'webanno' || format === 'tei') {
    if (!options.out) throw new ExitError(`--format ${format} writes one file per document: give --out DIR`);
    for (const d of docs) {
      const base = d.sidecar.source.path.replace(/\.txt$/, '');
      if (format === 'brat') {
        write(`${base}.txt`, d.doc.text);
        write(`${base}.ann`, toBrat(d));
      } else if (format === 'tei') write(`${base}.xml`, toTei(d));
      else write(`${base}.jsonld`, `${JSON.stringify(toWebAnnotations(d), null, 2)}\n`);
    }
    return { output: '', files, messages };
  }
  const output =
    format === 'jsonl'
      ? docs.map(toJsonl).join('')
      : format === 'conll'
        ? docs.map(toConll).join('')
        : format === 'geojson'
          ? placesGeoJson(docs, messages)
          : `${JSON.stringify(docs.flatMap(toCsl), null, 2)}\n`;
  if (options.out)
    write({ jsonl: 'corpus.jsonl', conll: 'corpus.conll', csl: 'citations.json', geojson: 'places.geojson' }[format], output);
  return { output: options.out ? '' : output, files, messages };
}

/** The linked places as GeoJSON; a ref the place table does not know is reported and left out. */
function placesGeoJson(docs: readonly Exportable[], messages: Message[]): string {
  const { places, unknown } = mappedPlaces(docs, loadPlaces());
  messages.push(...unknown.map((u) => unknownPlace({ file: u.path }, u.entry)));
  return toGeoJson(places);
}

export const IMPORT_FORMATS = ['brat', 'webanno', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  config: Config;
  from: ImportFormat;
  /** The other tool's file (.ann, .jsonld/.json, .jsonl), and the corpus text it annotates. */
  file: string;
  text: string;
  cwd?: string;
  /**
   * The entity types the file annotates completely: the machine's entries of these types that
   * it lacks are rejected, and the sidecar is marked reviewed for them (`by`, `at`).
   */
  complete?: { types: readonly string[] | readonly ['all']; by?: string; at?: string };
}

export interface ImportResult {
  imported: number;
  /** Incoming entries already in the sidecar: confirmed, not added again. */
  confirmed: number;
  /** Per type, the machine entries rejected because the gold, complete for that type, lacks them. */
  rejected: Record<string, number>;
  messages: Message[];
}

/** Another tool's file read as entries, each with the quote it says it covers (brat, Web Annotation), if any. */
function readIncoming(options: ImportOptions, path: string, doc: Document): { incoming: Entry[]; quotes: (string | undefined)[] } {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ExitError(`${options.file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const slice = (s: number, e: number) => doc.slice(s, e);
  try {
    if (options.from === 'brat') {
      const entities = parseBrat(source);
      return { incoming: fromBratEntities(entities, slice), quotes: entities.map((b) => b.text) };
    }
    if (options.from === 'webanno') {
      const data = JSON.parse(source);
      const incoming = fromWebAnnotations(Array.isArray(data) ? data : (data.items ?? data.first?.items ?? [data]));
      return { incoming, quotes: incoming.map((e) => e.text) };
    }
    const line = source.split('\n').find((l) => l.trim());
    const incoming = fromJsonlEnts(jsonlSpans(JSON.parse(line ?? '{}')), slice);
    return { incoming, quotes: incoming.map(() => undefined) };
  } catch (error) {
    throw new ExitError(`${options.file}: ${(error as Error).message}`);
  }
}

/** The reviewed mark of a gold file complete for some types: by whom, when, and which types (none named: all). */
function reviewMark(complete: { by?: string; at?: string; all: boolean; types: readonly string[] }): NonNullable<Sidecar['reviewed']> {
  return {
    ...(complete.by ? { by: complete.by } : {}),
    ...(complete.at ? { at: complete.at } : {}),
    ...(complete.all ? {} : { types: [...complete.types] }),
  };
}

/** `all`, or the named entity types of the project; an unknown one is an error naming the known ones. */
function completeTypes(config: Config, requested: readonly string[]): { types: string[]; all: boolean } {
  const entityTypes = config.types.filter((t) => !(STRUCTURE_TYPES as readonly string[]).includes(t));
  if (requested.includes('all')) return { types: entityTypes, all: true };
  const unknown = requested.filter((t) => !entityTypes.includes(t));
  if (unknown.length)
    throw new ExitError(`--complete ${unknown.join(',')}: not an entity type of this project (${entityTypes.join(', ')})`);
  return { types: [...requested], all: entityTypes.every((t) => requested.includes(t)) };
}

/**
 * Another tool's annotations become human entries of the text's sidecar: each is proved
 * against the text (re-anchored by its quote if its offsets drifted); one that matches
 * nowhere is an error naming it, and nothing is written.
 */
export function importAnnotations(options: ImportOptions): ImportResult {
  const { config } = options;
  const cwd = options.cwd ?? config.root;
  if (options.complete) completeTypes(config, options.complete.types);
  const [target] = collectTargets(config, [options.text], cwd);
  if (!target) throw new ExitError(`${options.text}: not a corpus text`);
  const doc = readDocument(config, target.text);
  const none = { imported: 0, confirmed: 0, rejected: {} };
  if (!doc.value) return { ...none, messages: doc.messages };
  const sidecar = readSidecar(config, target.sidecar);
  if (sidecar.exists && !sidecar.value) return { ...none, messages: sidecar.messages };
  const { incoming, quotes } = readIncoming(options, resolve(cwd, options.file), doc.value);
  const complete = options.complete && { ...options.complete, ...completeTypes(config, options.complete.types) };
  const merged = mergeImported(doc.value, sidecar.value?.entries ?? [], incoming, quotes, complete?.types);
  const { entries, unmatched } = merged;
  const messages = unmatched.map((e) =>
    report(
      importMismatch,
      'mismatch',
      { file: options.file },
      { type: e.type, text: e.text, start: e.start, end: e.end, target: target.text },
    ),
  );
  if (messages.length) return { ...none, messages };
  const base = sidecar.value ?? {
    schemaVersion: SCHEMA_VERSION,
    source: { path: target.text, sha256: doc.value.sha256, length: doc.value.length, encoding: doc.value.encoding },
    entries: [],
  };
  const reviewed = complete ? { reviewed: reviewMark(complete) } : {};
  const next = { ...base, ...reviewed, entries };
  // Into an existing sidecar through the one edit engine (current, validated); a first sidecar has nothing to conflict with.
  if (sidecar.exists) {
    try {
      changeSidecar(config, target.sidecar, () => next);
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      return { ...none, messages: [error.detail] };
    }
  } else writeFileAtomic(absolute(config, target.sidecar), serializeSidecar(next, target.sidecar, schemaPathOf(config)));
  return { imported: incoming.length - merged.confirmed, confirmed: merged.confirmed, rejected: merged.rejected, messages };
}
