import type { Document } from '../core/document.js';
import { sidecarState } from '../core/currency.js';
import type { Message } from '../core/message.js';
import type { Sidecar } from '../core/schema.js';
import type { CheckConfig, Config } from '../io/config.js';
import { findingsPolicy } from './policy.js';
import type { Target } from '../io/project.js';
import type { FastSidecar } from '../io/sidecar-fast.js';
import { CHECK_RULES } from '../rules/registry.js';
import type { CheckFacts, CheckOptions, CheckRule } from '../rules/check.js';
import { report } from '../rules/rule.js';
import { sidecarInvalid, sidecarMissing, sidecarStale } from '../rules/sidecars.js';
import { factsFromSidecar, factsFromText } from './facts.js';
import { spanFindings } from './validity.js';

/**
 * Citation completeness of one document. Notes come from a current sidecar (with the
 * corrections people made there), otherwise from the text itself, so a stale sidecar never
 * hides a defect.
 */
export function citationFindings(doc: Document, current: Sidecar | undefined, config: Pick<CheckConfig, 'require'>): Message[] {
  return runChecks(current ? factsFromSidecar(doc, current) : factsFromText(doc), { require: config.require });
}

/** The messages of the given check rules (all of them by default) on one document's facts. */
export function runChecks(facts: CheckFacts, options: CheckOptions, rules: readonly CheckRule[] = CHECK_RULES): Message[] {
  const { doc } = facts;
  const messages: Message[] = [];
  for (const rule of rules) {
    rule.create({
      facts,
      options,
      report: (messageId, at, data) => messages.push(report(rule, messageId, { file: doc.path, ...doc.point(at) }, data)),
    });
  }
  return messages;
}

/** Whether a text's sidecar exists, parses and is current; the current sidecar, if so. */
export function sidecarFindings(target: Target, doc: Document, sidecar: FastSidecar): { messages: Message[]; current?: Sidecar } {
  if (!sidecar.exists) return { messages: [report(sidecarMissing, 'missing', { file: target.text }, { text: target.text })] };
  if (!sidecar.value) {
    const first = sidecar.messages[0];
    return {
      messages: [
        report(
          sidecarInvalid,
          'invalid',
          { file: target.sidecar, line: first?.line ?? 1, column: first?.column ?? 1 },
          { reason: first?.message ?? 'unreadable' },
        ),
      ],
    };
  }
  if (sidecarState(sidecar.value, doc.sha256) === 'stale') {
    return { messages: [report(sidecarStale, 'stale', { file: target.sidecar }, { text: target.text })] };
  }
  // A sidecar a person may have edited: every span must still hold its text (what CI is for).
  const at = { text: target.text, sidecar: target.sidecar, locate: sidecar.locate };
  return { messages: sidecar.vouched ? [] : spanFindings(doc, sidecar.value, at), current: sidecar.value };
}

/** The findings `check` shows in one text's body, as the config sets them (those about the sidecar file are check's own business). */
export function documentFindings(config: Config, target: Target, doc: Document, sidecar: FastSidecar): Message[] {
  const policy = findingsPolicy(config);
  if (policy.ignored(target.text)) return [];
  const { current } = sidecarFindings(target, doc, sidecar);
  return policy.severity(policy.inDocument(doc.text, citationFindings(doc, current, config.check)));
}
