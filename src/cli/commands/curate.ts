import type { Command } from 'commander';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { examples } from '../options.js';

export function defineCurate(program: Command, cli: Cli): void {
  for (const decision of ['accepted', 'rejected'] as const) {
    const verb = decision === 'accepted' ? 'accept' : 'reject';
    program
      .command(verb)
      .description(
        `mark entries as ${decision} by a person; ${decision === 'accepted' ? 'they survive every annotate' : 'the machine will not add them back'}`,
      )
      .argument('[paths...]', 'sidecars, texts, or folders of either (default: all)')
      .option('--id <ids...>', "entry ids: one entry of one sidecar (an id found in several sidecars needs the sidecar's path)")
      .option('--type <type>', 'every entry of this type (bulk)')
      .option('--text <text>', 'every entry with exactly this text (bulk)')
      .addHelpText(
        'after',
        examples(
          `marginalia ${verb} annotations/letter.txt.yaml --id person-06574ab6`,
          `marginalia ${verb} annotations/letter.txt.yaml --type person --text "Leon Levy"`,
          `marginalia ${verb} --type person --text Turks     # every sidecar of the corpus`,
        ),
      )
      .action(async (paths: string[], opts: { id?: string[]; type?: string; text?: string }) => {
        const { curate } = await import('../../commands/curate.js');
        const { countSelected, nothingSelected } = await import('../../commands/selection.js');
        const { formatCurateSummary } = await import('../../format/curate.js');
        const config = cli.config();
        const result = curate({
          config,
          paths,
          cwd: cli.io.cwd,
          decision,
          select: { ids: opts.id, type: opts.type, text: opts.text },
        });
        const n = result.changed.reduce((k, c) => k + c.entries.length, 0);
        // Nothing changed by --type/--text: a selection that matched no entry is said, and fails.
        const bulk = !opts.id?.length && (opts.type !== undefined || opts.text !== undefined);
        const select = { type: opts.type, text: opts.text };
        const refused = result.messages.some((m) => m.severity === 'error');
        const selected = n === 0 && bulk && !refused ? countSelected(config, paths, cli.io.cwd, select) : undefined;
        const messages = selected === 0 ? [...result.messages, nothingSelected(config, paths, select, decision)] : result.messages;
        if (messages.length) cli.out(cli.formatMessages('text', messages, 'sidecars'));
        cli.out(formatCurateSummary(n, result.changed.length, decision, selected));
        cli.exit(exitCodeOf({ ...result, failed: result.unknownIds.length, nothingMatched: selected === 0 }));
      });
  }
}
