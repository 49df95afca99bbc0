/**
 * The name of a project's config file, apart from config.ts so that the CLI can name it in
 * `--help` without loading zod and the rule registry (about 0.3 s).
 */
export const CONFIG_FILE = 'marginalia.config.yaml';
