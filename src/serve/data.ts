import { realpathSync } from 'node:fs';
import { sidecarState } from '../core/currency.js';
import { sep } from 'node:path';
import { documentFindings } from '../checks/run.js';
import type { Document } from '../core/document.js';
import type { Message } from '../core/message.js';
import type { Entry, Sidecar } from '../core/schema.js';
import { EditError, etagOf, openSidecar } from '../curation/edit.js';
import type { Config } from '../io/config.js';
import { absolute, collectTargets, type Target } from '../io/project.js';
import { readDocument, readSidecar } from '../io/read.js';
import { readSidecarFast } from '../io/sidecar-fast.js';
import { HttpError } from './server.js';

export interface Counts {
  auto: number;
  accepted: number;
  rejected: number;
  human: number;
  orphaned: number;
}

/** One row of the document list. */
export interface DocumentRow {
  path: string;
  sidecar: string;
  title: string;
  date?: string;
  counts: Counts;
  /** Entity types the document has entries of. */
  types: string[];
  findings: number;
  /** Whether a person marked the document reviewed (`marginalia review`). */
  reviewed?: boolean;
  /** Why the document cannot be reviewed (no sidecar, stale, unreadable). */
  problem?: string;
}

export function countsOf(entries: readonly Entry[]): Counts {
  const counts = { auto: 0, accepted: 0, rejected: 0, human: 0, orphaned: 0 };
  for (const e of entries) {
    counts[e.status ?? 'auto']++;
    if (e.by === 'human') counts.human++;
  }
  return counts;
}

const STRUCTURE = new Set(['note', 'note-marker']);

/** The document list: every text of the corpus with what is left to review. */
export function documentRows(config: Config): DocumentRow[] {
  return collectTargets(config, [], config.root).map((target) => {
    const doc = readDocument(config, target.text);
    const file = doc.value ? readSidecarFast(config, target.sidecar, doc.value.sha256, new Map()) : readSidecar(config, target.sidecar);
    const base = { path: target.text, sidecar: target.sidecar, title: target.text, counts: countsOf([]), types: [], findings: 0 };
    if (!doc.value) return { ...base, problem: doc.messages[0]?.message ?? 'unreadable' };
    if (!file.value)
      return { ...base, problem: file.exists ? (file.messages[0]?.message ?? 'invalid sidecar') : 'no sidecar: run annotate' };
    const sidecar = file.value;
    return {
      ...base,
      title: sidecar.metadata?.title ?? target.text,
      ...(sidecar.metadata?.issued ? { date: sidecar.metadata.issued } : {}),
      counts: countsOf(sidecar.entries),
      types: [...new Set(sidecar.entries.filter((e) => !STRUCTURE.has(e.type)).map((e) => e.type))].sort(),
      findings: documentFindings(config, target, doc.value, file).length,
      reviewed: sidecar.reviewed !== undefined,
      ...(sidecarState(sidecar, doc.value.sha256) === 'stale' ? { problem: 'stale sidecar: run annotate' } : {}),
    };
  });
}

/** One document as the page and the API show it. */
export interface DocumentData {
  target: Target;
  doc: Document;
  sidecar: Sidecar;
  etag: string;
  findings: Message[];
}

/** `withFindings`: what check says of the text, for the page (the API leaves it out: it is the slow part). */
export function documentData(config: Config, target: Target, withFindings = false): DocumentData {
  try {
    const { doc, sidecar, raw } = openSidecar(config, target.sidecar);
    const file = { exists: true, value: sidecar, messages: [], locate: () => ({ line: 1, column: 1 }) };
    return { target, doc, sidecar, etag: etagOf(raw), findings: withFindings ? documentFindings(config, target, doc, file) : [] };
  } catch (error) {
    if (error instanceof EditError) throw new HttpError(404, error.message);
    throw error;
  }
}

const isInside = (dir: string, path: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/**
 * A text path from a request (`corpus/…/x.txt`), only if it is one of the corpus's texts: no
 * `..`, no absolute path, and neither it nor its sidecar a link out of the corpus or annotations folder.
 */
export function resolveTarget(config: Config, path: unknown): Target {
  if (typeof path !== 'string' || path === '') throw new HttpError(400, 'say which document: ?path=corpus/…');
  const parts = path.split('/');
  if (
    path.includes('\\') ||
    path.includes('\0') ||
    path.startsWith('/') ||
    /^[A-Za-z]:/.test(path) ||
    parts.some((p) => p === '..' || p === '.')
  )
    throw new HttpError(400, `${JSON.stringify(path)}: a path inside the corpus is expected, without .. or a leading /`);
  const target = collectTargets(config, [], config.root).find((t) => t.text === path);
  if (!target) throw new HttpError(404, `${path}: not a text of the corpus`);
  const within = (dir: string, file: string) => {
    try {
      return isInside(realpathSync(absolute(config, dir)), realpathSync(absolute(config, file)));
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
  };
  if (!within(config.corpus, target.text) || !within(config.annotations, target.sidecar))
    throw new HttpError(403, `${path}: leads outside the corpus or annotations folder`);
  return target;
}
