import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../io/config.js';
import type { Target } from '../io/project.js';
import { failure, type FileOutcome } from './annotate-text.js';

const WORKER = new URL('./worker.js', import.meta.url);

/** Workers run the built JavaScript; from TypeScript sources (tests) annotate stays in one thread. */
export function workerAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/** One text to annotate, and the sha256 of the sidecar bytes annotate last wrote for it (the run cache's), if known. */
export interface TextJob {
  target: Target;
  lastWritten?: string;
  /** The run cache knows that sidecar holds no human work, and nobody asked for the entries added (`review`): read its head only if untouched. */
  headOnly?: boolean;
}

export interface WorkerInit {
  config: Config;
  force: boolean;
}

/** Bytes of text a worker must have before it is worth its start (its own project, model and extractors: about a second). */
export const WORKER_BYTES = 512 * 1024;

/**
 * How many workers texts of these sizes (bytes) are worth, at most `jobs`: one per
 * `bytesPerWorker` of text, and none (0: annotate in this thread) when one would do.
 */
export function workersFor(jobs: number, sizes: readonly number[], bytesPerWorker = WORKER_BYTES): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  const worth = bytesPerWorker > 0 ? Math.floor(total / bytesPerWorker) : Infinity;
  const n = Math.min(jobs, sizes.length, worth);
  return n > 1 ? n : 0;
}

/** The order to hand texts to workers in: the largest first, so that no worker ends the run alone with a long one. */
export function largestFirst(sizes: readonly number[]): number[] {
  return sizes.map((_, k) => k).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
}

/** The outcome of a text whose worker died under it (out of memory, a crash in a dependency). */
function workerDied(target: Target, reason: string): FileOutcome {
  return { status: 'failed', messages: [failure(target, reason)], chars: 0, timings: {} };
}

/**
 * Annotate texts in `jobs` worker threads, each taking the next text when it is free.
 * `record` gets each outcome with its index; when `shouldStop` turns true, no new text starts;
 * when `signal` aborts, the workers are stopped at once and the texts they held are not
 * recorded (they write atomically: a sidecar is either the old one or the new one).
 * A worker that dies fails its text only: a fresh worker takes over the rest of its lane.
 */
export async function runInWorkers(
  targets: readonly TextJob[],
  jobs: number,
  init: WorkerInit,
  record: (index: number, outcome: FileOutcome) => void,
  shouldStop?: () => boolean,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const lane = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: init });
      let current = -1;
      let settled = false;
      const abort = () => {
        if (settled) return;
        settled = true;
        void worker.terminate().then(() => resolve());
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      const feed = () => {
        if (next >= targets.length || shouldStop?.()) {
          settled = true;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage(targets[current]);
      };
      const died = (reason: string) => {
        if (settled) return;
        settled = true;
        // A worker that cannot even start (a broken config, a missing module) would die again.
        if (current < 0) return reject(new Error(`a worker could not start: ${reason}`));
        record(current, workerDied(targets[current]!.target, reason));
        void worker.terminate().then(() => lane().then(resolve));
      };
      worker.on('message', (outcome: FileOutcome) => {
        if (settled) return;
        record(current, outcome);
        feed();
      });
      worker.on('error', (error) => died(error.stack ?? error.message));
      worker.on('exit', (code) => died(`its worker stopped (code ${code})`));
      feed();
    });
  await Promise.all(Array.from({ length: jobs }, lane));
}
