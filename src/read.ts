import { existsSync, readFileSync } from 'node:fs';
import type { Config } from './config.js';
import { Document, decodeText, sha256Hex } from './document.js';
import type { Message } from './message.js';
import { absolute } from './project.js';
import type { Sidecar } from './schema.js';
import { parseSidecar } from './sidecar.js';
import type { ParsedYaml } from './yaml-source.js';

export type ReadResult<T> = { value: T; messages: Message[] } | { value: undefined; messages: Message[] };

/** Read and decode a text; a file that cannot be read or decoded becomes a message. */
export function readDocument(config: Config, path: string): ReadResult<Document> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute(config, path));
  } catch (error) {
    return { value: undefined, messages: [{ file: path, severity: 'error', message: `cannot read the text: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, ruleId: 'text-unreadable' }] };
  }
  try {
    return { value: new Document(path, decodeText(bytes), sha256Hex(bytes)), messages: [] };
  } catch {
    return { value: undefined, messages: [{ file: path, severity: 'error', message: 'the text is not valid UTF-8', ruleId: 'text-encoding' }] };
  }
}

export interface SidecarFile extends ParsedYaml<Sidecar> {
  /** The bytes as read, to skip writes that would change nothing. */
  raw: string | undefined;
  exists: boolean;
}

export function readSidecar(config: Config, path: string): SidecarFile {
  const abs = absolute(config, path);
  if (!existsSync(abs)) return { raw: undefined, exists: false, value: undefined, messages: [], locate: () => ({ line: 1, column: 1 }) };
  const raw = readFileSync(abs, 'utf8');
  return { raw, exists: true, ...parseSidecar(path, raw) };
}
