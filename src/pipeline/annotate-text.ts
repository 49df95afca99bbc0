import { performance } from 'node:perf_hooks';
import { sidecarState } from '../core/currency.js';
import { sha256Hex, type Document } from '../core/document.js';
import type { Message } from '../core/message.js';
import { isHumanWork, type Entry, type Sidecar } from '../core/schema.js';
import { extract, type Candidate, type Extractor } from '../extract/index.js';
import { withDocumentYear } from '../extract/dates.js';
import { documentMetadata } from '../extract/metadata.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { CacheEntry } from '../io/cache.js';
import { absolute, schemaPathOf, type Target } from '../io/project.js';
import { readDocument, readSidecar } from '../io/read.js';
import { newSidecar, serializeSidecar } from '../io/sidecar.js';
import { orphanedEntry } from '../rules/entries.js';
import { report } from '../rules/rule.js';
import { annotateFailed } from '../rules/runs.js';
import { sidecarNotOverwritten } from '../rules/sidecars.js';
import type { RunContext } from './context.js';
import { withHandEdits } from './edits.js';
import { merge } from './merge.js';
import { resolve } from './resolve.js';
import type { Vocabulary } from '../extract/vocabulary.js';
import { clusterPersons } from './clusters.js';
import type { TitleStage } from './titles.js';

/** Without a run's people stage: cluster keys by surname, titles left in the spans. */
const byName: TitleStage = (_doc, entries) => clusterPersons(entries);

export type FileStatus = 'written' | 'unchanged' | 'current' | 'skipped' | 'failed';

/** What one text's annotation gives back (from this thread or a worker). */
export interface FileOutcome {
  status: FileStatus;
  /** What the cache should remember of this text's sidecar. */
  cache?: CacheEntry;
  messages: Message[];
  /** Machine entries the previous sidecar did not have, for review. */
  added?: Entry[];
  /** Characters of the text, for throughput. */
  chars: number;
  timings: Record<string, number>;
}

/**
 * One text: read, extract (unless its sidecar is current), merge, write atomically.
 * Never throws: whatever goes wrong with this text makes it `failed`, with the error named,
 * so the run goes on with the others.
 */
export async function annotateText(context: RunContext, target: Target): Promise<FileOutcome> {
  const timings: Record<string, number> = {};
  try {
    return await annotateTextOrThrow(context, target, timings);
  } catch (error) {
    return { status: 'failed', messages: [failure(target, error)], chars: 0, timings };
  }
}

async function annotateTextOrThrow(context: RunContext, target: Target, timings: Record<string, number>): Promise<FileOutcome> {
  const { config, generator, extractors, people, rejected, force, vocabulary } = context;
  const timed = <T>(stage: string, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };
  const doc = timed('read', () => readDocument(config, target.text));
  if (!doc.value)
    return { status: doc.messages.every((m) => m.severity !== 'error') ? 'skipped' : 'failed', messages: doc.messages, chars: 0, timings };
  const chars = doc.value.text.length;
  const previous = timed('read', () => readSidecar(config, target.sidecar));
  if (previous.exists && !previous.value) {
    const note = report(sidecarNotOverwritten, 'untouched', { file: target.sidecar });
    return { status: 'failed', messages: [...previous.messages, note], chars, timings };
  }
  const result = await annotateDocument(doc.value, previous.value, { generator, extractors, people, rejected, force, vocabulary, timings });
  const bytes = timed('write', () => serializeSidecar(result.sidecar, target.sidecar, schemaPathOf(config)));
  const messages = result.orphaned.map((e) => orphanedEntry({ file: target.sidecar }, e));
  const cache: CacheEntry = {
    textSha256: doc.value.sha256,
    sidecarSha256: sha256Hex(bytes),
    generator,
    human: result.sidecar.entries.some(isHumanWork),
  };
  if (bytes === previous.raw) return { status: result.current ? 'current' : 'unchanged', messages, chars, timings, cache };
  timed('write', () => writeFileAtomic(absolute(config, target.sidecar), bytes));
  return { status: 'written', messages, added: result.added, chars, timings, cache };
}

export interface DocumentAnnotation {
  sidecar: Sidecar;
  /** Human entries that could not be found in the text any more. */
  orphaned: Entry[];
  /** Machine entries the previous sidecar did not have. */
  added: Entry[];
  /** The previous sidecar was current: nothing was extracted again. */
  current: boolean;
}

/**
 * The heart of annotate, without I/O: extract, resolve, merge with the previous sidecar's
 * human work (deletions by hand included), and describe the document. `current`: the previous
 * sidecar was made by this generator from this text, and no `force` asked to redo it.
 */
export async function annotateDocument(
  doc: Document,
  previous: Sidecar | undefined,
  options: {
    generator: string;
    extractors: readonly Extractor[];
    people?: TitleStage;
    rejected?: ReadonlySet<string>;
    force?: boolean;
    /** What words mean (the project's model's); the shipped model's by default. */
    vocabulary?: Vocabulary;
    timings?: Record<string, number>;
  },
): Promise<DocumentAnnotation> {
  // The sidecar this very generator made from this very text: what the machine finds now, it found then.
  const sameMachine = previous !== undefined && sidecarState(previous, doc.sha256, options.generator) === 'current';
  const candidates = await extract(doc, options.extractors, options.timings);
  const start = performance.now();
  const rejected = options.rejected ?? new Set<string>();
  const machine = (options.people ?? byName)(doc, resolve(doc, candidates, options.vocabulary)).filter(
    (e) => !rejected.has(`${e.type}:${e.text}`),
  );
  const edited = previous ? withHandEdits(doc, previous) : [];
  const kept = sameMachine ? [...edited, ...deletedByHand(doc, machine, edited)] : edited;
  const merged = merge(doc, machine, kept);
  // Human entries get the authority's links as machine entries do.
  const entries = linkRefs(doc, merged.entries, candidates);
  const orphaned = merged.orphaned;
  const sourceNote = entries.find((e) => e.type === 'note' && e.kind === 'source' && e.status !== 'rejected')?.citation;
  const metadata = documentMetadata(doc.text, sourceNote);
  const sidecar = newSidecar(
    options.generator,
    { path: doc.path, sha256: doc.sha256, length: doc.length, encoding: doc.encoding },
    metadata,
    entries.map((e) =>
      e.type === 'date' && e.value?.startsWith('XXXX') && !isHumanWork(e) ? { ...e, value: withDocumentYear(e.value, metadata.issued) } : e,
    ),
    // A person's review is human work too.
    previous?.reviewed,
  );
  if (options.timings) options.timings.resolve = (options.timings.resolve ?? 0) + performance.now() - start;
  const before = new Set((previous?.entries ?? []).map((e) => e.id));
  return {
    sidecar,
    orphaned,
    current: sameMachine && !options.force,
    added: entries.filter((e) => e.status === 'auto' && !before.has(e.id)),
  };
}

const spanKey = (e: Entry) => `${e.type}:${e.start}:${e.end}:${e.n ?? ''}`;

/**
 * Machine entries that a sidecar made by this generator from this text no longer holds, though
 * nothing a person did there stands in their way: a person deleted them. A deletion is a
 * decision: they come back as rejected entries, which no later run or text edit undoes.
 */
function deletedByHand(doc: Document, machine: readonly Entry[], previous: readonly Entry[]): Entry[] {
  const had = new Set(previous.map(spanKey));
  if (machine.every((e) => had.has(spanKey(e)))) return [];
  return merge(doc, machine, previous)
    .entries.filter((e) => e.status === 'auto' && !had.has(spanKey(e)))
    .map((e) => ({ ...e, status: 'rejected' as const }));
}

/** An entry that holds an authority record's form (`Capt. Burger` holds `Burger`) names that record. */
function linkRefs(doc: Document, entries: Entry[], candidates: readonly Candidate[]): Entry[] {
  const refs = candidates
    .filter((c) => c.ref)
    .map((c) => ({ type: c.type, start: doc.toCodePoint(c.start), end: doc.toCodePoint(c.end), ref: c.ref! }));
  if (!refs.length) return entries;
  return entries.map((e) => {
    if (e.ref) return e;
    const inside = new Set(refs.filter((r) => r.type === e.type && r.start >= e.start && r.end <= e.end).map((r) => r.ref));
    return inside.size === 1 ? { ...e, ref: [...inside][0]! } : e;
  });
}

/** A text whose annotation threw: one fatal line naming the error; the stack goes to `note` for a bug report. */
export function failure(target: Target, error: unknown): Message {
  const reason = String(error);
  const note = error instanceof Error ? error.stack : undefined;
  return { ...report(annotateFailed, 'failed', { file: target.text, fatal: true }, { reason }), ...(note ? { note } : {}) };
}
