import { readFileSync } from 'node:fs';
import type { Cache } from './cache.js';
import type { Config } from './config.js';
import { sha256Hex } from '../core/document.js';
import { absolute } from './project.js';
import type { SidecarFile } from './read.js';
import { SCHEMA_VERSION, type Sidecar } from '../core/schema.js';
import { parseSidecar } from './sidecar.js';
import { parseYamlSubset } from './yaml-subset.js';

/** What the first lines of a sidecar say about it, read without parsing the YAML. */
export interface SidecarHeader {
  sha256?: string;
  generator?: string;
}

/** `source.sha256` and `generator` as annotate writes them near the top; absent when written otherwise. */
export function sidecarHeader(raw: string): SidecarHeader {
  const head = raw.slice(0, 2048);
  const sha256 = /^source:\n(?: {2}[^\n]*\n)*? {2}sha256: ([0-9a-f]{64})$/m.exec(head)?.[1];
  const generator = /^generator: ([^\n'"#]+?)$/m.exec(head)?.[1];
  return { ...(sha256 ? { sha256 } : {}), ...(generator ? { generator } : {}) };
}

/** A sidecar as `check` and `validate` use it (the bytes themselves are not kept). */
export type FastSidecar = Omit<SidecarFile, 'raw'> & {
  /** The run cache vouches these are the bytes annotate wrote: their spans hold by construction. */
  vouched?: boolean;
};

/**
 * A sidecar read the fast way where that is safe (check, validate). The header says
 * whether it belongs to the text as it is now (`textSha256`): only then is the body read,
 * with the subset reader, and checked against the schema (the quick shape check, then zod
 * when that is unsure). When the run cache vouches for the exact bytes as machine-written,
 * only the note entries are read, and not checked again. Everything else (stale, unusual
 * YAML, invalid, an older schema version) goes the exact way, `parseSidecar`, with its
 * messages and positions.
 */
export function readSidecarFast(config: Config, path: string, textSha256: string, cache: Cache): FastSidecar {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute(config, path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { exists: false, value: undefined, messages: [], locate: () => ({ line: 1, column: 1 }) };
  }
  return sidecarFromBytes(path, bytes, textSha256, cache);
}

/** `readSidecarFast` of bytes already read (serve hashes the very bytes it parses, for its ETag). */
export function sidecarFromBytes(path: string, bytes: Buffer, textSha256: string, cache: Cache = new Map()): FastSidecar {
  const entry = cache.get(path);
  const vouched =
    entry !== undefined &&
    !entry.human &&
    entry.textSha256 === textSha256 &&
    sidecarHeader(bytes.toString('utf8', 0, 2048)).sha256 === textSha256 &&
    entry.sidecarSha256 === sha256Hex(bytes);
  if (!vouched) return { exists: true, ...parseSidecar(path, bytes.toString('utf8')) };
  // Bytes annotate wrote and nobody touched: valid, and only the notes matter.
  const data = parseYamlSubset(citationPart(bytes)) as Sidecar | undefined;
  if (data?.schemaVersion !== SCHEMA_VERSION) return { exists: true, ...parseSidecar(path, bytes.toString('utf8')) };
  let located: ReturnType<typeof parseSidecar> | undefined;
  return {
    exists: true,
    value: data,
    messages: [],
    vouched,
    locate: (at) => (located ??= parseSidecar(path, bytes.toString('utf8'))).locate(at),
  };
}

const ENTRIES = Buffer.from('\nentries:\n');
const ITEM = Buffer.from('\n  - ');
const TYPE_NOTE = Buffer.from('type: note');

/**
 * A machine-written sidecar with only its note and note-marker entries: what the citation
 * rules read. Relies on annotate's layout (entries as `  - ` items, their keys at four
 * spaces), so it is used only on bytes the run cache vouches annotate wrote. Searches the
 * bytes, so the rest of a large sidecar is never decoded.
 */
export function citationPart(bytes: Buffer): string {
  const at = bytes.indexOf(ENTRIES);
  if (at < 0) return bytes.toString('utf8');
  const kept: string[] = [];
  let last = -1;
  for (let hit = bytes.indexOf(TYPE_NOTE, at); hit >= 0; hit = bytes.indexOf(TYPE_NOTE, hit + 1)) {
    const after = bytes.toString('latin1', hit + TYPE_NOTE.length, hit + TYPE_NOTE.length + 8);
    if (!(after.startsWith('\n') || after === '-marker\n' || hit + TYPE_NOTE.length === bytes.length)) continue;
    const lead = bytes.toString('latin1', hit - 5, hit);
    if (lead !== '\n    ' && lead !== '\n  - ') continue;
    const start = lead === '\n  - ' ? hit - 4 : bytes.lastIndexOf(ITEM, hit) + 1;
    if (start <= last) continue;
    const next = bytes.indexOf(ITEM, hit);
    const end = next < 0 ? bytes.length : next + 1;
    kept.push(bytes.toString('utf8', start, end));
    last = start;
  }
  const head = bytes.toString('utf8', 0, at + 1);
  return kept.length ? `${head}entries:\n${kept.join('')}` : `${head}entries: []\n`;
}
