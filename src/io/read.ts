import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';
import picomatch from 'picomatch';
import { decode } from './decode.js';
import type { Config } from './config.js';
import { Document, sha256Hex } from '../core/document.js';
import type { Message } from '../core/message.js';
import { absolute, type Target } from './project.js';
import type { Sidecar } from '../core/schema.js';
import { parseSidecar } from './sidecar.js';
import type { ParsedYaml } from './yaml-source.js';
import { report } from '../rules/rule.js';
import { textBinary, textEncoding, textOutsideProject, textUnreadable } from '../rules/texts.js';

export type ReadResult<T> = { value: T; messages: Message[] } | { value: undefined; messages: Message[] };

/**
 * Read and decode a text; a file that cannot be read, lies outside the project (through a
 * symbolic link), is binary, or cannot be decoded becomes a message instead.
 */
export function readDocument(config: Config, path: string): ReadResult<Document> {
  const fail = (message: Message): ReadResult<Document> => ({ value: undefined, messages: [message] });
  const where = { file: path };
  let bytes: Buffer;
  try {
    const real = realpathSync(absolute(config, path));
    if (!isInside(realRoot(config), real)) return fail(report(textOutsideProject, 'outside', where, { real }));
    bytes = readFileSync(real);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return fail(report(textUnreadable, 'unreadable', where, { reason }));
  }
  const decoded = decode(bytes, declaredEncoding(config, path));
  if (!decoded.ok)
    return fail(
      decoded.reason === 'binary'
        ? report(textBinary, 'binary', where, { kind: decoded.kind ?? '' })
        : report(textEncoding, 'undecodable', where, { reason: decoded.message }),
    );
  return { value: new Document(path, decoded.text, sha256Hex(bytes), decoded.encoding), messages: [] };
}

/** The project's root with its symbolic links resolved, once per config. */
const realRoots = new WeakMap<Config, string>();
function realRoot(config: Config): string {
  let real = realRoots.get(config);
  if (real === undefined) realRoots.set(config, (real = realpathSync(config.root)));
  return real;
}

const isInside = (dir: string, path: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** The encoding the config declares for a text (first matching glob), if any. */
function declaredEncoding(config: Config, path: string): string | undefined {
  return Object.entries(config.encodings).find(([glob]) => picomatch(glob, { dot: true })(path))?.[1];
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

/**
 * The sidecar annotate is about to replace: its bytes, and whether they are the very bytes
 * annotate last wrote (`untouched`: their hash is the run cache's `lastWritten`). When they
 * are, and the cache knows they hold no human work (`headOnly`), only the head is read (source,
 * generator, review): the entries, annotate's own, are made again and merge nothing.
 */
export function readPreviousSidecar(
  config: Config,
  path: string,
  lastWritten?: string,
  headOnly = false,
): SidecarFile & { untouched: boolean } {
  const abs = absolute(config, path);
  if (!existsSync(abs))
    return { raw: undefined, exists: false, value: undefined, messages: [], locate: () => ({ line: 1, column: 1 }), untouched: false };
  const raw = readFileSync(abs, 'utf8');
  const untouched = lastWritten !== undefined && sha256Hex(raw) === lastWritten;
  // In annotate's layout the entries key is the first line that starts `entries:` (continuation lines are indented).
  const at = untouched && headOnly ? raw.indexOf('\nentries:') : -1;
  if (at >= 0) {
    const head = parseSidecar(path, `${raw.slice(0, at + 1)}entries: []\n`);
    if (head.value) return { raw, exists: true, ...head, untouched };
  }
  return { raw, exists: true, ...parseSidecar(path, raw), untouched };
}

/** The sidecars of the targets that parse; those that do not are reported into `messages`, missing ones skipped. */
export function* parsedSidecars(
  config: Config,
  targets: readonly Target[],
  messages: Message[],
): Generator<{ target: Target; sidecar: Sidecar }> {
  for (const target of targets) {
    const file = readSidecar(config, target.sidecar);
    if (file.value) yield { target, sidecar: file.value };
    else if (file.exists) messages.push(...file.messages);
  }
}
