import { resolve as resolvePath } from 'node:path';
import { Command, CommanderError } from 'commander';
import { ExitError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import type { Cli, Io } from './context.js';
import { defineCommands } from './commands.js';
import { examples } from './options.js';
import { EXIT } from './exit.js';

export type { Io } from './context.js';

/** Parse the arguments, run one command, and return the exit code; only bin/ exits. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const out = (s: string) => void io.stdout.write(s);
  const err = (s: string) => void io.stderr.write(s);
  const program = new Command('marginalia');
  const cli: Cli = {
    io,
    out,
    err,
    // `--help` needs commander only: the rest loads when a command runs (the preAction hook).
    kit: undefined!,
    chalk: undefined!,
    config: (options) => cli.kit.findProject(io.cwd, program.opts().root, options),
    formatMessages: (format, messages, subject, rules = []) =>
      cli.kit.MESSAGE_FORMATTERS[format as keyof typeof cli.kit.MESSAGE_FORMATTERS](messages, {
        chalk: cli.chalk,
        subject,
        version: VERSION,
        rules,
      }),
    reportAside: (messages, subject) => {
      if (messages.length) err(cli.formatMessages('text', messages, subject));
    },
    exit: (code) => {
      exitCode = code;
    },
  };

  program
    .description('Annotate archival texts: people, places, organizations, dates, money, references, notes and citations, in YAML sidecars')
    .version(VERSION)
    .option('-C, --root <dir>', 'project root holding marginalia.config.yaml (default: the nearest folder upwards that has one)')
    .exitOverride()
    .hook('preAction', async () => {
      // With -C DIR the command runs as if started in DIR (as git does): the paths it is given are relative to DIR.
      const root = program.opts<{ root?: string }>().root;
      if (root) cli.io = { ...io, cwd: resolvePath(io.cwd, root) };
      cli.kit = await import('./kit.js');
      cli.chalk = cli.kit.makeChalk(Boolean(io.stdout.isTTY), io.env);
    })
    .configureOutput({ writeOut: out, writeErr: err })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', examples('marginalia annotate', 'marginalia check --format json', 'marginalia diff old.yaml new.yaml'));

  defineCommands(program, cli);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof ExitError) {
      err(`marginalia: ${error.message}\n`);
      return error.exitCode;
    }
    err(`marginalia: internal error: ${(error as Error).stack ?? error}\n`);
    return EXIT.usage;
  }
}
