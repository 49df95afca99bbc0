import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE } from '../../io/config-file.js';
import type { Cli } from '../context.js';
import { examples } from '../options.js';

export function defineInit(program: Command, cli: Cli): void {
  program
    .command('init')
    .description(`start a project here: a starter ${CONFIG_FILE}, a corpus/ folder, and a .gitignore rule for the run cache`)
    .option('--force', 'overwrite an existing config, or start a project inside another one')
    .addHelpText('after', examples('marginalia init', 'marginalia -C my-archive init'))
    .action((opts: { force?: boolean }) => {
      const { written } = cli.kit.initProject(resolvePath(cli.io.cwd), Boolean(opts.force));
      cli.out(`wrote ${written.join(', ')}\n`);
    });
}
