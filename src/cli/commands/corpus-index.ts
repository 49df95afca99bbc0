import type { Command } from 'commander';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { examples, formatOption, list } from '../options.js';

export function defineIndex(program: Command, cli: Cli): void {
  program
    .command('index')
    .description('every person, organization, place … across the corpus: mentions, alias cluster, documents, first and last date')
    .argument('[paths...]', 'sidecars, texts, or folders of either (default: all)')
    .option('--types <types>', 'comma-separated types (default: all entity types)', list)
    .addOption(formatOption(['text', 'json', 'csv']))
    .addHelpText('after', examples('marginalia index --types person,org', 'marginalia index --format csv > index.csv'))
    .action(async (paths: string[], opts: { types?: string[]; format: string }) => {
      const { corpusIndex } = await import('../../commands/corpus-index.js');
      const { formatIndexText, formatIndexCsv } = await import('../../format/corpus-index.js');
      const result = corpusIndex({ config: cli.config(), paths, cwd: cli.io.cwd, ...(opts.types ? { types: opts.types } : {}) });
      cli.out(
        opts.format === 'json'
          ? `${JSON.stringify(result.entities, null, 2)}\n`
          : opts.format === 'csv'
            ? formatIndexCsv(result.entities)
            : formatIndexText(result.entities),
      );
      cli.reportAside(result.messages, 'index');
      cli.exit(exitCodeOf(result));
    });
}
