import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { ExitError } from '../../core/errors.js';
import { exitCodeOf } from '../exit.js';
import type { Cli } from '../context.js';
import { examples } from '../options.js';

export function defineExport(program: Command, cli: Cli): void {
  program
    .command('export')
    .description(
      "export sidecars to brat standoff, W3C Web Annotation, TEI P5, CoNLL IOB, spaCy-style JSONL, or the notes' citations as CSL-JSON",
    )
    .argument('[paths...]', 'texts or folders of the corpus (default: all)')
    .requiredOption('-f, --format <format>', 'brat | webanno | tei | conll | jsonl | csl | geojson')
    .option('-o, --out <dir>', 'folder to write into (required for brat, webanno and tei; otherwise standard output)')
    .addHelpText(
      'after',
      examples(
        'marginalia export --format brat --out exported/',
        'marginalia export --format csl > citations.json',
        'marginalia export --format geojson > places.geojson',
        'marginalia export corpus/frus --format jsonl > frus.jsonl',
      ),
    )
    .action(async (paths: string[], opts: { format: string; out?: string }) => {
      const { exportAnnotations, EXPORT_FORMATS } = await import('../../commands/interop.js');
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
