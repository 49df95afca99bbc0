import type { RuleMeta } from '../rules/registry.js';

/** `check --list-rules`: one rule a line, with its default severity. */
export function formatRulesText(rules: readonly RuleMeta[]): string {
  return rules.map((r) => `${r.id.padEnd(34)} ${r.severity.padEnd(8)} ${r.description}`).join('\n') + '\n';
}
