import type { Command } from 'commander';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { examples, formatOption } from '../options.js';

export function defineValidate(program: Command, cli: Cli): void {
  program
    .command('validate')
    .description('check sidecars against the schema and against their texts')
    .argument('[paths...]', 'sidecars, texts, or folders of either')
    .addOption(formatOption(['text', 'json']))
    .addHelpText('after', examples('marginalia validate', 'marginalia validate annotations/frus --format json'))
    .action(async (paths: string[], opts: { format: string }) => {
      const { validate } = await import('../../commands/validate.js');
      const result = validate({ config: cli.config(), paths, cwd: cli.io.cwd });
      cli.out(cli.formatMessages(opts.format, result.messages, cli.kit.plural(result.checked, 'sidecar'), cli.kit.RULES));
      cli.exit(exitCodeOf({ messages: result.messages }));
    });
}
