import { existsSync, readFileSync, statSync } from 'node:fs';
import { sha256Hex } from '../core/document.js';
import type { Message } from '../core/message.js';
import { sidecarJsonSchema, type Entry } from '../core/schema.js';
import type { Extractor } from '../extract/index.js';
import { writeFileAtomic, removeStaleTemporaries } from '../io/atomic.js';
import { isCached, loadCache, saveCache } from '../io/cache.js';
import type { Config } from '../io/config.js';
import { absolute, collectTargets, linkedTexts, schemaPathOf, type Target } from '../io/project.js';
import { annotateText, type FileOutcome, type FileStatus } from '../pipeline/annotate-text.js';
import { runContext, type RunContext } from '../pipeline/context.js';
import { projectOf } from '../pipeline/project.js';
import { findingsPolicy } from '../checks/policy.js';
import { largestFirst, runInWorkers, workerAvailable, workersFor, type TextJob } from '../pipeline/pool.js';

export type { FileStatus } from '../pipeline/annotate-text.js';

export interface AnnotateOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  /** Re-extract texts whose sidecar is current. */
  force?: boolean;
  /** Worker threads at most (1: in this thread). Results and bytes are the same for any number. */
  jobs?: number;
  /** Bytes of text each worker must have to be started (default WORKER_BYTES; 0: as many as `jobs`). */
  workerBytes?: number;
  /** `{ index: 1, count: 3 }`: only the first of three shards of the corpus, split by path hash. */
  shard?: { index: number; count: number };
  extractors?: readonly Extractor[];
  /** Keep the entries the machine added, per file (memory grows with the corpus otherwise not). */
  review?: boolean;
  onFile?: (done: number, total: number, target: Target, chars: number) => void;
  /** Checked between files: when it returns true, annotate stops after the current file(s). */
  shouldStop?: () => boolean;
  /** Stops the texts in progress at once where they run in workers (a long text's annotation never yields). */
  signal?: AbortSignal;
}

/** A text this large (bytes) is annotated in a worker even with one job, so that Ctrl-C can stop it at once. */
const LONG_TEXT = 1024 * 1024;

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

/** The shard (1…count) a text falls in, by a hash of its path: the same on every machine. */
export function shardOf(path: string, count: number): number {
  return (parseInt(sha256Hex(path).slice(0, 8), 16) % count) + 1;
}

/** Extract, merge with the human work already there, and write one sidecar per text. */
export async function annotate(options: AnnotateOptions): Promise<AnnotateResult> {
  const { config, shard } = options;
  const cwd = options.cwd ?? config.root;
  const force = options.force ?? false;
  // What the texts of the run share, made here only when this thread needs it: workers make their own.
  let context: RunContext | undefined;
  const here = () => (context ??= runContext(config, force, options.extractors));
  const targets = collectTargets(config, options.paths ?? [], cwd).filter((t) => !shard || shardOf(t.text, shard.count) === shard.index);
  const messages: Message[] = [...projectOf(config).messages, ...linkedTexts(config, options.paths ?? [], cwd)];
  const timings: Record<string, number> = {};
  // What a killed run left half-written beside the sidecars goes first.
  removeStaleTemporaries(absolute(config, config.annotations));
  writeSchema(config);
  const cache = loadCache(config);
  // Per text only what the summary needs, so memory does not grow with the corpus.
  const outcomes: (Pick<FileOutcome, 'status' | 'messages' | 'added'> | undefined)[] = [];
  let done = 0;
  const record = (index: number, outcome: FileOutcome) => {
    outcomes[index] = {
      status: outcome.status,
      messages: outcome.messages,
      ...(options.review && outcome.added ? { added: outcome.added } : {}),
    };
    if (outcome.cache) cache.set(targets[index]!.sidecar, outcome.cache);
    for (const [stage, ms] of Object.entries(outcome.timings)) timings[stage] = (timings[stage] ?? 0) + ms;
    options.onFile?.(++done, targets.length, targets[index]!, outcome.chars);
  };
  // Texts whose sidecar the cache vouches for are done without reading their YAML.
  const pending: number[] = [];
  const asCache = !force && cache.size > 0;
  for (const [index, target] of targets.entries()) {
    const cached = asCache ? isCached(config, cache, target.text, target.sidecar, here().generator) : undefined;
    if (cached) record(index, { status: 'current', messages: [], chars: 0, timings: {} });
    else pending.push(index);
  }
  const jobs = pending.map((i): TextJob => {
    const last = cache.get(targets[i]!.sidecar);
    // The entries added are found against the previous ones: only a run that reports them (review) reads them all.
    return { target: targets[i]!, lastWritten: last?.sidecarSha256, headOnly: !options.review && last?.human === false };
  });
  await annotatePending(options, here, jobs, (k, outcome) => record(pending[k]!, outcome));
  saveCache(config, cache);
  // Messages in corpus order, whatever order the workers finished in.
  const files: FileResult[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    if (!outcome) continue;
    messages.push(...outcome.messages);
    files.push({ target: targets[index]!, status: outcome.status, ...(outcome.added?.length ? { added: outcome.added } : {}) });
  }
  // One severity policy for every command: the config's `check.rules`.
  return {
    total: targets.length,
    files,
    messages: findingsPolicy(config).severity(messages),
    interrupted: files.length < targets.length,
    timings,
  };
}

/**
 * The texts the cache does not vouch for: in workers when they are worth it (several jobs and
 * text enough for each, or a long text Ctrl-C must stop at once), the largest first; else here.
 */
async function annotatePending(
  options: AnnotateOptions,
  here: () => RunContext,
  texts: readonly TextJob[],
  record: (k: number, outcome: FileOutcome) => void,
): Promise<void> {
  const { config } = options;
  const sizes = texts.map((t) => sizeOf(absolute(config, t.target.text)));
  const workers = workersFor(options.jobs ?? 1, sizes, options.workerBytes);
  const long = options.signal !== undefined && sizes.some((size) => size >= LONG_TEXT);
  if ((workers > 1 || long) && !options.extractors && workerAvailable()) {
    const order = largestFirst(sizes);
    const init = { config, force: options.force ?? false };
    const recordNth = (i: number, outcome: FileOutcome) => record(order[i]!, outcome);
    return runInWorkers(
      order.map((k) => texts[k]!),
      Math.max(workers, 1),
      init,
      recordNth,
      options.shouldStop,
      options.signal,
    );
  }
  for (const [k, { target, lastWritten, headOnly }] of texts.entries()) {
    // Let signals (Ctrl-C) and timers in between files: extraction itself never yields.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.shouldStop?.()) break;
    record(k, await annotateText(here(), target, lastWritten, headOnly));
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The JSON Schema beside the sidecars, which their first line points to. */
function writeSchema(config: Config): void {
  const path = absolute(config, schemaPathOf(config));
  const bytes = `${JSON.stringify(sidecarJsonSchema(), null, 2)}\n`;
  if (!existsSync(path) || readFileSync(path, 'utf8') !== bytes) writeFileAtomic(path, bytes);
}
