import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ExitError } from './errors.js';
import { BUILTIN_ENTITY_TYPES, STRUCTURE_TYPES } from './schema.js';
import { parseYaml } from './yaml-source.js';

export const CONFIG_FILE = 'marginalia.config.yaml';

export const ConfigFile = z.strictObject({
  corpus: z.string().default('corpus').describe('Folder of the texts, relative to the project root'),
  annotations: z.string().default('annotations').describe('Folder of the sidecars, mirroring the corpus'),
  include: z.array(z.string()).default(['**/*.txt']).describe('Globs of texts inside the corpus folder'),
  exclude: z.array(z.string()).default([]).describe('Globs of texts to leave out'),
  types: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).default([]).describe('Entity types besides the built-in ones'),
});

export interface Config {
  /** Absolute path of the project root (where the config file is). */
  root: string;
  corpus: string;
  annotations: string;
  include: string[];
  exclude: string[];
  /** Every type a sidecar entry may have. */
  types: string[];
}

export const DEFAULT_CONFIG = `# marginalia configuration: see \`marginalia --help\`
corpus: corpus            # folder of the texts
annotations: annotations  # folder of the YAML sidecars, mirroring the corpus
include:
  - "**/*.txt"
exclude: []
types: []                 # entity types besides person, org, place, date, money, acronym, reference
`;

/** Read the project's config, or the defaults when there is none. */
export function loadConfig(root: string): Config {
  const path = join(root, CONFIG_FILE);
  const source = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const parsed = parseYaml(CONFIG_FILE, source, ConfigFile.nullish().transform((c) => c ?? ConfigFile.parse({})), 'config');
  if (!parsed.value) {
    const first = parsed.messages[0]!;
    throw new ExitError(`${first.file}:${first.line ?? 1}:${first.column ?? 1}  ${first.message}`);
  }
  const c = parsed.value;
  return {
    root,
    corpus: c.corpus,
    annotations: c.annotations,
    include: c.include,
    exclude: c.exclude,
    types: [...new Set([...BUILTIN_ENTITY_TYPES, ...STRUCTURE_TYPES, ...c.types])],
  };
}
