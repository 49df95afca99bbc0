import type { Config } from '../io/config.js';
import type { Message } from '../core/message.js';
import { collectTargets, type Target } from '../io/project.js';
import type { Document } from '../core/document.js';
import { readDocument, readSidecar, type ReadResult } from '../io/read.js';
import { readSidecarFast, type FastSidecar } from '../io/sidecar-fast.js';
import { entryShapeFindings, sourcePathFindings, textFindings } from '../checks/validity.js';
import { findingsPolicy } from '../checks/policy.js';
import { report } from '../rules/rule.js';
import { sidecarSourceMissing } from '../rules/sidecars.js';
import { textEncoding } from '../rules/texts.js';

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
  const noCache = new Map();
  for (const target of collectTargets(config, options.paths ?? [], options.cwd ?? config.root, true)) {
    const doc = readDocument(config, target.text);
    // The subset reader where the header says the sidecar is current: positions are parsed only for a message.
    const sidecar = doc.value ? readSidecarFast(config, target.sidecar, doc.value.sha256, noCache) : readSidecar(config, target.sidecar);
    if (!sidecar.exists) continue;
    checked++;
    messages.push(...validateSidecar(config, target, sidecar, doc));
  }
  return { checked, messages: findingsPolicy(config).severity(messages) };
}

export function validateSidecar(
  config: Config,
  target: Target,
  file: FastSidecar,
  doc: ReadResult<Document> = readDocument(config, target.text),
): Message[] {
  if (!file.value) return file.messages;
  const sidecar = file.value;
  const at = { text: target.text, sidecar: target.sidecar, locate: file.locate };
  const messages = [...file.messages, ...sourcePathFindings(sidecar, at), ...entryShapeFindings(sidecar, config.types, at)];
  if (doc.value) return [...messages, ...textFindings(doc.value, sidecar, at)];
  const where = { file: target.sidecar, ...file.locate(['source', 'path']) };
  const missing = doc.messages[0]?.ruleId === 'text-unreadable';
  return [
    ...messages,
    missing
      ? report(sidecarSourceMissing, 'missing', where, { text: target.text })
      : report(textEncoding, 'sourceUndecodable', where, { text: target.text }),
  ];
}
