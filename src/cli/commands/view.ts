import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { examples } from '../options.js';

export function defineView(program: Command, cli: Cli): void {
  program
    .command('view')
    .description('write a self-contained static site: an index of documents and entities, one page per document')
    .argument('[paths...]', 'texts or folders of the corpus (default: all)')
    .requiredOption('-o, --out <dir>', 'folder for the site')
    .addHelpText('after', examples('marginalia view --out site/', 'marginalia view corpus/frus --out frus-site/'))
    .action(async (paths: string[], opts: { out: string }) => {
      const { view } = await import('../../commands/view.js');
      const result = view({ config: cli.config(), paths, cwd: cli.io.cwd, out: resolvePath(cli.io.cwd, opts.out) });
      cli.reportAside(result.messages, 'view');
      cli.out(`wrote ${cli.kit.plural(result.pages.length, 'page')} to ${opts.out}\n`);
      cli.exit(exitCodeOf(result));
    });
}
