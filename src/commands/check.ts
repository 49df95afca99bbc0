import type { Message } from '../core/message.js';
import { authorityFindings, unlinkedMentions } from '../checks/authority.js';
import { isEnabled } from '../rules/registry.js';
import { findingsPolicy } from '../checks/policy.js';
import { report } from '../rules/rule.js';
import { sidecarSourceMissing } from '../rules/sidecars.js';
import { citationFindings, sidecarFindings } from '../checks/run.js';
import { readAuthorities } from '../io/authority.js';
import { loadCache } from '../io/cache.js';
import type { Config } from '../io/config.js';
import { collectTargets, linkedTexts } from '../io/project.js';
import { readDocument, readSidecar } from '../io/read.js';
import { readSidecarFast } from '../io/sidecar-fast.js';

export interface CheckOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
}

export interface CheckResult {
  /** Texts looked at. */
  checked: number;
  messages: Message[];
}

/**
 * Citation completeness of each text, and whether its sidecar exists and is current.
 * Notes come from a current sidecar (with the corrections people made there), otherwise
 * from the text itself, so a stale sidecar never hides a defect. No NLP is loaded, and
 * nothing a current sidecar holds is derived again (see io/sidecar-fast.ts).
 */
export function check(options: CheckOptions): CheckResult {
  const { config } = options;
  const policy = findingsPolicy(config);
  const messages: Message[] = linkedTexts(config, options.paths ?? [], options.cwd ?? config.root);
  const cache = loadCache(config);
  const severities = config.check.rules;
  // The optional authority rules read every entry, so the sidecars are read whole then.
  const unlinked = isEnabled('authority-unlinked-mention', severities);
  const corpusWide = isEnabled('authority-variant-unused', severities) || isEnabled('authority-string-ambiguous', severities);
  const links = new Map<string, Set<string>>();
  let checked = 0;
  for (const target of collectTargets(config, options.paths ?? [], options.cwd ?? config.root, true)) {
    if (policy.ignored(target.text)) continue;
    const doc = readDocument(config, target.text);
    const sidecar =
      doc.value && !unlinked && !corpusWide
        ? readSidecarFast(config, target.sidecar, doc.value.sha256, cache)
        : readSidecar(config, target.sidecar);
    if (!doc.value) {
      messages.push(
        ...(sidecar.exists ? [report(sidecarSourceMissing, 'missing', { file: target.sidecar }, { text: target.text })] : doc.messages),
      );
      continue;
    }
    checked++;
    const { messages: found, current } = sidecarFindings(target, doc.value, sidecar);
    const authority = current && unlinked ? unlinkedMentions(doc.value, current) : [];
    for (const e of current?.entries ?? []) if (e.ref) links.set(e.text, (links.get(e.text) ?? new Set()).add(e.ref));
    messages.push(...policy.inDocument(doc.value.text, [...found, ...citationFindings(doc.value, current, config.check), ...authority]));
  }
  if (corpusWide && config.authorities.length) messages.push(...authorityFindings(readAuthorities(config), links, config.authorities[0]!));
  return { checked, messages: policy.severity(messages) };
}
