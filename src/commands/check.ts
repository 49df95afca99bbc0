import picomatch from 'picomatch';
import { CITATION_RULES } from '../checks/citations.js';
import { NOTE_RULES } from '../checks/notes.js';
import type { CheckFacts, CheckRule } from '../checks/types.js';
import type { Config } from '../config.js';
import type { Document } from '../document.js';
import { loadCache } from '../cache.js';
import { readSidecarForCheck } from '../checks/read-sidecar.js';
import { ExitError } from '../errors.js';
import { noteCandidates } from '../extract/notes.js';
import type { Message, Severity } from '../message.js';
import { documentMetadata } from '../metadata.js';
import { collectTargets, linkedTexts } from '../project.js';
import { readDocument, readSidecar } from '../read.js';
import type { Sidecar } from '../schema.js';

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

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
}

/** Rules about the files themselves rather than their notes. */
export const FILE_RULES: readonly RuleMeta[] = [
  { id: 'sidecar-missing', severity: 'error', description: 'A text has no sidecar' },
  { id: 'sidecar-stale', severity: 'error', description: 'A text changed since its sidecar was written' },
  { id: 'sidecar-invalid', severity: 'error', description: 'A sidecar does not parse or does not match the schema' },
  { id: 'sidecar-source-missing', severity: 'error', description: 'A sidecar whose text is gone' },
  { id: 'entry-orphaned', severity: 'warning', description: 'A human entry could not be found in the edited text' },
];

export const CHECK_RULES: readonly CheckRule[] = [...NOTE_RULES, ...CITATION_RULES];
export const ALL_RULES: readonly RuleMeta[] = [...CHECK_RULES, ...FILE_RULES];

const INLINE_IGNORE = /marginalia-ignore:\s*([a-z0-9][a-z0-9, -]*)/g;

/** Rule ids a document switches off for itself with a `marginalia-ignore: rule-a, rule-b` line. */
function inlineIgnores(text: string): Set<string> {
  return new Set([...text.matchAll(INLINE_IGNORE)].flatMap((m) => m[1]!.split(/[,\s]+/).filter(Boolean)));
}

/**
 * Citation completeness of each text, and whether its sidecar exists and is current.
 * Notes come from a current sidecar (with the corrections people made there), otherwise
 * from the text itself, so a stale sidecar never hides a defect. No NLP is loaded, and
 * nothing a current sidecar holds is derived again (see checks/read-sidecar.ts).
 */
export function check(options: CheckOptions): CheckResult {
  const { config } = options;
  const unknown = Object.keys(config.check.rules).filter((id) => !ALL_RULES.some((r) => r.id === id));
  if (unknown.length) throw new ExitError(`marginalia.config.yaml: unknown check rule ${unknown.join(', ')} (see \`marginalia check --list-rules\`)`);
  const severityOf = (rule: RuleMeta) => config.check.rules[rule.id] ?? rule.severity;
  const ignored = config.check.ignore.length ? picomatch(config.check.ignore, { dot: true }) : () => false;
  const messages: Message[] = linkedTexts(config, options.paths ?? [], options.cwd ?? config.root);
  const cache = loadCache(config);
  const runRules = (doc: Document, facts: CheckFacts, report: (id: string, m: Omit<Message, 'severity' | 'ruleId'>) => void) => {
    for (const rule of CHECK_RULES) {
      for (const finding of rule.run(facts, { require: config.check.require })) {
        const p = doc.point(finding.at);
        report(rule.id, { file: doc.path, line: p.line, column: p.column, message: finding.message });
      }
    }
  };
  let checked = 0;
  for (const target of collectTargets(config, options.paths ?? [], options.cwd ?? config.root, true)) {
    if (ignored(target.text)) continue;
    const found: Message[] = [];
    const report = (id: string, m: Omit<Message, 'severity' | 'ruleId'>) => {
      const severity = severityOf(ALL_RULES.find((r) => r.id === id)!);
      if (severity !== 'off') found.push({ ...m, severity, ruleId: id });
    };
    const doc = readDocument(config, target.text);
    const sidecar = doc.value ? readSidecarForCheck(config, target.sidecar, doc.value.sha256, cache) : readSidecar(config, target.sidecar);
    if (!doc.value) {
      if (sidecar.exists) report('sidecar-source-missing', { file: target.sidecar, message: `source text ${target.text} is missing` });
      else messages.push(...doc.messages);
      messages.push(...found);
      continue;
    }
    checked++;
    let current: Sidecar | undefined;
    if (!sidecar.exists) {
      report('sidecar-missing', { file: target.text, message: `no sidecar: run \`marginalia annotate ${target.text}\`` });
    } else if (!sidecar.value) {
      const first = sidecar.messages[0];
      report('sidecar-invalid', { file: target.sidecar, line: first?.line ?? 1, column: first?.column ?? 1, message: `invalid sidecar: ${first?.message ?? 'unreadable'}` });
    } else if (sidecar.value.source.sha256 !== doc.value.sha256) {
      report('sidecar-stale', { file: target.sidecar, message: `stale sidecar: ${target.text} changed since it was annotated` });
    } else {
      current = sidecar.value;
      current.entries.forEach((e, i) => {
        if (e.status === 'orphaned') report('entry-orphaned', { file: target.sidecar, ...sidecar.locate(['entries', i]), message: `${e.type} "${e.text}" (${e.id}) is orphaned: it is no longer in the text`, ...(e.id ? { entryId: e.id } : {}) });
      });
    }
    runRules(doc.value, current ? factsFromSidecar(doc.value, current) : factsFromText(doc.value), report);
    const off = inlineIgnores(doc.value.text);
    messages.push(...found.filter((m) => !off.has(m.ruleId)));
  }
  return { checked, messages };
}

function factsFromSidecar(doc: Document, sidecar: Sidecar): CheckFacts {
  const live = sidecar.entries.filter((e) => e.status !== 'rejected' && e.status !== 'orphaned' && e.n !== undefined);
  return {
    doc,
    markers: live.filter((e) => e.type === 'note-marker').map((e) => ({ n: e.n!, start: e.start, end: e.end })),
    notes: live.filter((e) => e.type === 'note').map((e) => ({ n: e.n!, start: e.start, end: e.end, kind: e.kind, citation: e.citation, repeats: e.repeats })),
    metadata: sidecar.metadata ?? {},
  };
}

/** The same facts straight from the text, with the same rules annotate uses (no NLP). */
export function factsFromText(doc: Document): CheckFacts {
  const candidates = noteCandidates(doc.text);
  const cp = (i: number) => doc.toCodePoint(i);
  const notes = candidates.filter((c) => c.type === 'note').map((c) => ({ n: c.n!, start: cp(c.start), end: cp(c.end), kind: c.kind, citation: c.citation, repeats: c.repeats }));
  return {
    doc,
    markers: candidates.filter((c) => c.type === 'note-marker').map((c) => ({ n: c.n!, start: cp(c.start), end: cp(c.end) })),
    notes,
    metadata: documentMetadata(doc.text, notes.find((n) => n.kind === 'source')?.citation),
  };
}
