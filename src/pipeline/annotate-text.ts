import { performance } from 'node:perf_hooks';
import { sidecarState } from '../core/currency.js';
import type { Document } from '../core/document.js';
import type { Message } from '../core/message.js';
import { isHumanWork, type Entry, type Sidecar } from '../core/schema.js';
import { extract, type Extractor } from '../extract/index.js';
import { writePiecesAtomic } from '../io/atomic.js';
import type { CacheEntry } from '../io/cache.js';
import { absolute, schemaPathOf, type Target } from '../io/project.js';
import { readDocument, readPreviousSidecar } from '../io/read.js';
import { newSidecar, sidecarYaml } from '../io/sidecar.js';
import { orphanedEntry } from '../rules/entries.js';
import { report } from '../rules/rule.js';
import { annotateFailed } from '../rules/runs.js';
import { sidecarNotOverwritten } from '../rules/sidecars.js';
import type { RunContext } from './context.js';
import { describe } from './steps/describe.js';
import { linkRefs, refSpans } from './steps/link.js';
import { linkPlaceEntries } from './steps/places.js';
import { loadPlaces } from '../extract/places.js';
import type { PlaceTable } from '../core/places.js';
import { mergePrevious } from './steps/merge-previous.js';
import { withConventions } from './steps/conventions.js';
import type { Convention } from './conventions.js';
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
 * One text's way, as named steps, each timed under its name for `--stats`: read → extract →
 * describe → resolve → people → conventions → places → merge → link (annotateDocument) → write (rendered as written). Never
 * throws: a step that throws makes this text `failed`, the error and the step named, so the
 * run goes on with the others.
 */
export async function annotateText(context: RunContext, target: Target, lastWritten?: string, headOnly = false): Promise<FileOutcome> {
  const steps = new Steps();
  try {
    return await annotateTextOrThrow(context, target, steps, lastWritten, headOnly);
  } catch (error) {
    return { status: 'failed', messages: [failure(target, error, steps.current)], chars: 0, timings: steps.timings };
  }
}

/** The steps of one text: which one runs, and the time each took. */
class Steps {
  readonly timings: Record<string, number> = {};
  current: string | undefined;
  run<T>(name: string, work: () => T): T {
    this.current = name;
    const start = performance.now();
    try {
      return work();
    } finally {
      this.timings[name] = (this.timings[name] ?? 0) + performance.now() - start;
    }
  }
}

async function annotateTextOrThrow(
  context: RunContext,
  target: Target,
  steps: Steps,
  lastWritten?: string,
  headOnly = false,
): Promise<FileOutcome> {
  const { config, generator } = context;
  const { timings } = steps;
  const doc = steps.run('read', () => readDocument(config, target.text));
  if (!doc.value)
    return { status: doc.messages.every((m) => m.severity !== 'error') ? 'skipped' : 'failed', messages: doc.messages, chars: 0, timings };
  const chars = doc.value.text.length;
  const previous = steps.run('read', () => readPreviousSidecar(config, target.sidecar, lastWritten, headOnly));
  if (previous.exists && !previous.value) {
    const note = report(sidecarNotOverwritten, 'untouched', { file: target.sidecar });
    return { status: 'failed', messages: [...previous.messages, note], chars, timings };
  }
  // Bytes annotate wrote itself and nobody touched hold no deletion by hand (whatever another build of the same version finds).
  const result = await annotateDocument(doc.value, previous.value, { ...context, steps, untouched: previous.untouched });
  // Rendered as it is written, and written only when the bytes are not those already there.
  const pieces = sidecarYaml(result.sidecar, target.sidecar, schemaPathOf(config));
  const { sha256, written } = steps.run('write', () => writePiecesAtomic(absolute(config, target.sidecar), pieces, previous.raw));
  const messages = result.orphaned.map((e) => orphanedEntry({ file: target.sidecar }, e));
  const human = result.sidecar.entries.some(isHumanWork);
  const cache: CacheEntry = { textSha256: doc.value.sha256, sidecarSha256: sha256, generator, human };
  if (!written) return { status: result.current ? 'current' : 'unchanged', messages, chars, timings, cache };
  return { status: 'written', messages, added: result.added, chars, timings, cache };
}

export interface DocumentAnnotation {
  sidecar: Sidecar;
  /** Human entries that could not be found in the text any more. */
  orphaned: Entry[];
  /** Machine entries the previous sidecar did not have. */
  added: Entry[];
  /** The previous sidecar was made by this generator from this text, and no `force` asked to redo it. */
  current: boolean;
}

/**
 * The heart of annotate, without I/O: extract, describe, resolve, the people step, merge with
 * the previous sidecar's human work (deletions by hand included), link to the authority.
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
    /** The previous sidecar is the very bytes annotate wrote: no person deleted anything from it. */
    untouched?: boolean;
    steps?: Steps;
    /** The GeoNames records places are linked to; the shipped table by default. */
    places?: PlaceTable;
    /** What the project's reviews taught of its names' bounds and its rules (`train`). */
    conventions?: readonly Convention[];
  },
): Promise<DocumentAnnotation> {
  const steps = options.steps ?? new Steps();
  steps.current = 'extract';
  const extracted = await extract(doc, options.extractors, steps.timings);
  const { metadata, candidates } = steps.run('describe', () => describe(doc, extracted));
  const resolved = steps.run('resolve', () => resolve(doc, candidates, options.vocabulary));
  const rejected = options.rejected ?? new Set<string>();
  const machine = steps.run('people', () => (options.people ?? byName)(doc, resolved).filter((e) => !rejected.has(`${e.type}:${e.text}`)));
  const conventional = steps.run('conventions', () => withConventions(doc, machine, options.conventions ?? []));
  const places = options.places ?? loadPlaces();
  const placed = steps.run('places', () => linkPlaceEntries(doc, conventional, places, metadata.issued));
  const merged = steps.run('merge', () => mergePrevious(doc, placed, previous, options.generator, options.untouched, places));
  const entries = steps.run('link', () => linkRefs(merged.entries, refSpans(doc, candidates)));
  const sidecar = newSidecar(
    options.generator,
    { path: doc.path, sha256: doc.sha256, length: doc.length, encoding: doc.encoding },
    metadata,
    entries,
    // A person's review is human work too.
    previous?.reviewed,
  );
  const before = new Set((previous?.entries ?? []).map((e) => e.id));
  return {
    sidecar,
    orphaned: merged.orphaned,
    current: previous !== undefined && sidecarState(previous, doc.sha256, options.generator) === 'current' && !options.force,
    added: entries.filter((e) => e.status === 'auto' && !before.has(e.id)),
  };
}

/** A text whose annotation threw: one fatal line naming the error and the step; the stack goes to `note` for a bug report. */
export function failure(target: Target, error: unknown, step?: string): Message {
  const reason = `${String(error)}${step ? ` (in step ${step})` : ''}`;
  const note = error instanceof Error ? error.stack : undefined;
  return { ...report(annotateFailed, 'failed', { file: target.text, fatal: true }, { reason }), ...(note ? { note } : {}) };
}
