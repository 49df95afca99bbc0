#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI, or one line saying why a clone cannot run it yet (not built, or dependencies not installed), exit 2. */
async function loadCli() {
  const program = new URL('../dist/cli/program.js', import.meta.url);
  const clone = dirname(dirname(fileURLToPath(import.meta.url)));
  try {
    return await import(program.href);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    const why = existsSync(program)
      ? 'has no dependencies installed: run `npm ci` there'
      : 'is not built (no dist/): run `npm ci` there (it installs and builds), or `npm run build`';
    process.stderr.write(`marginalia: the package at ${clone} ${why}\n`);
    process.exit(2);
  }
}

const { run } = await loadCli();

// A reader that stops reading (`marginalia index | head`) ends the command quietly, as git's do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

const code = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt(handler) {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
});
process.exitCode = code;
