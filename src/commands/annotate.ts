import { existsSync, readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { sha256Hex } from '../document.js';
import { extract, extractorsFor, rulePacks, type Extractor } from '../extract/index.js';
import type { RulePack } from '../rules/pack.js';
import { writeFileAtomic } from '../fs-atomic.js';
import { merge } from '../merge.js';
import { documentMetadata } from '../metadata.js';
import type { Message } from '../message.js';
import { absolute, collectTargets, schemaPathOf, type Target } from '../project.js';
import { readDocument, readSidecar } from '../read.js';
import { resolve } from '../resolve.js';
import { sidecarJsonSchema } from '../schema.js';
import { newSidecar, serializeSidecar } from '../sidecar.js';
import { VERSION } from '../version.js';

export interface AnnotateOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  /** Re-extract texts whose sidecar is current. */
  force?: boolean;
  extractors?: readonly Extractor[];
  onFile?: (done: number, total: number, target: Target) => void;
  /** Checked between files: when it returns true, annotate stops after the current file. */
  shouldStop?: () => boolean;
}

export type FileStatus = 'written' | 'unchanged' | 'current' | 'failed';

export interface FileResult {
  target: Target;
  status: FileStatus;
}

export interface AnnotateResult {
  files: FileResult[];
  messages: Message[];
  interrupted: boolean;
}

/** Identifies the tool version and rules that made a sidecar's machine entries. */
export function generatorOf(config: Config, extractors: readonly Extractor[], packs: readonly RulePack[]): string {
  const rules = sha256Hex(JSON.stringify([extractors.map((e) => e.id), packs, config.types])).slice(0, 12);
  return `marginalia ${VERSION} rules ${rules}`;
}

/** Extract, merge with the human work already there, and write one sidecar per text. */
export async function annotate(options: AnnotateOptions): Promise<AnnotateResult> {
  const { config } = options;
  const packs = rulePacks(config);
  const extractors = options.extractors ?? extractorsFor(packs);
  const targets = collectTargets(config, options.paths ?? [], options.cwd ?? config.root);
  const generator = generatorOf(config, extractors, packs);
  const messages: Message[] = [];
  const files: FileResult[] = [];
  writeSchema(config);
  for (const target of targets) {
    if (options.shouldStop?.()) return { files, messages, interrupted: true };
    const result = await annotateOne(config, target, generator, extractors, options.force ?? false);
    messages.push(...result.messages);
    files.push({ target, status: result.status });
    options.onFile?.(files.length, targets.length, target);
  }
  return { files, messages, interrupted: false };
}

async function annotateOne(config: Config, target: Target, generator: string, extractors: readonly Extractor[], force: boolean): Promise<{ status: FileStatus; messages: Message[] }> {
  const doc = readDocument(config, target.text);
  if (!doc.value) return { status: 'failed', messages: doc.messages };
  const previous = readSidecar(config, target.sidecar);
  if (previous.exists && !previous.value) {
    const note: Message = { file: target.sidecar, severity: 'error', message: 'sidecar left untouched: fix it, or move it away to start afresh', ruleId: 'sidecar-not-overwritten' };
    return { status: 'failed', messages: [...previous.messages, note] };
  }
  const old = previous.value;
  if (!force && old && old.source.sha256 === doc.value.sha256 && old.generator === generator) return { status: 'current', messages: [] };

  const machine = resolve(doc.value, await extract(doc.value, extractors));
  const { entries, orphaned } = merge(doc.value, machine, old?.entries ?? []);
  const sourceNote = entries.find((e) => e.type === 'note' && e.kind === 'source' && e.status !== 'rejected')?.citation;
  const metadata = documentMetadata(doc.value.text, sourceNote);
  const sidecar = newSidecar(generator, { path: target.text, sha256: doc.value.sha256, length: doc.value.length }, metadata, entries);
  const bytes = serializeSidecar(sidecar, target.sidecar, schemaPathOf(config));
  const messages = orphaned.map(
    (e): Message => ({ file: target.sidecar, severity: 'warning', message: `${e.type} "${e.text}" (${e.id}) can no longer be found in the text; kept as orphaned`, ruleId: 'entry-orphaned', entryId: e.id }),
  );
  if (bytes === previous.raw) return { status: 'unchanged', messages };
  writeFileAtomic(absolute(config, target.sidecar), bytes);
  return { status: 'written', messages };
}

/** The JSON Schema beside the sidecars, which their first line points to. */
function writeSchema(config: Config): void {
  const path = absolute(config, schemaPathOf(config));
  const bytes = `${JSON.stringify(sidecarJsonSchema(), null, 2)}\n`;
  if (!existsSync(path) || readFileSync(path, 'utf8') !== bytes) writeFileAtomic(path, bytes);
}
