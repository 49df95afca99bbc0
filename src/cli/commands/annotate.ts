import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { examples, formatOption, positiveInteger } from '../options.js';

export function defineAnnotate(program: Command, cli: Cli): void {
  program
    .command('annotate')
    .description('extract entities and notes and write or refresh the sidecars (default: the whole corpus)')
    .argument('[paths...]', 'texts or folders of the corpus')
    .option('--force', 're-extract even texts whose sidecar is current')
    .option('--review', 'list the entries the machine added in this run, for review')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)', positiveInteger)
    .option('--shard <k/n>', 'annotate only shard k of n (split by path hash), for CI matrices', (v) => {
      const m = /^(\d+)\/(\d+)$/.exec(v);
      if (!m || +m[1]! < 1 || +m[1]! > +m[2]!) throw new InvalidArgumentError('expected k/n with 1 ≤ k ≤ n, e.g. 2/3');
      return { index: +m[1]!, count: +m[2]! };
    })
    .option('--stats', 'print the time spent in each stage (read, each extractor, resolve, write)')
    .addOption(formatOption(['text', 'json']))
    // Hidden: bytes of text a worker needs before it is started (0: always, for tests of the workers on a small corpus).
    .addOption(new Option('--worker-bytes <n>').hideHelp().argParser(byteCount))
    .addHelpText(
      'after',
      examples(
        'marginalia annotate',
        'marginalia annotate corpus/frus --force',
        'marginalia annotate --jobs 2 --stats',
        'marginalia annotate --shard 2/3',
        'marginalia annotate --review',
      ),
    )
    .action((paths: string[], opts: AnnotateFlags) => runAnnotate(cli, paths, opts));
}

function byteCount(v: string): number {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('expected a number of bytes, e.g. 0 or 524288');
  return Number(v);
}

interface AnnotateFlags {
  workerBytes?: number;
  force?: boolean;
  review?: boolean;
  jobs?: number;
  shard?: { index: number; count: number };
  stats?: boolean;
  format: string;
}

/** Annotate with a progress line on a terminal; Ctrl-C stops the run (exit 130) with every sidecar as it was or fully written. */
async function runAnnotate(cli: Cli, paths: string[], opts: AnnotateFlags): Promise<void> {
  const { annotate } = await import('../../commands/annotate.js');
  let stop = false;
  const abort = new AbortController();
  const remove = cli.io.onInterrupt?.(() => {
    stop = true;
    abort.abort();
    cli.err('\ninterrupted: stopping; every sidecar is either as it was or fully written\n');
  });
  const showProgress = Boolean(cli.io.stderr.isTTY);
  const started = Date.now();
  let chars = 0;
  try {
    const result = await annotate({
      config: cli.config(),
      paths,
      cwd: cli.io.cwd,
      force: Boolean(opts.force),
      review: Boolean(opts.review),
      jobs: opts.jobs ?? availableParallelism(),
      ...(opts.workerBytes !== undefined ? { workerBytes: opts.workerBytes } : {}),
      ...(opts.shard ? { shard: opts.shard } : {}),
      shouldStop: () => stop,
      signal: abort.signal,
      onFile: (done, total, target, n) => {
        chars += n;
        if (showProgress)
          cli.err(cli.kit.overwriteLine(`${cli.kit.progressLine(done, total, chars, Date.now() - started)} ${target.text}`));
      },
    });
    if (showProgress) cli.err(cli.kit.CLEAR_LINE);
    if (opts.format === 'json')
      cli.out(`${JSON.stringify({ files: result.files, messages: result.messages, interrupted: result.interrupted }, null, 2)}\n`);
    else cli.out(cli.kit.formatAnnotateText(result, cli.chalk));
    if (opts.stats) cli.err(cli.kit.formatStats(result.timings, chars, Date.now() - started));
    cli.exit(exitCodeOf({ failed: result.files.filter((f) => f.status === 'failed').length, interrupted: result.interrupted }));
  } finally {
    remove?.();
  }
}
