/**
 * The library API: every command is a function returning data; the CLI (src/cli/) only parses
 * flags, formats results and sets the exit code. Importing this module never loads commander.
 */
export { annotate, shardOf, type AnnotateOptions, type AnnotateResult, type FileResult, type FileStatus } from './commands/annotate.js';
export { authorityBuild, authorityExport, authorityImport, type AuthorityResult } from './commands/authority.js';
export { check, type CheckOptions, type CheckResult } from './commands/check.js';
export { corpusIndex, type IndexOptions, type IndexedEntity } from './commands/corpus-index.js';
export { curate, type CurateOptions, type CurateResult, type Selector } from './commands/curate.js';
export {
  agreement,
  diff,
  diffEntries,
  isSame,
  type DiffOptions,
  type DiffResult,
  type DocumentDiff,
  type EntryChange,
  type TypeAgreement,
} from './commands/diff.js';
export { evaluate, type EvalOptions, type EvalResult, type TypeScore } from './commands/eval.js';
export {
  EXPORT_FORMATS,
  IMPORT_FORMATS,
  exportAnnotations,
  importAnnotations,
  type ExportFormat,
  type ExportOptions,
  type ImportFormat,
  type ImportOptions,
} from './commands/interop.js';
export { review, reviewNext, type NextDocument, type ReviewOptions } from './commands/review.js';
export { PROJECT_MODEL, trainProject, type Drift, type TrainProjectOptions, type TrainResult } from './commands/train.js';
export { validate, validateSidecar, type ValidateOptions, type ValidateResult } from './commands/validate.js';
export { view, type ViewOptions } from './commands/view.js';
export { EditError, Edit, editEntries, etagOf, type EditResult, type Write } from './curation/edit.js';
export { planBulk, runBulk, undoWrites, type Bulk, type BulkPlan } from './curation/bulk.js';
export { serve, type ServeOptions, type Server } from './serve/app.js';

export { RULES, type RuleMeta } from './rules/registry.js';
export { Document } from './core/document.js';
export { ExitError } from './core/errors.js';
export type { Message, Severity } from './core/message.js';
export { Entry, SCHEMA_VERSION, Sidecar, sidecarJsonSchema, type Citation, type DocumentMetadata } from './core/schema.js';
export type { Counts, Score } from './core/scoring.js';
export {
  extract,
  extractContext,
  extractorsFor,
  rulePacks,
  type Candidate,
  type ExtractContext,
  type Extractor,
  type ExtractorFactory,
} from './extract/index.js';
export { CONFIG_FILE, initProject, loadConfig, type Config } from './io/config.js';
export { parseSidecar, serializeSidecar } from './io/sidecar.js';
export { annotateDocument, type DocumentAnnotation } from './pipeline/annotate-text.js';
