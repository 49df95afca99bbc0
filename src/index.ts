/** The library API: every command is a function; the CLI only formats its results. */
export { annotate, generatorOf, type AnnotateOptions, type AnnotateResult } from './commands/annotate.js';
export { validate, type ValidateOptions, type ValidateResult } from './commands/validate.js';
export { check, CHECK_RULES, type CheckOptions, type CheckResult } from './commands/check.js';
export { diff, diffEntries, type DiffResult } from './commands/diff.js';
export { loadConfig, type Config } from './io/config.js';
export { Document } from './core/document.js';
export { extract, extractorsFor, rulePacks, type Candidate, type Extractor } from './extract/index.js';
export type { Message, Severity } from './core/message.js';
export { Entry, Sidecar, SCHEMA_VERSION, sidecarJsonSchema } from './core/schema.js';
export { parseSidecar, serializeSidecar } from './io/sidecar.js';
export { run } from './cli/program.js';
