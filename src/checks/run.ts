import type { Document } from '../core/document.js';
import type { Message } from '../core/message.js';
import type { Sidecar } from '../core/schema.js';
import type { CheckConfig } from '../io/config.js';
import type { Target } from '../io/project.js';
import type { SidecarFile } from '../io/read.js';
import { factsFromSidecar, factsFromText } from './facts.js';
import { CHECK_RULES, finding } from './registry.js';

const INLINE_IGNORE = /marginalia-ignore:\s*([a-z0-9][a-z0-9, -]*)/g;

/** The messages whose rule the document switches off for itself with a `marginalia-ignore: rule-a, rule-b` line. */
export function withoutInlineIgnored(text: string, messages: readonly Message[]): Message[] {
  const off = new Set([...text.matchAll(INLINE_IGNORE)].flatMap((m) => m[1]!.split(/[,\s]+/).filter(Boolean)));
  return off.size ? messages.filter((m) => !off.has(m.ruleId)) : [...messages];
}

/**
 * Citation completeness of one document. Notes come from a current sidecar (with the
 * corrections people made there), otherwise from the text itself, so a stale sidecar never
 * hides a defect.
 */
export function citationFindings(doc: Document, current: Sidecar | undefined, config: Pick<CheckConfig, 'require'>): Message[] {
  const facts = current ? factsFromSidecar(doc, current) : factsFromText(doc);
  return CHECK_RULES.flatMap((rule) =>
    rule.run(facts, { require: config.require }).map((found) => {
      const p = doc.point(found.at);
      return finding(rule.id, { file: doc.path, line: p.line, column: p.column, message: found.message });
    }),
  );
}

/** Whether a text's sidecar exists, parses and is current; the current sidecar, if so. */
export function sidecarFindings(
  target: Target,
  doc: Document,
  sidecar: Omit<SidecarFile, 'raw'>,
): { messages: Message[]; current?: Sidecar } {
  if (!sidecar.exists)
    return {
      messages: [finding('sidecar-missing', { file: target.text, message: `no sidecar: run \`marginalia annotate ${target.text}\`` })],
    };
  if (!sidecar.value) {
    const first = sidecar.messages[0];
    return {
      messages: [
        finding('sidecar-invalid', {
          file: target.sidecar,
          line: first?.line ?? 1,
          column: first?.column ?? 1,
          message: `invalid sidecar: ${first?.message ?? 'unreadable'}`,
        }),
      ],
    };
  }
  if (sidecar.value.source.sha256 !== doc.sha256) {
    return {
      messages: [
        finding('sidecar-stale', { file: target.sidecar, message: `stale sidecar: ${target.text} changed since it was annotated` }),
      ],
    };
  }
  const orphaned = sidecar.value.entries.flatMap((e, i) =>
    e.status === 'orphaned'
      ? [
          finding('entry-orphaned', {
            file: target.sidecar,
            ...sidecar.locate(['entries', i]),
            message: `${e.type} "${e.text}" (${e.id}) is orphaned: it is no longer in the text`,
            ...(e.id ? { entryId: e.id } : {}),
          }),
        ]
      : [],
  );
  return { messages: orphaned, current: sidecar.value };
}
