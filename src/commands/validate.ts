import { posix } from 'node:path';
import type { Config } from '../io/config.js';
import type { Document } from '../core/document.js';
import type { Message } from '../core/message.js';
import { collectTargets, type Target } from '../io/project.js';
import { readDocument, readSidecar, type SidecarFile } from '../io/read.js';
import type { Sidecar } from '../core/schema.js';
import { withConfiguredSeverity } from '../checks/registry.js';

export interface ValidateOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
}

export interface ValidateResult {
  /** Sidecars looked at. */
  checked: number;
  messages: Message[];
}

/** Check sidecars against the schema and against the texts they annotate. */
export function validate(options: ValidateOptions): ValidateResult {
  const { config } = options;
  const messages: Message[] = [];
  let checked = 0;
  for (const target of collectTargets(config, options.paths ?? [], options.cwd ?? config.root, true)) {
    const sidecar = readSidecar(config, target.sidecar);
    if (!sidecar.exists) continue;
    checked++;
    messages.push(...validateSidecar(config, target, sidecar));
  }
  return { checked, messages: withConfiguredSeverity(messages, config.check.rules) };
}

export function validateSidecar(config: Config, target: Target, file: SidecarFile): Message[] {
  if (!file.value) return file.messages;
  const sidecar = file.value;
  const messages: Message[] = [...file.messages];
  const at = (path: (string | number)[]) => ({ file: target.sidecar, ...file.locate(path) });
  const claimed = posix.normalize(sidecar.source.path);
  if (posix.isAbsolute(claimed) || claimed.startsWith('../') || claimed === '..') {
    messages.push({
      ...at(['source', 'path']),
      severity: 'error',
      message: `source.path "${sidecar.source.path}" points outside the project; refused`,
      ruleId: 'sidecar-source-outside',
    });
  } else if (sidecar.source.path !== target.text) {
    messages.push({
      ...at(['source', 'path']),
      severity: 'error',
      message: `source.path is "${sidecar.source.path}" but this sidecar belongs to ${target.text}`,
      ruleId: 'sidecar-source-path',
    });
  }
  messages.push(...checkEntryShapes(config, sidecar, at));
  const doc = readDocument(config, target.text);
  if (!doc.value) {
    const missing = doc.messages[0]?.ruleId === 'text-unreadable';
    messages.push({
      ...at(['source', 'path']),
      severity: 'error',
      message: missing ? `source text ${target.text} is missing` : `source text ${target.text} cannot be decoded`,
      ruleId: missing ? 'sidecar-source-missing' : 'text-encoding',
    });
    return messages;
  }
  if (doc.value.sha256 !== sidecar.source.sha256) {
    messages.push({
      ...at(['source', 'sha256']),
      severity: 'error',
      message: `stale: ${target.text} changed since it was annotated; run \`marginalia annotate ${target.text}\``,
      ruleId: 'sidecar-stale',
    });
  } else if (doc.value.length !== sidecar.source.length) {
    messages.push({
      ...at(['source', 'length']),
      severity: 'error',
      message: `source.length is ${sidecar.source.length} but the text has ${doc.value.length} code points`,
      ruleId: 'sidecar-length',
    });
  }
  messages.push(...checkSpans(doc.value, sidecar, at));
  return messages;
}

type At = (path: (string | number)[]) => { file: string; line: number; column: number };

function checkEntryShapes(config: Config, sidecar: Sidecar, at: At): Message[] {
  const messages: Message[] = [];
  const ids = new Map<string, number>();
  sidecar.entries.forEach((entry, i) => {
    if (!config.types.includes(entry.type)) {
      messages.push({
        ...at(['entries', i, 'type']),
        severity: 'error',
        message: `entry ${entry.id ?? i}: type "${entry.type}" is not declared (add it to \`types\` in the config)`,
        ruleId: 'entry-unknown-type',
        ...(entry.id ? { entryId: entry.id } : {}),
      });
    }
    if (entry.id) {
      const first = ids.get(entry.id);
      if (first !== undefined)
        messages.push({
          ...at(['entries', i, 'id']),
          severity: 'error',
          message: `entry id ${entry.id} is used twice (also entry ${first})`,
          ruleId: 'entry-duplicate-id',
          entryId: entry.id,
        });
      else ids.set(entry.id, i);
    }
  });
  return messages;
}

/** Every span must hold exactly its recorded text; orphaned entries are reported, not proved. */
function checkSpans(doc: Document, sidecar: Sidecar, at: At): Message[] {
  const messages: Message[] = [];
  sidecar.entries.forEach((entry, i) => {
    const name = `${entry.type} ${entry.id ?? `#${i}`} "${entry.text}"`;
    const ref = entry.id ? { entryId: entry.id } : {};
    if (entry.status === 'orphaned') {
      messages.push({
        ...at(['entries', i]),
        severity: 'warning',
        message: `${name} is orphaned: it could not be found in the text after an edit`,
        ruleId: 'entry-orphaned',
        ...ref,
      });
      return;
    }
    if (entry.end > doc.length) {
      messages.push({
        ...at(['entries', i, 'end']),
        severity: 'error',
        message: `${name} ends at ${entry.end}, past the end of the text (${doc.length})`,
        ruleId: 'entry-out-of-range',
        ...ref,
      });
      return;
    }
    const actual = doc.slice(entry.start, entry.end);
    if (actual !== entry.text) {
      const p = doc.point(entry.start);
      messages.push({
        ...at(['entries', i, 'text']),
        severity: 'error',
        message: `${name} does not match the text at ${doc.path}:${p.line}:${p.column}, which reads "${actual}"`,
        ruleId: 'entry-text-mismatch',
        ...ref,
      });
    }
  });
  return messages;
}
