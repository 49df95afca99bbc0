import type { Command } from 'commander';
import { ExitError } from '../../core/errors.js';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { examples, formatOption } from '../options.js';

export function defineReview(program: Command, cli: Cli): void {
  program
    .command('review')
    .description(
      'mark documents reviewed (their entries complete and correct: what `train` will learn from), or list the unreviewed ones where the model is least sure',
    )
    .argument('[paths...]', 'sidecars, texts, or folders of either')
    .option('--all', 'every sidecar of the project (paths or --all are required to mark or unmark)')
    .option('--by <name>', "who reviewed (default: git's user.name, else the OS user)")
    .option('--undo', 'take the mark away')
    .option('--next [n]', 'list the N unreviewed documents the model is least sure of (its summed doubt, 1 − confidence per entry)')
    .addOption(formatOption(['text', 'json']))
    .addHelpText(
      'after',
      examples(
        'marginalia review annotations/frus/d12.txt.yaml --by "A. Archivist"',
        'marginalia review --next 10',
        'marginalia review corpus/frus --undo',
      ),
    )
    .action(async (paths: string[], opts: { all?: boolean; by?: string; undo?: boolean; next?: string | boolean; format: string }) => {
      const { review, reviewNext } = await import('../../commands/review.js');
      const config = cli.config();
      if (opts.next !== undefined) {
        const count = opts.next === true ? 10 : Number(opts.next);
        if (!Number.isInteger(count) || count < 1) throw new ExitError('--next takes a positive whole number');
        const result = reviewNext({ config, paths, cwd: cli.io.cwd, count });
        cli.reportAside(result.messages, 'sidecars');
        cli.out(opts.format === 'json' ? `${JSON.stringify(result.documents, null, 2)}\n` : cli.kit.formatReviewNext(result.documents));
        cli.exit(exitCodeOf(result));
        return;
      }
      const result = review({
        config,
        paths,
        cwd: cli.io.cwd,
        ...(opts.by ? { by: opts.by } : {}),
        all: Boolean(opts.all),
        undo: Boolean(opts.undo),
      });
      cli.reportAside(result.messages, 'sidecars');
      cli.out(
        opts.format === 'json'
          ? `${JSON.stringify(result.changed, null, 2)}\n`
          : cli.kit.formatReviewMarked(result.changed.length, Boolean(opts.undo)),
      );
      cli.exit(exitCodeOf(result));
    });
}
