import { InvalidArgumentError, type Command } from 'commander';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { examples, formatOption } from '../options.js';

export function defineCheck(program: Command, cli: Cli): void {
  program
    .command('check')
    .description('citation completeness (markers, notes, source citations) and missing or stale sidecars')
    .argument('[paths...]', 'texts, sidecars, or folders of either')
    .addOption(formatOption(['text', 'json', 'github', 'sarif']))
    .option('--max-warnings <n>', 'also fail when there are more warnings than this', (v) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError('a number is expected');
      return Number(v);
    })
    .option('--list-rules', 'list the rules with their severity and exit')
    .addHelpText(
      'after',
      '\nNote conventions: FRUS (1) markers and notes lists; Gutenberg [1]/[A]/[*] with [Footnote 1: …] blocks;\n' +
        'renumbered [01] markers with [01] … note paragraphs; NOTES/FOOTNOTES sections numbered 1. or 1);\n' +
        '*, †, ‡ page footnotes under the paragraph; Markdown [^1] with [^1]: … (see the README).',
    )
    .addHelpText(
      'after',
      examples(
        'marginalia check',
        'marginalia check corpus/frus --format github',
        'marginalia check --format sarif > marginalia.sarif',
        'marginalia check --list-rules',
      ),
    )
    .action(async (paths: string[], opts: { format: string; maxWarnings?: number; listRules?: boolean }) => {
      if (opts.listRules) {
        cli.out(opts.format === 'json' ? `${JSON.stringify(cli.kit.RULES, null, 2)}\n` : cli.kit.formatRulesText(cli.kit.RULES));
        return;
      }
      const { check } = await import('../../commands/check.js');
      const result = check({ config: cli.config(), paths, cwd: cli.io.cwd });
      cli.out(cli.formatMessages(opts.format, result.messages, cli.kit.plural(result.checked, 'text'), cli.kit.RULES));
      cli.exit(exitCodeOf({ messages: result.messages, ...(opts.maxWarnings !== undefined ? { maxWarnings: opts.maxWarnings } : {}) }));
    });
}
