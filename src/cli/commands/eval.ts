import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import type { Cli } from '../context.js';
import { examples, formatOption, list } from '../options.js';

export function defineEval(program: Command, cli: Cli): void {
  program
    .command('eval')
    .description(
      "precision, recall and F1 per type against brat standoff gold annotations, annotating the gold's texts as annotate would with this project's config (engine, personTitles)",
    )
    .requiredOption('--gold <dir>', 'folder of NAME.txt + NAME.ann (brat standoff)')
    .option('--pred <dir>', 'score the sidecars NAME.txt.yaml (or brat NAME.ann) in this folder instead of annotating')
    .option('--types <types>', 'comma-separated types to score (default: every type in the gold)', list)
    .option('--recall-only <types>', 'comma-separated types whose gold is incomplete: report recall only', list)
    .addOption(formatOption(['text', 'json']))
    .addHelpText(
      'after',
      examples(
        'marginalia eval --gold gold/hipe-dev --types person,place,org,date',
        'marginalia eval --gold gold/frus-dev --recall-only person,acronym,place,date,org',
      ),
    )
    .action(async (opts: { gold: string; pred?: string; types?: string[]; recallOnly?: string[]; format: string }) => {
      const { evaluate } = await import('../../commands/eval.js');
      const showProgress = Boolean(cli.io.stderr.isTTY);
      const result = await evaluate({
        config: cli.config({ optional: true }),
        cwd: cli.io.cwd,
        gold: resolvePath(cli.io.cwd, opts.gold),
        ...(opts.pred ? { pred: resolvePath(cli.io.cwd, opts.pred) } : {}),
        ...(opts.types ? { types: opts.types } : {}),
        ...(opts.recallOnly ? { recallOnly: opts.recallOnly } : {}),
        onFile: (done, total) => {
          if (showProgress) cli.err(cli.kit.overwriteLine(`scoring ${done}/${total}`));
        },
      });
      if (showProgress) cli.err(cli.kit.CLEAR_LINE);
      cli.reportAside(result.messages, 'eval');
      if (opts.format === 'json') cli.out(`${JSON.stringify(result, null, 2)}\n`);
      else {
        const { formatEvalText } = await import('../../format/eval.js');
        cli.out(formatEvalText(result));
      }
    });
}
