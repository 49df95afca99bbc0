import { existsSync, readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { sha256Hex, type Document } from '../document.js';
import { extract, extractorsFor, rulePacks, type Extractor } from '../extract/index.js';
import type { RulePack } from '../rules/pack.js';
import { writeFileAtomic } from '../fs-atomic.js';
import { merge } from '../merge.js';
import { NLP_MAX_CHARS } from '../extract/nlp.js';
import { documentMetadata } from '../metadata.js';
import type { Message } from '../message.js';
import { absolute, collectTargets, linkedTexts, schemaPathOf, type Target } from '../project.js';
import { readDocument, readSidecar } from '../read.js';
import { resolve } from '../resolve.js';
import { isHumanWork, sidecarJsonSchema, type Entry, type Sidecar } from '../schema.js';
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

export type FileStatus = 'written' | 'unchanged' | 'current' | 'skipped' | 'failed';

export interface FileResult {
  target: Target;
  status: FileStatus;
  /** Machine entries that the previous sidecar did not have, for review. */
  added?: Entry[];
}

export interface AnnotateResult {
  /** Texts to annotate; fewer were done when interrupted. */
  total: number;
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
  const extractors = options.extractors ?? extractorsFor(packs, { nlp: config.nlp });
  const targets = collectTargets(config, options.paths ?? [], options.cwd ?? config.root);
  const generator = generatorOf(config, extractors, packs);
  const messages: Message[] = linkedTexts(config, options.paths ?? [], options.cwd ?? config.root);
  const files: FileResult[] = [];
  writeSchema(config);
  for (const target of targets) {
    // Let signals (Ctrl-C) and timers in between files: extraction itself never yields.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.shouldStop?.()) return { total: targets.length, files, messages, interrupted: true };
    const result = await annotateOne(config, target, generator, extractors, options.force ?? false);
    messages.push(...result.messages);
    files.push({ target, status: result.status, ...(result.added?.length ? { added: result.added } : {}) });
    options.onFile?.(files.length, targets.length, target);
  }
  return { total: targets.length, files, messages, interrupted: false };
}

async function annotateOne(config: Config, target: Target, generator: string, extractors: readonly Extractor[], force: boolean): Promise<{ status: FileStatus; messages: Message[]; added?: Entry[] }> {
  const doc = readDocument(config, target.text);
  if (!doc.value) return { status: doc.messages.every((m) => m.severity !== 'error') ? 'skipped' : 'failed', messages: doc.messages };
  const previous = readSidecar(config, target.sidecar);
  if (previous.exists && !previous.value) {
    const note: Message = { file: target.sidecar, severity: 'error', message: 'sidecar left untouched: fix it, or move it away to start afresh', ruleId: 'sidecar-not-overwritten' };
    return { status: 'failed', messages: [...previous.messages, note] };
  }
  const result = await annotateDocument(doc.value, previous.value, { generator, extractors, force });
  const bytes = serializeSidecar(result.sidecar, target.sidecar, schemaPathOf(config));
  const messages: Message[] = [];
  if (!result.current && doc.value.text.length > NLP_MAX_CHARS && extractors.some((e) => e.id === 'nlp:compromise')) {
    messages.push({ file: target.text, severity: 'warning', message: `the text has ${doc.value.text.length} characters: too long for NLP, annotated by rules only`, ruleId: 'text-too-long-for-nlp' });
  }
  messages.push(...result.orphaned.map(
    (e): Message => ({ file: target.sidecar, severity: 'warning', message: `${e.type} "${e.text}" (${e.id}) can no longer be found in the text; kept as orphaned`, ruleId: 'entry-orphaned', entryId: e.id }),
  ));
  if (bytes === previous.raw) return { status: result.current ? 'current' : 'unchanged', messages };
  writeFileAtomic(absolute(config, target.sidecar), bytes);
  return { status: 'written', messages, added: result.added };
}

export interface DocumentAnnotation {
  sidecar: Sidecar;
  /** Human entries that could not be found in the text any more. */
  orphaned: Entry[];
  /** Machine entries the previous sidecar did not have. */
  added: Entry[];
  /** The previous sidecar was current: nothing was extracted again. */
  current: boolean;
}

/**
 * The heart of annotate, without I/O: extract (unless the previous sidecar is current),
 * resolve, merge with the previous sidecar's human work, and describe the document.
 */
export async function annotateDocument(doc: Document, previous: Sidecar | undefined, options: { generator: string; extractors: readonly Extractor[]; force?: boolean }): Promise<DocumentAnnotation> {
  // A current sidecar keeps its machine entries; only the human edits made since are merged in.
  const current = !options.force && previous !== undefined && previous.source.sha256 === doc.sha256 && previous.generator === options.generator;
  const machine = current ? previous.entries.filter((e) => !isHumanWork(e)) : resolve(doc, await extract(doc, options.extractors));
  const { entries, orphaned } = merge(doc, machine, previous?.entries ?? []);
  const sourceNote = entries.find((e) => e.type === 'note' && e.kind === 'source' && e.status !== 'rejected')?.citation;
  const sidecar = newSidecar(options.generator, { path: doc.path, sha256: doc.sha256, length: doc.length, encoding: doc.encoding }, documentMetadata(doc.text, sourceNote), entries);
  const before = new Set((previous?.entries ?? []).map((e) => e.id));
  return { sidecar, orphaned, current, added: entries.filter((e) => e.status === 'auto' && !before.has(e.id)) };
}

/** The JSON Schema beside the sidecars, which their first line points to. */
function writeSchema(config: Config): void {
  const path = absolute(config, schemaPathOf(config));
  const bytes = `${JSON.stringify(sidecarJsonSchema(), null, 2)}\n`;
  if (!existsSync(path) || readFileSync(path, 'utf8') !== bytes) writeFileAtomic(path, bytes);
}
