import type { Command } from 'commander';
import { ExitError } from '../../core/errors.js';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { examples, list } from '../options.js';

export function defineImport(program: Command, cli: Cli): void {
  program
    .command('import')
    .description("turn another tool's annotations of one corpus text into human entries of its sidecar")
    .argument('<file>', 'the .ann, .jsonld or .jsonl file')
    .requiredOption('--from <format>', 'brat | webanno | jsonl')
    .requiredOption('--text <path>', 'the corpus text the file annotates')
    .option(
      '--complete <types>',
      "the types the file annotates completely (comma-separated, or `all`): the machine's entries of those types it lacks are rejected, and the sidecar is marked reviewed for them",
      list,
    )
    .option('--by <name>', "who made the gold, for the reviewed mark (default: git's user.name, else the OS user)")
    .option('--reviewed', 'needs --complete: which types the file holds completely is for you to say, not for its content')
    .addHelpText(
      'after',
      examples(
        'marginalia import exported/letter.ann --from brat --text corpus/letter.txt',
        'marginalia import gold/letter.ann --from brat --text corpus/letter.txt --complete person',
        'marginalia import gold/letter.ann --from brat --text corpus/letter.txt --complete all --by "A. Archivist"',
        'marginalia import notes.jsonld --from webanno --text corpus/letter.txt',
      ),
    )
    .action(async (file: string, opts: { from: string; text: string; complete?: string[]; by?: string; reviewed?: boolean }) => {
      const { importAnnotations, IMPORT_FORMATS } = await import('../../commands/interop.js');
      if (!(IMPORT_FORMATS as readonly string[]).includes(opts.from))
        throw new ExitError(`--from must be one of ${IMPORT_FORMATS.join(', ')}`);
      if (opts.reviewed && !opts.complete)
        throw new ExitError('--reviewed needs --complete TYPES: the types the file annotates completely (e.g. --complete person, or all)');
      const { currentUser } = await import('../../io/user.js');
      const by = opts.by ?? currentUser(cli.io.cwd);
      const result = importAnnotations({
        config: cli.config(),
        from: opts.from as (typeof IMPORT_FORMATS)[number],
        file,
        text: opts.text,
        cwd: cli.io.cwd,
        ...(opts.complete ? { complete: { types: opts.complete, at: new Date().toISOString().slice(0, 10), ...(by ? { by } : {}) } } : {}),
      });
      if (result.messages.length) cli.out(cli.formatMessages('text', result.messages, file));
      else cli.out(cli.kit.formatImport(result, opts.text));
      cli.exit(exitCodeOf(result));
    });
}
