import type { Command } from 'commander';
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
      if (opts.format === 'json') cli.out(`${JSON.stringify(result, null, 2)}\n`);
      else {
        const f = (n: number) => n.toFixed(3);
        const row = (type: string, gold: number, b: { precision: number; recall: number; f1: number }, a: typeof b) =>
          `${type.padEnd(8)} ${String(gold).padStart(5)}   ${f(b.precision)}  ${f(b.recall)}  ${f(b.f1)}   ${f(a.precision)}  ${f(a.recall)}  ${f(a.f1)}`;
        const gold = result.scores.reduce((n, s) => n + s.gold, 0);
        cli.out(
          [
            `${result.reviewed} reviewed and ${result.curated} curated documents, ${result.folds}-fold cross-validation on the reviewed ones (strict)`,
            `type      gold   before P    R      F1      after P    R      F1`,
            // A type no review holds complete has no gold to score.
            ...result.scores.filter((s) => s.gold > 0).map((s) => row(s.type, s.gold, s.before, s.after)),
            row('micro', gold, result.micro.before, result.micro.after),
            ...(result.rejected.length ? [`never tagged again: ${result.rejected.join(', ')}`] : []),
            ...(result.drift ?? []).map(
              (d) =>
                `${d.type.padEnd(8)} in uncurated documents: ${d.before} → ${d.after}, ${d.changed} changed${d.vouched ? '' : ' (no review holds this type complete)'}`,
            ),
            result.refused === 'worse'
              ? 'the adapted model is worse: not written (--force writes it anyway)'
              : result.refused === 'drift'
                ? 'the adapted model changes more than a tenth of the spans of a type nobody reviewed completely, in documents nobody curated: not written (review more of them, or --force writes it anyway)'
                : result.dryRun
                  ? 'nothing written (--dry-run)'
                  : `wrote ${result.written}`,
            '',
          ].join('\n'),
        );
      }
      cli.exit(result.refused ? 1 : 0);
    });
}
