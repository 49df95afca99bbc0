import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileOutcome } from '../commands/annotate.js';
import type { Config } from '../io/config.js';
import type { Target } from '../io/project.js';

const WORKER = new URL('./worker.js', import.meta.url);

/** Workers run the built JavaScript; from TypeScript sources (tests) annotate stays in one thread. */
export function workerAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

export interface WorkerInit {
  config: Config;
  force: boolean;
}

/**
 * Annotate texts in `jobs` worker threads, each taking the next text when it is free.
 * `record` gets each outcome with its index; when `shouldStop` turns true, no new text starts.
 */
export async function runInWorkers(targets: readonly Target[], jobs: number, init: WorkerInit, record: (index: number, outcome: FileOutcome) => void, shouldStop?: () => boolean): Promise<void> {
  let next = 0;
  const lane = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: init });
      let current = -1;
      let finished = false;
      const feed = () => {
        if (next >= targets.length || shouldStop?.()) {
          finished = true;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ target: targets[current] });
      };
      worker.on('message', (outcome: FileOutcome) => {
        record(current, outcome);
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!finished) reject(new Error(`a worker stopped (code ${code}) while annotating ${targets[current]?.text}`));
      });
      feed();
    });
  await Promise.all(Array.from({ length: jobs }, lane));
}
