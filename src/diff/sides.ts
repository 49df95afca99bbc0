import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { posix, resolve as resolvePath } from 'node:path';
import { globSync } from 'tinyglobby';
import { ExitError } from '../core/errors.js';
import { SCHEMA_FILE, type Sidecar } from '../core/schema.js';
import type { Config } from '../io/config.js';
import { parseSidecar } from '../io/sidecar.js';

/** Where sidecars come from: the file system, or a git revision read without checking it out. */
export interface Side {
  label: string;
  /** Sidecar paths relative to the side's root. */
  list(): string[];
  read(path: string): Sidecar | undefined;
}

function parse(label: string, source: string): Sidecar {
  const parsed = parseSidecar(label, source);
  if (!parsed.value) {
    const m = parsed.messages[0]!;
    throw new ExitError(`${label}:${m.line ?? 1}:${m.column ?? 1}  ${m.message}`);
  }
  return parsed.value;
}

export function fileSide(path: string, label: string): Side {
  const isDir = existsSync(path) && statSync(path).isDirectory();
  return {
    label,
    list: () => (isDir ? globSync(['**/*.yaml'], { cwd: path, ignore: [`**/${SCHEMA_FILE}`] }).sort() : ['']),
    read(rel) {
      const full = rel ? resolvePath(path, rel) : path;
      if (!existsSync(full)) return undefined;
      const source = readFileSync(full, 'utf8');
      // git passes /dev/null for a file that does not exist on one side.
      return source.trim() === '' ? undefined : parse(rel ? posix.join(label, rel) : label, source);
    },
  };
}

/** The sidecars of a git revision, read without checking it out; labelled `REV:annotations/…`. */
export function gitSide(config: Config, rev: string): Side {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: config.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    } catch (error) {
      throw new ExitError(`git ${args.join(' ')}: ${String((error as { stderr?: string }).stderr ?? (error as Error).message).trim()}`);
    }
  };
  const prefix = git('rev-parse', '--show-prefix').trim();
  const folder = posix.join(prefix, config.annotations);
  return {
    label: `${rev}:${config.annotations}/`,
    list: () =>
      git('ls-tree', '-r', '--name-only', rev, '--', `${folder}/`)
        .split('\n')
        .filter((p) => p.endsWith('.yaml') && !p.endsWith(SCHEMA_FILE))
        .map((p) => posix.relative(folder, p)),
    read(rel) {
      try {
        return parse(
          `${rev}:${posix.join(config.annotations, rel)}`,
          execFileSync('git', ['show', `${rev}:./${posix.join(config.annotations, rel)}`], {
            cwd: config.root,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            maxBuffer: 1 << 30,
          }),
        );
      } catch (error) {
        if (error instanceof ExitError) throw error;
        return undefined;
      }
    },
  };
}
