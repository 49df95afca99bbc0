import type { Command } from 'commander';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { examples, formatOption } from '../options.js';

export function defineTrain(program: Command, cli: Cli): void {
  program
    .command('train')
    .description(
      "adapt the tagger to the project's reviewed and curated sidecars: k-fold cross-validated before/after scores, then models/tagger.bin of the project (named in the config); a worse model is refused (exit 1)",
    )
    .option('--folds <n>', 'cross-validation folds over the reviewed documents', '5')
    .option('--epochs <n>', 'training passes', '4')
    .option('--force', 'write the model even when cross-validation finds it worse')
    .option('--dry-run', 'cross-validate and show what would be learned (scores, strings never tagged again); write nothing')
    .addOption(formatOption(['text', 'json']))
    .addHelpText(
      'after',
      examples(
        'marginalia review corpus/frus --by me && marginalia train',
        'marginalia train --dry-run',
        'marginalia train --folds 10 --format json',
      ),
    )
    .action(async (opts: { folds: string; epochs: string; force?: boolean; dryRun?: boolean; format: string }) => {
      const { trainProject } = await import('../../commands/train.js');
      const result = await trainProject({
        config: cli.config(),
        folds: Number(opts.folds),
        epochs: Number(opts.epochs),
        force: Boolean(opts.force),
        dryRun: Boolean(opts.dryRun),
        onProgress: (m) => cli.err(`${m}\n`),
      });
      cli.out(opts.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : cli.kit.formatTrainText(result));
      cli.exit(exitCodeOf({ refused: Boolean(result.refused) }));
    });
}
