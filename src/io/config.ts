import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { z } from 'zod';
import { ExitError } from '../core/errors.js';
import { BUILTIN_ENTITY_TYPES, STRUCTURE_TYPES } from '../core/schema.js';
import { unknownRuleIds } from '../rules/registry.js';
import { report } from '../rules/rule.js';
import { YAML_RULES } from '../rules/yaml.js';
import { writeFileAtomic } from './atomic.js';
import { CONFIG_FILE } from './config-file.js';
import { parseYaml } from './yaml-source.js';

export { CONFIG_FILE };

export const ConfigFile = z.strictObject({
  corpus: z.string().default('corpus').describe('Folder of the texts, relative to the project root'),
  annotations: z.string().default('annotations').describe('Folder of the sidecars, mirroring the corpus'),
  include: z.array(z.string()).default(['**/*.txt']).describe('Globs of texts inside the corpus folder'),
  exclude: z.array(z.string()).default([]).describe('Globs of texts to leave out'),
  types: z
    .array(z.string().regex(/^[a-z][a-z0-9-]*$/))
    .default([])
    .describe('Entity types besides the built-in ones (in a loaded Config: every type a sidecar entry may have)'),
  rules: z.array(z.string()).default([]).describe('Rule packs (YAML) of your own, relative to the project root'),
  authorities: z
    .array(z.string())
    .default([])
    .describe('Authority files (YAML): accepted records are matched and linked (`ref`), rejected ones suppress their forms'),
  ner: z
    .enum(['tagger', 'compromise', 'none'])
    .default('tagger')
    .describe(
      'Who finds people, places and organizations besides the rules: the trained tagger shipped with marginalia, compromise, or none',
    ),
  model: z
    .string()
    .optional()
    .describe("The tagger's model file, relative to the project root (default: the model shipped with marginalia)"),
  nlp: z.boolean().optional().describe('Deprecated: `nlp: false` is `ner: none`'),
  personTitles: z
    .enum(['include', 'exclude'])
    .default('include')
    .describe(
      "Whether a person's span includes the titles before the name (`Ambassador Stevenson`) or not (`Stevenson`); either way they are kept in the entry's `title`",
    ),
  encodings: z
    .record(z.string(), z.string())
    .default({})
    .describe('Encoding per glob of texts, e.g. "corpus/stasi/**": windows-1252 (default: detected)'),
  check: z
    .strictObject({
      rules: z
        .record(z.string(), z.enum(['error', 'warning', 'info', 'off']))
        .default({})
        .describe('Severity per rule id, or off'),
      overrides: z
        .array(
          z.strictObject({
            files: z.array(z.string()).min(1).describe('Globs of texts (and sidecars), relative to the project root'),
            rules: z
              .record(z.string(), z.enum(['error', 'warning', 'info', 'off']))
              .describe('Severity per rule id, or off, for those files'),
          }),
        )
        .default([])
        .describe('Severities for some folders, e.g. the header rule off for newspapers'),
      ignore: z.array(z.string()).default([]).describe('Globs of texts that check skips'),
      require: z
        .strictObject({
          source: z.array(z.string()).default(['archive', 'archive_location']),
          bibliographic: z.array(z.string()).default(['author', 'title', 'issued', 'page']),
        })
        .default({ source: ['archive', 'archive_location'], bibliographic: ['author', 'title', 'issued', 'page'] })
        .describe('CSL fields a note of each kind must have'),
    })
    .default({
      rules: {},
      overrides: [],
      ignore: [],
      require: { source: ['archive', 'archive_location'], bibliographic: ['author', 'title', 'issued', 'page'] },
    }),
});

export type CheckConfig = z.infer<typeof ConfigFile>['check'];

/** The config as the code uses it: the file's fields with defaults, where it was found, every allowed type. */
export type Config = Omit<z.infer<typeof ConfigFile>, 'nlp'> & {
  /** Absolute path of the project root (where the config file is). */
  root: string;
};

export const DEFAULT_CONFIG = `# marginalia configuration: see \`marginalia --help\`
corpus: corpus            # folder of the texts
annotations: annotations  # folder of the YAML sidecars, mirroring the corpus
include:
  - "**/*.txt"
exclude: []
types: []                 # entity types besides person, org, place, date, money, acronym, reference
encodings: {}             # e.g. "corpus/stasi/**": windows-1252 (default: UTF-8/UTF-16 by BOM, else detected)
ner: tagger               # tagger (trained, shipped) | compromise | none (rules only)
personTitles: include     # exclude: "Ambassador Stevenson" is tagged "Stevenson", with title: Ambassador
authorities: []           # authority files, e.g. authority.yaml (marginalia authority build | import)
rules: []                 # your own rule packs (gazetteers, regexes, compromise patterns), e.g. rules/my-archive.yaml
check:
  rules: {}               # e.g. note-numbering-gap: warning  (error | warning | info | off)
  ignore: []              # globs of texts check skips
  require:                # CSL fields a note of each kind must have
    source: [archive, archive_location]
    bibliographic: [author, title, issued, page]
`;

/** The defaults, for a project without a config file. */
export function defaultConfig(root = '.'): Config {
  const { nlp: _nlp, ...defaults } = ConfigFile.parse({});
  return { ...defaults, root, types: [...new Set([...BUILTIN_ENTITY_TYPES, ...STRUCTURE_TYPES, ...defaults.types])] };
}

/**
 * The project a command runs in: the folder given with `-C`, else the nearest folder from
 * `cwd` upwards that holds a config file (as git finds its repository). Its corpus folder must exist.
 */
export function findProject(cwd: string, explicit?: string, options: { optional?: boolean } = {}): Config {
  let root = explicit ? resolvePath(cwd, explicit) : resolvePath(cwd);
  if (!explicit) while (!existsSync(join(root, CONFIG_FILE)) && dirname(root) !== root) root = dirname(root);
  if (!existsSync(join(root, CONFIG_FILE))) {
    // eval scores gold folders, and can do so with the defaults outside any project.
    if (options.optional) return defaultConfig(resolvePath(cwd, explicit ?? '.'));
    const where = explicit ? resolvePath(cwd, explicit) : resolvePath(cwd);
    const looked = explicit ? 'there' : 'there or in a parent folder';
    throw new ExitError(`no marginalia project at ${where}: no ${CONFIG_FILE} ${looked} (\`marginalia init\` starts one)`, 2);
  }
  const config = loadConfig(root);
  if (!existsSync(join(root, config.corpus)))
    throw new ExitError(`no marginalia project at ${root}: its corpus folder ${config.corpus}/ is missing (see ${CONFIG_FILE})`, 2);
  return config;
}

/** Read the project's config, or the defaults when there is none. */
export function loadConfig(root: string): Config {
  const path = join(root, CONFIG_FILE);
  const source = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const parsed = parseYaml(
    CONFIG_FILE,
    source,
    ConfigFile.nullish().transform((c) => c ?? ConfigFile.parse({})),
    'config',
  );
  const named: { path: (string | number)[]; rules: Record<string, unknown> }[] = parsed.value
    ? [
        { path: ['check', 'rules'], rules: parsed.value.check.rules },
        ...parsed.value.check.overrides.map((o, i) => ({ path: ['check', 'overrides', i, 'rules'], rules: o.rules })),
      ]
    : [];
  const unknownRules = named
    .flatMap(({ path, rules }) => unknownRuleIds(rules).map(({ id, suggestion }) => ({ path: [...path, id], id, suggestion })))
    .map(({ path, suggestion }) =>
      report(
        YAML_RULES.config.schema,
        'unknownKey',
        { file: CONFIG_FILE, ...parsed.locate(path) },
        {
          field: path.join('.'),
          suggestion: suggestion
            ? ` (did you mean "${suggestion}"? see \`marginalia check --list-rules\`)`
            : ' (see `marginalia check --list-rules`)',
        },
      ),
    );
  const first = parsed.value ? unknownRules[0] : parsed.messages[0];
  if (!parsed.value || first) throw new ExitError(`${first!.file}:${first!.line ?? 1}:${first!.column ?? 1}  ${first!.message}`);
  const { nlp, ...config } = parsed.value;
  return {
    ...config,
    ner: nlp === false ? 'none' : config.ner,
    root,
    types: [...new Set([...BUILTIN_ENTITY_TYPES, ...STRUCTURE_TYPES, ...config.types])],
  };
}

/** The nearest folder above `root` (not `root` itself) that holds a config file. */
function projectAbove(root: string): string | undefined {
  for (let dir = dirname(resolvePath(root)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The line of `.gitignore` that keeps the run cache out of git. */
export const CACHE_IGNORE = '.marginalia/';

/** `marginalia init`: the starter config, the corpus folder, the ignore rule; what was written, relative to `root`. */
export function initProject(root: string, force = false): { written: string[] } {
  const config = join(root, CONFIG_FILE);
  if (existsSync(config) && !force) throw new ExitError(`${CONFIG_FILE} exists already (use --force to overwrite)`);
  // A second project inside the first would take its texts away from it, silently: commands run
  // in `corpus/frus` would find the new, empty config before the real one above.
  const above = projectAbove(root);
  if (above && !force)
    throw new ExitError(
      `${root} is inside the marginalia project at ${above} (${CONFIG_FILE} found there): run marginalia there, or \`init --force\` to start a separate project here`,
    );
  writeFileAtomic(config, DEFAULT_CONFIG);
  const written = [CONFIG_FILE];
  if (!existsSync(join(root, 'corpus'))) {
    mkdirSync(join(root, 'corpus'), { recursive: true });
    written.push('corpus/');
  }
  const gitignore = join(root, '.gitignore');
  const ignored = existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '';
  if (!ignored.split(/\r?\n/).includes(CACHE_IGNORE)) {
    writeFileAtomic(gitignore, `${ignored}${ignored && !ignored.endsWith('\n') ? '\n' : ''}# marginalia's run cache\n${CACHE_IGNORE}\n`);
    written.push('.gitignore');
  }
  return { written };
}
