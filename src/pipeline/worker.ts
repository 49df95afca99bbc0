import { parentPort, workerData } from 'node:worker_threads';
import { annotateText } from './annotate-text.js';
import { runContext } from './context.js';
import type { TextJob, WorkerInit } from './pool.js';

/** A worker thread of `annotate --jobs N`: builds the extractors once, then annotates texts on request. */
const init = workerData as WorkerInit;
const context = runContext(init.config, init.force);
parentPort!.on('message', async ({ target, lastWritten, headOnly }: TextJob) => {
  parentPort!.postMessage(await annotateText(context, target, lastWritten, headOnly));
});
