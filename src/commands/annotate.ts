import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Config } from '../config.js';
import { sha256Hex, type Document } from '../document.js';
import { extract, extractorsFor, rulePacks, type Extractor } from '../extract/index.js';
import { writeFileAtomic } from '../fs-atomic.js';
import { merge } from '../merge.js';
import type { Message } from '../message.js';
import { documentMetadata } from '../metadata.js';
import { isCached, loadCache, saveCache, type CacheEntry } from '../cache.js';
import { runInWorkers, workerAvailable } from '../pool.js';
import { absolute, collectTargets, linkedTexts, schemaPathOf, type Target } from '../project.js';
import { readDocument, readSidecar } from '../read.js';
import { resolve } from '../resolve.js';
import type { RulePack } from '../rules/pack.js';
import { isHumanWork, sidecarJsonSchema, type Entry, type Sidecar } from '../schema.js';
import { newSidecar, serializeSidecar } from '../sidecar.js';
import { VERSION } from '../version.js';

export interface AnnotateOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  /** Re-extract texts whose sidecar is current. */
  force?: boolean;
  /** Worker threads (1: in this thread). Results and bytes are the same for any number. */
  jobs?: number;
  /** `{ index: 1, count: 3 }`: only the first of three shards of the corpus, split by path hash. */
  shard?: { index: number; count: number };
  extractors?: readonly Extractor[];
  /** Keep the entries the machine added, per file (memory grows with the corpus otherwise not). */
  review?: boolean;
  onFile?: (done: number, total: number, target: Target, chars: number) => void;
  /** Checked between files: when it returns true, annotate stops after the current file(s). */
  shouldStop?: () => boolean;
}

export type FileStatus = 'written' | 'unchanged' | 'current' | 'skipped' | 'failed';

export interface FileResult {
  target: Target;
  status: FileStatus;
  /** Machine entries that the previous sidecar did not have, for review. */
  added?: Entry[];
}

export interface AnnotateResult {
  /** Texts to annotate; fewer were done when interrupted. */
  total: number;
  files: FileResult[];
  messages: Message[];
  interrupted: boolean;
  /** Milliseconds per stage, summed over the texts: read, each extractor, resolve, write. */
  timings: Record<string, number>;
}

/** What one text's annotation gives back (from this thread or a worker). */
export interface FileOutcome {
  status: FileStatus;
  /** What the cache should remember of this text's sidecar. */
  cache?: CacheEntry;
  messages: Message[];
  added?: Entry[];
  /** Characters of the text, for throughput. */
  chars: number;
  timings: Record<string, number>;
}

/** What every text of one run shares. */
export interface RunContext {
  config: Config;
  generator: string;
  extractors: readonly Extractor[];
  force: boolean;
}

/** Identifies the tool version and rules that made a sidecar's machine entries. */
export function generatorOf(config: Config, extractors: readonly Extractor[], packs: readonly RulePack[]): string {
  const rules = sha256Hex(JSON.stringify([extractors.map((e) => e.id), packs, config.types])).slice(0, 12);
  return `marginalia ${VERSION} rules ${rules}`;
}

export function runContext(config: Config, force = false, extractors?: readonly Extractor[]): RunContext {
  const packs = rulePacks(config);
  const chosen = extractors ?? extractorsFor(packs, { nlp: config.nlp });
  return { config, generator: generatorOf(config, chosen, packs), extractors: chosen, force };
}

/** The shard (1…count) a text falls in, by a hash of its path: the same on every machine. */
export function shardOf(path: string, count: number): number {
  return (parseInt(sha256Hex(path).slice(0, 8), 16) % count) + 1;
}

/** Extract, merge with the human work already there, and write one sidecar per text. */
export async function annotate(options: AnnotateOptions): Promise<AnnotateResult> {
  const { config, shard } = options;
  const cwd = options.cwd ?? config.root;
  const context = runContext(config, options.force ?? false, options.extractors);
  const targets = collectTargets(config, options.paths ?? [], cwd).filter((t) => !shard || shardOf(t.text, shard.count) === shard.index);
  const messages: Message[] = linkedTexts(config, options.paths ?? [], cwd);
  const timings: Record<string, number> = {};
  writeSchema(config);
  const cache = loadCache(config);
  // Per text only what the summary needs, so memory does not grow with the corpus.
  const outcomes: (Pick<FileOutcome, 'status' | 'messages' | 'added'> | undefined)[] = [];
  let done = 0;
  const record = (index: number, outcome: FileOutcome) => {
    outcomes[index] = { status: outcome.status, messages: outcome.messages, ...(options.review && outcome.added ? { added: outcome.added } : {}) };
    if (outcome.cache) cache.set(targets[index]!.sidecar, outcome.cache);
    for (const [stage, ms] of Object.entries(outcome.timings)) timings[stage] = (timings[stage] ?? 0) + ms;
    options.onFile?.(++done, targets.length, targets[index]!, outcome.chars);
  };
  // Texts whose sidecar the cache vouches for are done without reading their YAML.
  const pending: number[] = [];
  for (const [index, target] of targets.entries()) {
    const cached = context.force ? undefined : isCached(config, cache, target.text, target.sidecar, context.generator);
    if (cached) record(index, { status: 'current', messages: [], chars: 0, timings: {} });
    else pending.push(index);
  }
  const jobs = Math.min(options.jobs ?? 1, pending.length);
  if (jobs > 1 && !options.extractors && workerAvailable()) {
    await runInWorkers(pending.map((i) => targets[i]!), jobs, { config, force: context.force }, (k, outcome) => record(pending[k]!, outcome), options.shouldStop);
  } else {
    for (const index of pending) {
      const target = targets[index]!;
      // Let signals (Ctrl-C) and timers in between files: extraction itself never yields.
      await new Promise((resolve) => setImmediate(resolve));
      if (options.shouldStop?.()) break;
      record(index, await annotateFile(context, target));
    }
  }
  saveCache(config, cache);
  // Messages in corpus order, whatever order the workers finished in.
  const files: FileResult[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    if (!outcome) continue;
    messages.push(...outcome.messages);
    files.push({ target: targets[index]!, status: outcome.status, ...(outcome.added?.length ? { added: outcome.added } : {}) });
  }
  return { total: targets.length, files, messages, interrupted: files.length < targets.length, timings };
}

/** One text: read, extract (unless its sidecar is current), merge, write atomically. */
export async function annotateFile(context: RunContext, target: Target): Promise<FileOutcome> {
  const { config, generator, extractors, force } = context;
  const timings: Record<string, number> = {};
  const timed = <T>(stage: string, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };
  const doc = timed('read', () => readDocument(config, target.text));
  if (!doc.value) return { status: doc.messages.every((m) => m.severity !== 'error') ? 'skipped' : 'failed', messages: doc.messages, chars: 0, timings };
  const chars = doc.value.text.length;
  const previous = timed('read', () => readSidecar(config, target.sidecar));
  if (previous.exists && !previous.value) {
    const note: Message = { file: target.sidecar, severity: 'error', message: 'sidecar left untouched: fix it, or move it away to start afresh', ruleId: 'sidecar-not-overwritten' };
    return { status: 'failed', messages: [...previous.messages, note], chars, timings };
  }
  const result = await annotateDocument(doc.value, previous.value, { generator, extractors, force, timings });
  const bytes = timed('write', () => serializeSidecar(result.sidecar, target.sidecar, schemaPathOf(config)));
  const messages: Message[] = [];
  for (const e of result.orphaned) {
    messages.push({ file: target.sidecar, severity: 'warning', message: `${e.type} "${e.text}" (${e.id}) can no longer be found in the text; kept as orphaned`, ruleId: 'entry-orphaned', ...(e.id ? { entryId: e.id } : {}) });
  }
  const cache: CacheEntry = { textSha256: doc.value.sha256, sidecarSha256: sha256Hex(bytes), generator, human: result.sidecar.entries.some(isHumanWork) };
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
 * The heart of annotate, without I/O: extract (unless the previous sidecar is current),
 * resolve, merge with the previous sidecar's human work, and describe the document.
 */
export async function annotateDocument(
  doc: Document,
  previous: Sidecar | undefined,
  options: { generator: string; extractors: readonly Extractor[]; force?: boolean; timings?: Record<string, number> },
): Promise<DocumentAnnotation> {
  // A current sidecar keeps its machine entries; only the human edits made since are merged in.
  const current = !options.force && previous !== undefined && previous.source.sha256 === doc.sha256 && previous.generator === options.generator;
  const candidates = current ? [] : await extract(doc, options.extractors, options.timings);
  const start = performance.now();
  const machine = current ? previous.entries.filter((e) => !isHumanWork(e)) : resolve(doc, candidates);
  const { entries, orphaned } = merge(doc, machine, previous?.entries ?? []);
  const sourceNote = entries.find((e) => e.type === 'note' && e.kind === 'source' && e.status !== 'rejected')?.citation;
  const sidecar = newSidecar(options.generator, { path: doc.path, sha256: doc.sha256, length: doc.length, encoding: doc.encoding }, documentMetadata(doc.text, sourceNote), entries);
  if (options.timings) options.timings.resolve = (options.timings.resolve ?? 0) + performance.now() - start;
  const before = new Set((previous?.entries ?? []).map((e) => e.id));
  return { sidecar, orphaned, current, added: entries.filter((e) => e.status === 'auto' && !before.has(e.id)) };
}

/** The JSON Schema beside the sidecars, which their first line points to. */
function writeSchema(config: Config): void {
  const path = absolute(config, schemaPathOf(config));
  const bytes = `${JSON.stringify(sidecarJsonSchema(), null, 2)}\n`;
  if (!existsSync(path) || readFileSync(path, 'utf8') !== bytes) writeFileAtomic(path, bytes);
}
