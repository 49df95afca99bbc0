import type { Message, Severity } from '../core/message.js';
import { CITATION_RULES } from './citations.js';
import { NOTE_RULES } from './notes.js';
import type { CheckRule } from './types.js';

/** Every rule id a message can carry, with its default severity and what to do about it. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
  /** What a user does about it. */
  help: string;
}

/** The citation checks, which run over a document's notes and markers. */
export const CHECK_RULES: readonly CheckRule[] = [...NOTE_RULES, ...CITATION_RULES];

const rule = (id: string, severity: Severity, description: string, help: string): RuleMeta => ({ id, severity, description, help });

/** The YAML files marginalia reads, each with the same four ways to be unreadable. */
export const YAML_KINDS = ['sidecar', 'config', 'rules', 'authority'] as const;
export type YamlKind = (typeof YAML_KINDS)[number];

const yamlRules = YAML_KINDS.flatMap((kind) => [
  rule(`${kind}-syntax`, 'error', `A ${kind} file is not well-formed YAML`, 'Fix the YAML at the line and column given.'),
  rule(
    `${kind}-schema`,
    'error',
    `A ${kind} file does not match its schema`,
    'Fix the field named in the message; the JSON Schema lists what is allowed.',
  ),
  rule(`${kind}-version`, 'error', `A ${kind} file was written by a newer marginalia`, 'Upgrade marginalia.'),
  rule(`${kind}-too-large`, 'error', `A ${kind} file is too large to be read safely`, 'Split the file, or check it is not a YAML bomb.'),
]);

/** Rules about texts and sidecars as files, emitted by annotate, validate and check. */
const FILE_RULES: readonly RuleMeta[] = [
  rule('sidecar-missing', 'error', 'A text has no sidecar', 'Run `marginalia annotate` on the text.'),
  rule(
    'sidecar-stale',
    'error',
    'A text changed since its sidecar was written',
    'Run `marginalia annotate` on the text: human entries are kept and re-anchored.',
  ),
  rule(
    'sidecar-invalid',
    'error',
    'A sidecar does not parse or does not match the schema',
    'Run `marginalia validate` for the exact line and field.',
  ),
  rule('sidecar-source-missing', 'error', 'A sidecar whose text is gone', 'Restore the text, or delete the sidecar.'),
  rule(
    'sidecar-source-path',
    'error',
    "A sidecar's source.path names another text than the one it mirrors",
    'Move the sidecar next to its text, or correct source.path.',
  ),
  rule(
    'sidecar-source-outside',
    'error',
    "A sidecar's source.path points outside the project",
    'Correct source.path: marginalia never reads outside the project.',
  ),
  rule(
    'sidecar-length',
    'error',
    "A sidecar's source.length differs from the text's length",
    'Run `marginalia annotate --force` on the text.',
  ),
  rule(
    'sidecar-not-overwritten',
    'error',
    'annotate left a sidecar it cannot read untouched',
    'Fix the sidecar, or move it away to start afresh.',
  ),
  rule('entry-orphaned', 'warning', 'A human entry could not be found in the edited text', 'Correct the entry by hand, or delete it.'),
  rule(
    'entry-unknown-type',
    'error',
    'An entry has a type the config does not declare',
    'Add the type to `types` in marginalia.config.yaml.',
  ),
  rule('entry-duplicate-id', 'error', 'Two entries of one sidecar share an id', 'Give one of them another id.'),
  rule('entry-out-of-range', 'error', 'An entry ends past the end of its text', 'Correct its offsets, or delete it.'),
  rule('entry-text-mismatch', 'error', "An entry's text is not what the text holds at its offsets", 'Correct its offsets or its text.'),
  rule('text-unreadable', 'error', 'A text cannot be read', 'Check the file exists and can be read.'),
  rule(
    'text-encoding',
    'error',
    'A text cannot be decoded',
    'Declare its encoding under `encodings` in the config, or convert it to UTF-8.',
  ),
  rule('text-binary', 'warning', 'A file of the corpus is binary, not text; skipped', 'Move it out of the corpus, or exclude it.'),
  rule('text-symlink', 'warning', 'A text is a symbolic link; never followed', 'Copy the file into the corpus instead of linking it.'),
  rule('text-outside-project', 'error', 'A text resolves to a file outside the project', 'Copy the file into the corpus.'),
  rule(
    'annotate-failed',
    'error',
    'Extraction failed on a text; the other texts were annotated',
    'Report the error with the text that caused it.',
  ),
  rule(
    'authority-unlinked-mention',
    'warning',
    'A person, organization or place no authority record claims (optional: give it a severity in the config to use it)',
    'Add a record, or a variant to a record, and annotate again.',
  ),
  rule(
    'authority-variant-unused',
    'warning',
    "An accepted record's variant is found in no text (optional)",
    'Correct or remove the variant.',
  ),
  rule(
    'authority-string-ambiguous',
    'warning',
    'One string is linked to two records (optional)',
    'Make a variant more specific, or merge the records.',
  ),
  rule(
    'authority-import',
    'error',
    'A row of an imported persons list has no usable name or type',
    'Fix the row, or map the columns with --name, --type, --description.',
  ),
  rule(
    'import-mismatch',
    'error',
    "An imported annotation's text does not match the corpus text",
    'Import against the text the annotations were made on.',
  ),
];

export const RULES: readonly RuleMeta[] = [
  ...CHECK_RULES.map(({ id, severity, description, help }) => rule(id, severity, description, help)),
  ...FILE_RULES,
  ...yamlRules,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export const isRegistered = (id: string) => byId.has(id);

/** A message of a registered rule, at its default severity. */
export function finding(ruleId: string, m: Omit<Message, 'severity' | 'ruleId'>): Message {
  const rule = byId.get(ruleId);
  if (!rule) throw new Error(`rule ${ruleId} is not registered in checks/registry.ts`);
  return { ...m, severity: rule.severity, ruleId };
}

/** Rules a project turns on by giving them a severity in its config. */
const OPTIONAL = new Set(['authority-unlinked-mention', 'authority-variant-unused', 'authority-string-ambiguous']);

/** Whether a rule runs: every rule but the optional ones, unless the config says `off`. */
export const isEnabled = (id: string, severities: Record<string, Severity | 'off'>) =>
  (severities[id] ?? (OPTIONAL.has(id) ? 'off' : 'on')) !== 'off';

/** The configured severity of each message's rule (`check.rules` in the config); `off` (or an optional rule not configured) drops it. */
export function withConfiguredSeverity(messages: readonly Message[], severities: Record<string, Severity | 'off'>): Message[] {
  return messages.flatMap((m) => {
    if (!isEnabled(m.ruleId, severities)) return [];
    const severity = severities[m.ruleId];
    return severity && severity !== 'off' ? [{ ...m, severity }] : [m];
  });
}

/** Rule ids named in the config that no rule has. */
export const unknownRuleIds = (severities: Record<string, unknown>) => Object.keys(severities).filter((id) => !byId.has(id));
