import picomatch from 'picomatch';
import type { Message } from '../core/message.js';
import type { Config } from '../io/config.js';
import { withConfiguredSeverity } from '../rules/registry.js';

const INLINE_IGNORE = /marginalia-ignore:\s*([a-z0-9][a-z0-9, -]*)/g;

/**
 * The one findings chain every command applies, in this order: the config's ignore globs (a text
 * not looked at), the findings, the document's own `marginalia-ignore:` lines, then the
 * severities of `check.rules` and `check.overrides` (`off` drops a finding).
 */
export interface FindingsPolicy {
  ignored(text: string): boolean;
  inDocument(text: string, messages: readonly Message[]): Message[];
  severity(messages: readonly Message[]): Message[];
}

export function findingsPolicy(config: Pick<Config, 'check'>): FindingsPolicy {
  const globs = config.check.ignore.length ? picomatch(config.check.ignore, { dot: true }) : () => false;
  return {
    ignored: (text) => globs(text),
    inDocument: withoutInlineIgnored,
    severity: (messages) => withConfiguredSeverity(messages, config.check.rules, config.check.overrides),
  };
}

/** The messages whose rule the document switches off for itself with a `marginalia-ignore: rule-a, rule-b` line. */
export function withoutInlineIgnored(text: string, messages: readonly Message[]): Message[] {
  const off = new Set([...text.matchAll(INLINE_IGNORE)].flatMap((m) => m[1]!.split(/[,\s]+/).filter(Boolean)));
  return off.size ? messages.filter((m) => !off.has(m.ruleId)) : [...messages];
}
