import { availableParallelism } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { ExitError } from '../core/errors.js';
import { exitCodeOf } from './exit.js';
import type { Cli } from './context.js';

const CONFIG_FILE = 'marginalia.config.yaml';

/** `a, b,c` → `['a', 'b', 'c']`. */
const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const formatOption = (choices: string[]) => new Option('-f, --format <format>', 'output format').choices(choices).default('text');

const positiveInteger = (v: string) => {
  if (!/^[1-9]\d*$/.test(v)) throw new InvalidArgumentError('a positive whole number is expected');
  return Number(v);
};

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Every command of the CLI: its flags, help and examples, and an action that calls the library. */
export function defineCommands(program: Command, cli: Cli): void {
  defineAnnotate(program, cli);
  defineValidate(program, cli);
  defineCheck(program, cli);
  defineDiff(program, cli);
  defineCurate(program, cli);
  defineReview(program, cli);
  defineTrain(program, cli);
  defineExport(program, cli);
  defineImport(program, cli);
  defineIndex(program, cli);
  defineView(program, cli);
  defineServe(program, cli);
  defineEval(program, cli);
  defineSchema(program, cli);
  defineInit(program, cli);
  defineAuthority(program, cli);
}

function defineAnnotate(program: Command, cli: Cli): void {
  program
    .command('annotate')
    .description('extract entities and notes and write or refresh the sidecars (default: the whole corpus)')
    .argument('[paths...]', 'texts or folders of the corpus')
    .option('--force', 're-extract even texts whose sidecar is current')
    .option('--review', 'list the entries the machine added in this run, for review')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)', positiveInteger)
    .option('--shard <k/n>', 'annotate only shard k of n (split by path hash), for CI matrices', (v) => {
      const m = /^(\d+)\/(\d+)$/.exec(v);
      if (!m || +m[1]! < 1 || +m[1]! > +m[2]!) throw new InvalidArgumentError('expected k/n with 1 ≤ k ≤ n, e.g. 2/3');
      return { index: +m[1]!, count: +m[2]! };
    })
    .option('--stats', 'print the time spent in each stage (read, each extractor, resolve, write)')
    .addOption(formatOption(['text', 'json']))
    .addHelpText(
      'after',
      examples(
        'marginalia annotate',
        'marginalia annotate corpus/frus --force',
        'marginalia annotate --jobs 2 --stats',
        'marginalia annotate --shard 2/3',
        'marginalia annotate --review',
      ),
    )
    .action(
      async (
        paths: string[],
        opts: {
          force?: boolean;
          review?: boolean;
          jobs?: number;
          shard?: { index: number; count: number };
          stats?: boolean;
          format: string;
        },
      ) => {
        const { annotate } = await import('../commands/annotate.js');
        let stop = false;
        const abort = new AbortController();
        const remove = cli.io.onInterrupt?.(() => {
          stop = true;
          abort.abort();
          cli.err('\ninterrupted: stopping; every sidecar is either as it was or fully written\n');
        });
        const showProgress = Boolean(cli.io.stderr.isTTY);
        const started = Date.now();
        let chars = 0;
        try {
          const result = await annotate({
            config: cli.config(),
            paths,
            cwd: cli.io.cwd,
            force: Boolean(opts.force),
            review: Boolean(opts.review),
            jobs: opts.jobs ?? availableParallelism(),
            ...(opts.shard ? { shard: opts.shard } : {}),
            shouldStop: () => stop,
            signal: abort.signal,
            onFile: (done, total, target, n) => {
              chars += n;
              if (showProgress) cli.err(`\r\x1b[K${cli.kit.progressLine(done, total, chars, Date.now() - started)} ${target.text}`);
            },
          });
          if (showProgress) cli.err('\r\x1b[K');
          if (opts.format === 'json')
            cli.out(`${JSON.stringify({ files: result.files, messages: result.messages, interrupted: result.interrupted }, null, 2)}\n`);
          else cli.out(cli.kit.formatAnnotateText(result, cli.chalk));
          if (opts.stats) cli.err(cli.kit.formatStats(result.timings, chars, Date.now() - started));
          cli.exit(exitCodeOf({ failed: result.files.filter((f) => f.status === 'failed').length, interrupted: result.interrupted }));
        } finally {
          remove?.();
        }
      },
    );
}

function defineValidate(program: Command, cli: Cli): void {
  program
    .command('validate')
    .description('check sidecars against the schema and against their texts')
    .argument('[paths...]', 'sidecars, texts, or folders of either')
    .addOption(formatOption(['text', 'json']))
    .addHelpText('after', examples('marginalia validate', 'marginalia validate annotations/frus --format json'))
    .action(async (paths: string[], opts: { format: string }) => {
      const { validate } = await import('../commands/validate.js');
      const result = validate({ config: cli.config(), paths, cwd: cli.io.cwd });
      cli.out(cli.formatMessages(opts.format, result.messages, cli.kit.plural(result.checked, 'sidecar'), cli.kit.RULES));
      cli.exit(exitCodeOf({ messages: result.messages }));
    });
}

function defineCheck(program: Command, cli: Cli): void {
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
      const { check } = await import('../commands/check.js');
      const result = check({ config: cli.config(), paths, cwd: cli.io.cwd });
      cli.out(cli.formatMessages(opts.format, result.messages, cli.kit.plural(result.checked, 'text'), cli.kit.RULES));
      cli.exit(exitCodeOf({ messages: result.messages, ...(opts.maxWarnings !== undefined ? { maxWarnings: opts.maxWarnings } : {}) }));
    });
}

function defineDiff(program: Command, cli: Cli): void {
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
        const { diff, agreement, isSame } = await import('../commands/diff.js');
        // git's external diff protocol: path old-file old-hex old-mode new-file new-hex new-mode.
        const asGitDriver = rest.length === 5;
        const options = asGitDriver
          ? { cwd: cli.io.cwd, a: b!, b: rest[2]! }
          : opts.rev
            ? { cwd: cli.io.cwd, rev: opts.rev, config: cli.config(), paths: [a, b, ...rest].filter((p): p is string => p !== undefined) }
            : { cwd: cli.io.cwd, a, b };
        if (opts.agreement) {
          const rows = agreement(options);
          if (opts.format === 'json') cli.out(`${JSON.stringify(rows, null, 2)}\n`);
          else cli.out((await import('../format/diff.js')).formatAgreementText(rows));
          return;
        }
        const result = diff(options);
        if (asGitDriver) for (const doc of result.documents) Object.assign(doc, { a: `a/${a}`, b: `b/${a}` });
        if (opts.format === 'json') cli.out(`${JSON.stringify(result, null, 2)}\n`);
        else cli.out((await import('../format/diff.js')).formatDiffText(result, cli.chalk));
        cli.exit(exitCodeOf({ differ: !asGitDriver && !isSame(result) }));
      },
    );
}

function defineCurate(program: Command, cli: Cli): void {
  for (const decision of ['accepted', 'rejected'] as const) {
    const verb = decision === 'accepted' ? 'accept' : 'reject';
    program
      .command(verb)
      .description(
        `mark entries as ${decision} by a person; ${decision === 'accepted' ? 'they survive every annotate' : 'the machine will not add them back'}`,
      )
      .argument('[paths...]', 'sidecars, texts, or folders of either (default: all)')
      .option('--id <ids...>', "entry ids: one entry of one sidecar (an id found in several sidecars needs the sidecar's path)")
      .option('--type <type>', 'every entry of this type (bulk)')
      .option('--text <text>', 'every entry with exactly this text (bulk)')
      .addHelpText(
        'after',
        examples(
          `marginalia ${verb} annotations/letter.txt.yaml --id person-06574ab6`,
          `marginalia ${verb} annotations/letter.txt.yaml --type person --text "Leon Levy"`,
          `marginalia ${verb} --type person --text Turks     # every sidecar of the corpus`,
        ),
      )
      .action(async (paths: string[], opts: { id?: string[]; type?: string; text?: string }) => {
        const { curate } = await import('../commands/curate.js');
        const { countSelected, nothingSelected } = await import('../commands/selection.js');
        const { formatCurateSummary } = await import('../format/curate.js');
        const config = cli.config();
        const result = curate({
          config,
          paths,
          cwd: cli.io.cwd,
          decision,
          select: { ids: opts.id, type: opts.type, text: opts.text },
        });
        const n = result.changed.reduce((k, c) => k + c.entries.length, 0);
        // Nothing changed by --type/--text: a selection that matched no entry is said, and fails.
        const bulk = !opts.id?.length && (opts.type !== undefined || opts.text !== undefined);
        const select = { type: opts.type, text: opts.text };
        const refused = result.messages.some((m) => m.severity === 'error');
        const selected = n === 0 && bulk && !refused ? countSelected(config, paths, cli.io.cwd, select) : undefined;
        const messages = selected === 0 ? [...result.messages, nothingSelected(config, paths, select, decision)] : result.messages;
        if (messages.length) cli.out(cli.formatMessages('text', messages, 'sidecars'));
        cli.out(formatCurateSummary(n, result.changed.length, decision, selected));
        cli.exit(exitCodeOf({ ...result, failed: result.unknownIds.length, nothingMatched: selected === 0 }));
      });
  }
}

function defineReview(program: Command, cli: Cli): void {
  program
    .command('review')
    .description(
      'mark documents reviewed (their entries complete and correct: what `train` will learn from), or list the unreviewed ones where the model is least sure',
    )
    .argument('[paths...]', 'sidecars, texts, or folders of either')
    .option('--all', 'every sidecar of the project (paths or --all are required to mark or unmark)')
    .option('--by <name>', "who reviewed (default: git's user.name, else the OS user)")
    .option('--undo', 'take the mark away')
    .option('--next [n]', 'list the N unreviewed documents the model is least sure of (its summed doubt, 1 − confidence per entry)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      examples(
        'marginalia review annotations/frus/d12.txt.yaml --by "A. Archivist"',
        'marginalia review --next 10',
        'marginalia review corpus/frus --undo',
      ),
    )
    .action(async (paths: string[], opts: { all?: boolean; by?: string; undo?: boolean; next?: string | boolean; format: string }) => {
      const { review, reviewNext } = await import('../commands/review.js');
      const config = cli.config();
      if (opts.next !== undefined) {
        const count = opts.next === true ? 10 : Number(opts.next);
        if (!Number.isInteger(count) || count < 1) throw new ExitError('--next takes a positive whole number');
        const result = reviewNext({ config, paths, cwd: cli.io.cwd, count });
        cli.reportAside(result.messages, 'sidecars');
        if (opts.format === 'json') cli.out(`${JSON.stringify(result.documents, null, 2)}\n`);
        else
          cli.out(
            result.documents
              .map((d) => `${d.uncertainty.toFixed(3).padStart(8)}  ${String(d.toReview).padStart(5)} to review  ${d.path}`)
              .join('\n') + (result.documents.length ? '\n' : 'every document is reviewed\n'),
          );
        cli.exit(exitCodeOf(result));
        return;
      }
      const result = review({
        config,
        paths,
        cwd: cli.io.cwd,
        ...(opts.by ? { by: opts.by } : {}),
        all: Boolean(opts.all),
        undo: Boolean(opts.undo),
      });
      cli.reportAside(result.messages, 'sidecars');
      if (opts.format === 'json') cli.out(`${JSON.stringify(result.changed, null, 2)}\n`);
      else cli.out(`${cli.kit.plural(result.changed.length, 'sidecar')} ${opts.undo ? 'no longer marked' : 'marked'} reviewed\n`);
      cli.exit(exitCodeOf(result));
    });
}

function defineTrain(program: Command, cli: Cli): void {
  program
    .command('train')
    .description(
      "adapt the tagger to the project's reviewed and curated sidecars: k-fold cross-validated before/after scores, then models/tagger.bin of the project (named in the config); a worse model is refused (exit 1)",
    )
    .option('--folds <n>', 'cross-validation folds over the reviewed documents', '5')
    .option('--epochs <n>', 'training passes', '4')
    .option('--force', 'write the model even when cross-validation finds it worse')
    .option('--dry-run', 'cross-validate and show what would be learned (scores, strings never tagged again); write nothing')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      examples(
        'marginalia review corpus/frus --by me && marginalia train',
        'marginalia train --dry-run',
        'marginalia train --folds 10 --format json',
      ),
    )
    .action(async (opts: { folds: string; epochs: string; force?: boolean; dryRun?: boolean; format: string }) => {
      const { trainProject } = await import('../commands/train.js');
      const result = await trainProject({
        config: cli.config(),
        folds: Number(opts.folds),
        epochs: Number(opts.epochs),
        force: Boolean(opts.force),
        dryRun: Boolean(opts.dryRun),
        onProgress: (m) => cli.err(`${m}\n`),
      });
      if (opts.format === 'json') cli.out(`${JSON.stringify(result, null, 2)}\n`);
      else {
        const f = (n: number) => n.toFixed(3);
        const row = (type: string, gold: number, b: { precision: number; recall: number; f1: number }, a: typeof b) =>
          `${type.padEnd(8)} ${String(gold).padStart(5)}   ${f(b.precision)}  ${f(b.recall)}  ${f(b.f1)}   ${f(a.precision)}  ${f(a.recall)}  ${f(a.f1)}`;
        const gold = result.scores.reduce((n, s) => n + s.gold, 0);
        cli.out(
          [
            `${result.reviewed} reviewed and ${result.curated} curated documents, ${result.folds}-fold cross-validation on the reviewed ones (strict)`,
            `type      gold   before P    R      F1      after P    R      F1`,
            // A type no review holds complete has no gold to score.
            ...result.scores.filter((s) => s.gold > 0).map((s) => row(s.type, s.gold, s.before, s.after)),
            row('micro', gold, result.micro.before, result.micro.after),
            ...(result.rejected.length ? [`never tagged again: ${result.rejected.join(', ')}`] : []),
            ...(result.drift ?? []).map(
              (d) =>
                `${d.type.padEnd(8)} in uncurated documents: ${d.before} → ${d.after}, ${d.changed} changed${d.vouched ? '' : ' (no review holds this type complete)'}`,
            ),
            result.refused === 'worse'
              ? 'the adapted model is worse: not written (--force writes it anyway)'
              : result.refused === 'drift'
                ? 'the adapted model changes more than a tenth of the spans of a type nobody reviewed completely, in documents nobody curated: not written (review more of them, or --force writes it anyway)'
                : result.dryRun
                  ? 'nothing written (--dry-run)'
                  : `wrote ${result.written}`,
            '',
          ].join('\n'),
        );
      }
      cli.exit(result.refused ? 1 : 0);
    });
}

function defineExport(program: Command, cli: Cli): void {
  program
    .command('export')
    .description(
      "export sidecars to brat standoff, W3C Web Annotation, TEI P5, CoNLL IOB, spaCy-style JSONL, or the notes' citations as CSL-JSON",
    )
    .argument('[paths...]', 'texts or folders of the corpus (default: all)')
    .requiredOption('-f, --format <format>', 'brat | webanno | tei | conll | jsonl | csl')
    .option('-o, --out <dir>', 'folder to write into (required for brat, webanno and tei; otherwise standard output)')
    .addHelpText(
      'after',
      examples(
        'marginalia export --format brat --out exported/',
        'marginalia export --format csl > citations.json',
        'marginalia export corpus/frus --format jsonl > frus.jsonl',
      ),
    )
    .action(async (paths: string[], opts: { format: string; out?: string }) => {
      const { exportAnnotations, EXPORT_FORMATS } = await import('../commands/interop.js');
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format))
        throw new ExitError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
      const result = exportAnnotations({
        config: cli.config(),
        paths,
        cwd: cli.io.cwd,
        format: opts.format as (typeof EXPORT_FORMATS)[number],
        ...(opts.out ? { out: resolvePath(cli.io.cwd, opts.out) } : {}),
      });
      cli.out(result.output);
      cli.reportAside(result.messages, 'export');
      if (result.files.length) cli.err(`wrote ${cli.kit.plural(result.files.length, 'file')}\n`);
      cli.exit(exitCodeOf(result));
    });
}

function defineImport(program: Command, cli: Cli): void {
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
      const { importAnnotations, IMPORT_FORMATS } = await import('../commands/interop.js');
      if (!(IMPORT_FORMATS as readonly string[]).includes(opts.from))
        throw new ExitError(`--from must be one of ${IMPORT_FORMATS.join(', ')}`);
      if (opts.reviewed && !opts.complete)
        throw new ExitError('--reviewed needs --complete TYPES: the types the file annotates completely (e.g. --complete person, or all)');
      const { currentUser } = await import('../io/user.js');
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

function defineIndex(program: Command, cli: Cli): void {
  program
    .command('index')
    .description('every person, organization, place … across the corpus: mentions, alias cluster, documents, first and last date')
    .argument('[paths...]', 'sidecars, texts, or folders of either (default: all)')
    .option('--types <types>', 'comma-separated types (default: all entity types)', (v: string) =>
      v
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .addOption(formatOption(['text', 'json', 'csv']))
    .addHelpText('after', examples('marginalia index --types person,org', 'marginalia index --format csv > index.csv'))
    .action(async (paths: string[], opts: { types?: string[]; format: string }) => {
      const { corpusIndex } = await import('../commands/corpus-index.js');
      const { formatIndexText, formatIndexCsv } = await import('../format/corpus-index.js');
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

function defineView(program: Command, cli: Cli): void {
  program
    .command('view')
    .description('write a self-contained static site: an index of documents and entities, one page per document')
    .argument('[paths...]', 'texts or folders of the corpus (default: all)')
    .requiredOption('-o, --out <dir>', 'folder for the site')
    .addHelpText('after', examples('marginalia view --out site/', 'marginalia view corpus/frus --out frus-site/'))
    .action(async (paths: string[], opts: { out: string }) => {
      const { view } = await import('../commands/view.js');
      const result = view({ config: cli.config(), paths, cwd: cli.io.cwd, out: resolvePath(cli.io.cwd, opts.out) });
      cli.reportAside(result.messages, 'view');
      cli.out(`wrote ${cli.kit.plural(result.pages.length, 'page')} to ${opts.out}\n`);
      cli.exit(exitCodeOf(result));
    });
}

function defineServe(program: Command, cli: Cli): void {
  program
    .command('serve')
    .description(
      'review in a browser: a local server with the document list and each document, to accept, reject, retype, move and add entities; Ctrl-C stops it (exit 0)',
    )
    .option(
      '-p, --port <n>',
      'port (0: any free port)',
      (v) => {
        if (!/^\d+$/.test(v) || +v > 65535) throw new InvalidArgumentError('a port from 0 to 65535 is expected');
        return Number(v);
      },
      0,
    )
    .option('--host <host>', 'address to listen on (default 127.0.0.1; anything else is reachable from other machines)', '127.0.0.1')
    .option('--open', 'open the address in the default browser')
    .addHelpText(
      'after',
      `${examples('marginalia serve', 'marginalia serve --port 8080 --open')}
The first line printed is the address to open, with its token (new each run): every request needs it.
Stop with Ctrl-C: the server closes and exits 0. Exit 2 if the port is taken.
`,
    )
    .action(async (opts: { port: number; host: string; open?: boolean }) => {
      const { serve } = await import('../serve/app.js');
      const { isLoopback } = await import('../serve/server.js');
      if (!isLoopback(opts.host))
        cli.err(`marginalia: warning: listening on ${opts.host}: other machines can reach this server (the token still guards it)\n`);
      const server = await serve({ config: cli.config(), host: opts.host, port: opts.port }).catch((error: NodeJS.ErrnoException) => {
        throw new ExitError(`cannot listen on ${opts.host}:${opts.port}: ${error.code ?? error.message}`);
      });
      cli.out(`${server.url}\n`);
      cli.err('press Ctrl-C to stop\n');
      if (opts.open) {
        const { spawn } = await import('node:child_process');
        const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
        spawn(opener, [server.url], { stdio: 'ignore', detached: true })
          .on('error', () => cli.err(`marginalia: cannot run ${opener}: open ${server.url} yourself\n`))
          .unref();
      }
      await new Promise<void>((resolve) => {
        const off = cli.io.onInterrupt?.(() => {
          off?.();
          resolve();
        });
        if (!off) resolve();
      });
      await server.close();
      cli.err('stopped\n');
    });
}

function defineEval(program: Command, cli: Cli): void {
  program
    .command('eval')
    .description(
      "precision, recall and F1 per type against brat standoff gold annotations, annotating the gold's texts as annotate would with this project's config (engine, personTitles)",
    )
    .requiredOption('--gold <dir>', 'folder of NAME.txt + NAME.ann (brat standoff)')
    .option('--pred <dir>', 'score the sidecars NAME.txt.yaml (or brat NAME.ann) in this folder instead of annotating')
    .option('--types <types>', 'comma-separated types to score (default: every type in the gold)', list)
    .option('--recall-only <types>', 'comma-separated types whose gold is incomplete: report recall only', list)
    .addOption(formatOption(['text', 'json']))
    .addHelpText(
      'after',
      examples(
        'marginalia eval --gold gold/hipe-dev --types person,place,org,date',
        'marginalia eval --gold gold/frus-dev --recall-only person,acronym,place,date,org',
      ),
    )
    .action(async (opts: { gold: string; pred?: string; types?: string[]; recallOnly?: string[]; format: string }) => {
      const { evaluate } = await import('../commands/eval.js');
      const showProgress = Boolean(cli.io.stderr.isTTY);
      const result = await evaluate({
        config: cli.config({ optional: true }),
        cwd: cli.io.cwd,
        gold: resolvePath(cli.io.cwd, opts.gold),
        ...(opts.pred ? { pred: resolvePath(cli.io.cwd, opts.pred) } : {}),
        ...(opts.types ? { types: opts.types } : {}),
        ...(opts.recallOnly ? { recallOnly: opts.recallOnly } : {}),
        onFile: (done, total) => {
          if (showProgress) cli.err(`\r\x1b[Kscoring ${done}/${total}`);
        },
      });
      if (showProgress) cli.err('\r\x1b[K');
      cli.reportAside(result.messages, 'eval');
      if (opts.format === 'json') cli.out(`${JSON.stringify(result, null, 2)}\n`);
      else {
        const { formatEvalText } = await import('../format/eval.js');
        cli.out(formatEvalText(result));
      }
    });
}

function defineSchema(program: Command, cli: Cli): void {
  program
    .command('schema')
    .description('print the JSON Schema of a sidecar')
    .addHelpText('after', examples('marginalia schema > sidecar.schema.json'))
    .action(async () => {
      const { sidecarJsonSchema } = await import('../core/schema.js');
      cli.out(`${JSON.stringify(sidecarJsonSchema(), null, 2)}\n`);
    });
}

function defineInit(program: Command, cli: Cli): void {
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

function defineAuthority(program: Command, cli: Cli): void {
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
  const report = (result: {
    file: string;
    records: number;
    added: number;
    listed?: string;
    messages: import('../core/message.js').Message[];
  }) => {
    cli.reportAside(result.messages, result.file);
    cli.out(`${result.file}: ${cli.kit.plural(result.records, 'record')}, ${result.added} new\n`);
    if (result.listed) cli.out(`marginalia.config.yaml: ${result.listed} added under authorities\n`);
    cli.exit(exitCodeOf(result));
  };
  authority
    .command('build')
    .description(
      'propose records from the sidecars (full names, their surnames, mentions, texts); accepted, rejected and edited records stay as they are',
    )
    .option('-o, --out <file>', 'the authority file (default: the first under `authorities:` in the config)')
    .option('--accept', 'write new records as accepted, not proposed (no review)')
    .addHelpText('after', examples('marginalia authority build', 'marginalia authority build --accept --out authority.yaml'))
    .action(async (opts: { out?: string; accept?: boolean }) => {
      const { authorityBuild } = await import('../commands/authority.js');
      report(
        authorityBuild({ config: cli.config(), cwd: cli.io.cwd, accept: Boolean(opts.accept), ...(opts.out ? { out: opts.out } : {}) }),
      );
    });
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
      const { authorityExport } = await import('../commands/authority.js');
      cli.out(authorityExport({ config: cli.config(), format: opts.format }));
    });
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
      const { authorityImport } = await import('../commands/authority.js');
      const columns = {
        name: opts.name,
        description: opts.description,
        ...(opts.type ? { type: opts.type } : {}),
        ...(opts.sameAs ? { sameAs: opts.sameAs } : {}),
      };
      report(authorityImport({ config: cli.config(), cwd: cli.io.cwd, file, columns, ...(opts.out ? { out: opts.out } : {}) }));
    });
}
