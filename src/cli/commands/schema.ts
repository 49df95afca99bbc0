import type { Command } from 'commander';
import type { Cli } from '../context.js';
import { examples } from '../options.js';

export function defineSchema(program: Command, cli: Cli): void {
  program
    .command('schema')
    .description('print the JSON Schema of a sidecar')
    .addHelpText('after', examples('marginalia schema > sidecar.schema.json'))
    .action(async () => {
      const { sidecarJsonSchema } = await import('../../core/schema.js');
      cli.out(`${JSON.stringify(sidecarJsonSchema(), null, 2)}\n`);
    });
}
