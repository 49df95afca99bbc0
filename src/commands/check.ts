import { NOTE_RULES } from '../checks/notes.js';
import type { CheckRule, NoteFacts } from '../checks/types.js';
import type { Config } from '../config.js';
import type { Document } from '../document.js';
import { noteStructure } from '../extract/notes.js';
import type { Message } from '../message.js';
import { collectTargets } from '../project.js';
import { readDocument, readSidecar } from '../read.js';
import type { Sidecar } from '../schema.js';

export interface CheckOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  rules?: readonly CheckRule[];
}

export interface CheckResult {
  /** Texts looked at. */
  checked: number;
  messages: Message[];
}

/** Every check rule, for `--list-rules` and per-rule configuration. */
export const CHECK_RULES: readonly CheckRule[] = NOTE_RULES;

/**
 * Citation completeness of each text, and whether its sidecar exists and is current.
 * Notes come from a current sidecar (with the corrections people made there), otherwise
 * from the text itself, so a stale sidecar never hides a defect. No NLP is loaded.
 */
export function check(options: CheckOptions): CheckResult {
  const { config, rules = CHECK_RULES } = options;
  const messages: Message[] = [];
  let checked = 0;
  for (const target of collectTargets(config, options.paths ?? [], options.cwd ?? config.root, true)) {
    const sidecar = readSidecar(config, target.sidecar);
    const doc = readDocument(config, target.text);
    if (!doc.value) {
      if (sidecar.exists) messages.push({ file: target.sidecar, severity: 'error', message: `source text ${target.text} is missing`, ruleId: 'sidecar-source-missing' });
      else messages.push(...doc.messages);
      continue;
    }
    checked++;
    let current: Sidecar | undefined;
    if (!sidecar.exists) {
      messages.push({ file: target.text, severity: 'error', message: `no sidecar: run \`marginalia annotate ${target.text}\``, ruleId: 'sidecar-missing' });
    } else if (!sidecar.value) {
      const first = sidecar.messages[0];
      messages.push({ file: target.sidecar, line: first?.line ?? 1, column: first?.column ?? 1, severity: 'error', message: `invalid sidecar: ${first?.message ?? 'unreadable'}`, ruleId: 'sidecar-invalid' });
    } else if (sidecar.value.source.sha256 !== doc.value.sha256) {
      messages.push({ file: target.sidecar, severity: 'error', message: `stale sidecar: ${target.text} changed since it was annotated`, ruleId: 'sidecar-stale' });
    } else {
      current = sidecar.value;
    }
    const facts = current ? factsFromSidecar(doc.value, current) : factsFromText(doc.value);
    for (const rule of rules) {
      for (const finding of rule.run(facts)) {
        const p = doc.value.point(finding.at);
        messages.push({ file: target.text, line: p.line, column: p.column, severity: rule.severity, message: finding.message, ruleId: rule.id });
      }
    }
  }
  return { checked, messages };
}

function factsFromSidecar(doc: Document, sidecar: Sidecar): NoteFacts {
  const live = sidecar.entries.filter((e) => e.status !== 'rejected' && e.status !== 'orphaned' && e.n !== undefined);
  const span = (e: (typeof live)[number]) => ({ n: e.n!, start: e.start, end: e.end });
  return {
    doc,
    markers: live.filter((e) => e.type === 'note-marker').map(span),
    notes: live.filter((e) => e.type === 'note').map((e) => ({ ...span(e), ...(e.kind ? { kind: e.kind } : {}) })),
  };
}

export function factsFromText(doc: Document): NoteFacts {
  const { notes, markers } = noteStructure(doc.text);
  const cp = (i: number) => doc.toCodePoint(i);
  return {
    doc,
    markers: markers.map((m) => ({ n: m.n, start: cp(m.start), end: cp(m.end) })),
    notes: notes.flatMap((note) => note.numbers.map((n) => ({ n, start: cp(note.start), end: cp(note.end) }))),
  };
}
