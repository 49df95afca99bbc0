import picomatch from 'picomatch';
import type { Message, Severity } from '../core/message.js';
import { closest } from '../core/suggest.js';
import { AUTHORITY_RULES } from './authority.js';
import { CITATION_RULES } from './citations.js';
import type { CheckRule } from './check.js';
import { ENTRY_RULES } from './entries.js';
import { NOTE_RULES } from './notes.js';
import { PACK_RULES } from './packs.js';
import type { Rule, RuleMeta } from './rule.js';
import { RUN_RULES } from './runs.js';
import { SIDECAR_RULES } from './sidecars.js';
import { TEXT_RULES } from './texts.js';
import { YAML_KINDS, YAML_RULES } from './yaml.js';

export type { RuleMeta };

/** The citation checks, which run over a document's notes and markers. */
export const CHECK_RULES: readonly CheckRule[] = [...NOTE_RULES, ...CITATION_RULES];

/** Every rule of the tool, in the order `--list-rules` and SARIF give them. */
export const RULES: readonly RuleMeta[] = (
  [
    ...CHECK_RULES,
    ...SIDECAR_RULES,
    ...ENTRY_RULES,
    ...TEXT_RULES,
    ...RUN_RULES,
    ...AUTHORITY_RULES,
    ...PACK_RULES,
    ...YAML_KINDS.flatMap((kind) => Object.values(YAML_RULES[kind])),
  ] as Rule[]
).map((r) => r.meta);

const byId = new Map(RULES.map((r) => [r.id, r]));

export const isRegistered = (id: string) => byId.has(id);

export type Severities = Record<string, Severity | 'off'>;

/** Whether a rule runs: every rule but the optional ones, unless the config says `off`. */
export const isEnabled = (id: string, severities: Severities) => (severities[id] ?? (byId.get(id)?.optional ? 'off' : 'on')) !== 'off';

/** Severities for the files some globs match (`check.overrides`), as ESLint's overrides. */
export interface SeverityOverride {
  files: string[];
  rules: Severities;
}

/** The severities for one file: `check.rules`, then every override whose globs match the file, in order. */
export function severitiesFor(file: string, severities: Severities, overrides: readonly SeverityOverride[]): Severities {
  const matching = overrides.filter((o) => picomatch(o.files, { dot: true })(file));
  return matching.length ? Object.assign({}, severities, ...matching.map((o) => o.rules)) : severities;
}

/**
 * The configured severity of each message's rule (`check.rules` in the config, and the overrides for its file);
 * `off` (or an optional rule not configured) drops it.
 */
export function withConfiguredSeverity(
  messages: readonly Message[],
  severities: Severities,
  overrides: readonly SeverityOverride[] = [],
): Message[] {
  return messages.flatMap((m) => {
    const forFile = overrides.length ? severitiesFor(m.file, severities, overrides) : severities;
    if (!isEnabled(m.ruleId, forFile)) return [];
    const severity = forFile[m.ruleId];
    return severity && severity !== 'off' ? [{ ...m, severity }] : [m];
  });
}

/** Rule ids named in the config that no rule has, each with the registered id it most looks like. */
export const unknownRuleIds = (severities: Record<string, unknown>) =>
  Object.keys(severities)
    .filter((id) => !byId.has(id))
    .map((id) => ({ id, suggestion: closest(id, [...byId.keys()]) }));
