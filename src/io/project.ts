import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { report } from '../rules/rule.js';
import { textSymlink } from '../rules/texts.js';
import { globSync } from 'tinyglobby';
import type { Config } from './config.js';
import { ExitError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { SCHEMA_FILE } from '../core/schema.js';

/** A text and its sidecar, as paths relative to the project root with forward slashes. */
export interface Target {
  text: string;
  sidecar: string;
}

const toPosix = (p: string) => p.split(sep).join('/');
const isInside = (dir: string, path: string) => path === dir || path.startsWith(`${dir}/`);

export function sidecarPathFor(config: Config, text: string): string {
  return posix.join(config.annotations, `${posix.relative(config.corpus, text)}.yaml`);
}

export function textPathFor(config: Config, sidecar: string): string {
  return posix.join(config.corpus, posix.relative(config.annotations, sidecar).replace(/\.yaml$/, ''));
}

export function schemaPathOf(config: Config): string {
  return posix.join(config.annotations, SCHEMA_FILE);
}

export const absolute = (config: Config, path: string) => resolve(config.root, path);

function globTexts(config: Config, dir: string): string[] {
  const annotations = posix.relative(dir, config.annotations);
  return globSync(config.include, {
    cwd: absolute(config, dir),
    ignore: [...config.exclude, ...(annotations.startsWith('..') ? [] : [`${annotations}/**`])],
    onlyFiles: true,
    followSymbolicLinks: false,
    dot: false,
  }).map((p) => posix.join(dir, p));
}

function globSidecars(config: Config, dir: string): string[] {
  return globSync(['**/*.yaml'], { cwd: absolute(config, dir), onlyFiles: true, followSymbolicLinks: false }).map((p) =>
    posix.join(dir, p),
  );
}

/**
 * The texts and sidecars a command works on. Without paths: every text of the corpus,
 * plus (with `withLoneSidecars`) every sidecar whose text is gone. A path may be a text,
 * a sidecar, or a folder of either.
 */
export function collectTargets(config: Config, paths: readonly string[], cwd: string, withLoneSidecars = false): Target[] {
  const texts = new Set<string>();
  const sidecars = new Set<string>();
  const add = (rel: string) => {
    if (isInside(config.annotations, rel)) {
      if (isDirectory(config, rel)) globSidecars(config, rel).forEach((s) => sidecars.add(s));
      else sidecars.add(rel);
    } else if (isDirectory(config, rel)) globTexts(config, rel).forEach((t) => texts.add(t));
    else texts.add(rel);
  };
  if (paths.length === 0) {
    add(config.corpus);
    if (withLoneSidecars && existsSync(absolute(config, config.annotations))) add(config.annotations);
  }
  for (const path of paths) {
    const abs = isAbsolute(path) ? path : resolve(cwd, path);
    const rel = toPosix(relative(config.root, abs));
    if (rel.startsWith('..') || isAbsolute(rel)) throw new ExitError(`${path}: outside the project (${config.root})`);
    if (!existsSync(abs)) throw new ExitError(`${path}: no such file or folder`);
    // A link named on the command line is not followed either (linkedTexts reports it).
    if (!linkOnPath(config, rel)) add(rel || '.');
  }
  const byText = new Map<string, Target>();
  for (const text of texts) byText.set(text, { text, sidecar: sidecarPathFor(config, text) });
  for (const sidecar of sidecars) {
    if (posix.basename(sidecar) === SCHEMA_FILE) continue;
    const text = textPathFor(config, sidecar);
    if (!byText.has(text) && (withLoneSidecars || paths.length > 0)) byText.set(text, { text, sidecar });
  }
  return [...byText.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/**
 * Symbolic links among the texts a command would read. They are never followed (so a link
 * out of the project or a loop is harmless); each is reported instead.
 */
export function linkedTexts(config: Config, paths: readonly string[], cwd: string): Message[] {
  const named = paths.map((p) => toPosix(relative(config.root, isAbsolute(p) ? p : resolve(cwd, p))));
  const messages: Message[] = [];
  const links = new Set(named.map((p) => linkOnPath(config, p)).filter((link): link is string => link !== undefined));
  for (const link of links) messages.push(report(textSymlink, 'link', { file: link }));
  const dirs =
    paths.length === 0
      ? [config.corpus]
      : named.filter((p) => !linkOnPath(config, p) && isDirectory(config, p) && !isInside(config.annotations, p));
  const included = picomatch(config.include, { dot: false });
  const excluded = picomatch(config.exclude, { dot: false });
  for (const dir of dirs) {
    const abs = absolute(config, dir);
    if (!existsSync(abs)) continue;
    for (const entry of readdirSync(abs, { recursive: true, withFileTypes: true })) {
      if (!entry.isSymbolicLink()) continue;
      const rel = posix.join(dir, toPosix(relative(abs, join(entry.parentPath, entry.name))));
      const within = posix.relative(dir, rel);
      if (isInside(config.annotations, rel) || excluded(within)) continue;
      if (included(within)) messages.push(report(textSymlink, 'link', { file: rel }));
      // A link to a folder (`zz-dirloop -> ..`) would hold texts the include patterns match: said once, never followed.
      else if (isDirectory(config, rel)) messages.push(report(textSymlink, 'folder', { file: rel }));
    }
  }
  return messages;
}

/** The first folder or file along a project path that is a symbolic link, if any. */
function linkOnPath(config: Config, rel: string): string | undefined {
  const parts = rel.split('/').filter((p) => p && p !== '.');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    try {
      if (lstatSync(absolute(config, prefix)).isSymbolicLink()) return prefix;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function isDirectory(config: Config, rel: string): boolean {
  try {
    return statSync(absolute(config, rel)).isDirectory();
  } catch {
    return false;
  }
}
