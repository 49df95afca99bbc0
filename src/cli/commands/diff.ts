import type { Command } from 'commander';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { gitDiffDriverCall } from '../git-diff-driver.js';
import { examples, formatOption } from '../options.js';

export function defineDiff(program: Command, cli: Cli): void {
  program
    .command('diff')
    .description('entity-level difference between two sidecars, two folders of sidecars, or a git revision and the working tree')
    .argument('[a]', 'the old sidecar or folder (with --rev: texts, sidecars or folders to compare)')
    .argument('[b]', 'the new sidecar or folder')
    .argument('[git...]', '(as a git diff driver: git passes 7 arguments)')
    .option('--rev <rev>', "compare the working tree's sidecars with this git revision's (read through git, no checkout)")
    .option('--agreement', 'per-type precision/recall/F1 of B against A (strict and partial), with counts')
    .addOption(formatOption(['text', 'json']))
    .addHelpText(
      'after',
      examples(
        'marginalia diff before.yaml annotations/letter.txt.yaml',
        'marginalia diff annotator-a/ annotator-b/ --agreement',
        'marginalia diff --rev HEAD~1',
        'marginalia diff --rev HEAD corpus/frus/d10.txt   # one text (or folder) only',
        'git config diff.marginalia.command "marginalia diff"   # with annotations/*.yaml diff=marginalia in .gitattributes',
      ),
    )
    .action(
      async (a: string | undefined, b: string | undefined, rest: string[], opts: { rev?: string; agreement?: boolean; format: string }) => {
        const { diff, agreement, isSame } = await import('../../commands/diff.js');
        const gitDriver = gitDiffDriverCall(a, b, rest);
        const options = gitDriver
          ? { cwd: cli.io.cwd, a: gitDriver.oldFile, b: gitDriver.newFile }
          : opts.rev
            ? { cwd: cli.io.cwd, rev: opts.rev, config: cli.config(), paths: [a, b, ...rest].filter((p): p is string => p !== undefined) }
            : { cwd: cli.io.cwd, a, b };
        if (opts.agreement) {
          const rows = agreement(options);
          if (opts.format === 'json') cli.out(`${JSON.stringify(rows, null, 2)}\n`);
          else cli.out((await import('../../format/diff.js')).formatAgreementText(rows));
          return;
        }
        const result = diff(options);
        if (gitDriver) for (const doc of result.documents) Object.assign(doc, { a: `a/${gitDriver.path}`, b: `b/${gitDriver.path}` });
        if (opts.format === 'json') cli.out(`${JSON.stringify(result, null, 2)}\n`);
        else cli.out((await import('../../format/diff.js')).formatDiffText(result, cli.chalk));
        cli.exit(exitCodeOf({ differ: !gitDriver && !isSame(result) }));
      },
    );
}
