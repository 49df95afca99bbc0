import type { Command } from 'commander';
import { ExitError } from '../../core/errors.js';
import type { AuthorityResult } from '../../commands/authority.js';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { examples } from '../options.js';

export function defineAuthority(program: Command, cli: Cli): void {
  const authority = program
    .command('authority')
    .description('authority files: one curated list of the people (bodies, places) of the corpus, linking every mention (ref)')
    .addHelpText(
      'after',
      examples(
        'marginalia authority build',
        'marginalia authority import persons.tsv',
        'marginalia authority import people.csv --name Name --description Role --out authority.yaml',
      ),
    );
  defineAuthorityBuild(authority, cli);
  defineAuthorityExport(authority, cli);
  defineAuthorityImport(authority, cli);
}

function report(cli: Cli, result: AuthorityResult): void {
  cli.reportAside(result.messages, result.file);
  cli.out(cli.kit.formatAuthorityResult(result));
  cli.exit(exitCodeOf(result));
}

function defineAuthorityBuild(authority: Command, cli: Cli): void {
  authority
    .command('build')
    .description(
      'propose records from the sidecars (full names, their surnames, mentions, texts); accepted, rejected and edited records stay as they are',
    )
    .option('-o, --out <file>', 'the authority file (default: the first under `authorities:` in the config)')
    .option('--accept', 'write new records as accepted, not proposed (no review)')
    .addHelpText('after', examples('marginalia authority build', 'marginalia authority build --accept --out authority.yaml'))
    .action(async (opts: { out?: string; accept?: boolean }) => {
      const { authorityBuild } = await import('../../commands/authority.js');
      report(
        cli,
        authorityBuild({ config: cli.config(), cwd: cli.io.cwd, accept: Boolean(opts.accept), ...(opts.out ? { out: opts.out } : {}) }),
      );
    });
}

function defineAuthorityExport(authority: Command, cli: Cli): void {
  authority
    .command('export')
    .description("the authority files' records as CSV or schema.org JSON-LD (Person, Organization, Place with sameAs)")
    .requiredOption('-f, --format <format>', 'csv | jsonld')
    .addHelpText(
      'after',
      examples(
        'marginalia authority export --format csv > authority.csv',
        'marginalia authority export --format jsonld > authority.jsonld',
      ),
    )
    .action(async (opts: { format: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'jsonld') throw new ExitError('--format must be csv or jsonld');
      const { authorityExport } = await import('../../commands/authority.js');
      cli.out(authorityExport({ config: cli.config(), format: opts.format }));
    });
}

function defineAuthorityImport(authority: Command, cli: Cli): void {
  authority
    .command('import')
    .description('import a persons list (CSV or TSV; names as `Surname, Given names` or as written) as accepted records')
    .argument('<file>', 'the list')
    .option('--name <column>', 'column of the name', 'name')
    .option('--description <column>', 'column of the description', 'description')
    .option('--type <column>', 'column of the type (person, org, place; default: person)')
    .option('--same-as <column>', 'column of a URI (Wikidata, VIAF …)')
    .option('-o, --out <file>', 'the authority file (default: the first under `authorities:` in the config)')
    .addHelpText(
      'after',
      examples('marginalia authority import persons.tsv', 'marginalia authority import people.csv --name Name --same-as Wikidata'),
    )
    .action(async (file: string, opts: { name: string; description: string; type?: string; sameAs?: string; out?: string }) => {
      const { authorityImport } = await import('../../commands/authority.js');
      const columns = {
        name: opts.name,
        description: opts.description,
        ...(opts.type ? { type: opts.type } : {}),
        ...(opts.sameAs ? { sameAs: opts.sameAs } : {}),
      };
      report(cli, authorityImport({ config: cli.config(), cwd: cli.io.cwd, file, columns, ...(opts.out ? { out: opts.out } : {}) }));
    });
}
