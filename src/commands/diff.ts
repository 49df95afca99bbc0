import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { posix, relative, resolve as resolvePath, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Config } from '../io/config.js';
import { ExitError } from '../core/errors.js';
import { SCHEMA_FILE, VALUE_KEYS, type Entry, type Sidecar } from '../core/schema.js';
import { parseSidecar } from '../io/sidecar.js';
import { matchSpans } from '../core/scoring.js';

export type ChangeKind = 'type' | 'span' | 'text' | 'value';

export interface EntryChange {
  before: Entry;
  after: Entry;
  changes: ChangeKind[];
}

export interface DocumentDiff {
  /** The sidecar's path relative to the compared folders (or the file names given). */
  path: string;
  a: string;
  b: string;
  added: Entry[];
  removed: Entry[];
  changed: EntryChange[];
}

export interface DiffResult {
  documents: DocumentDiff[];
}

const COMPARED_KEYS = [...VALUE_KEYS, 'status'] as const;
const spanKey = (e: Entry) => `${e.type}\u0000${e.start}\u0000${e.end}\u0000${e.n ?? ''}`;
const quoteKey = (e: Entry) => `${e.type}\u0000${e.text}\u0000${e.n ?? ''}`;
const overlaps = (a: Entry, b: Entry) => a.start < b.end && b.start < a.end;
const valueOf = (e: Entry) => JSON.stringify(COMPARED_KEYS.map((k) => e[k] ?? null));

/**
 * Entry-level difference of two entry lists. Entries pair by type and span, then (when the
 * texts differ) by type and quote in order, or by their context, then by id, then by overlap;
 * the rest was added or removed. When the texts differ, offsets that merely moved with the text are no change.
 */
export function diffEntries(a: readonly Entry[], b: readonly Entry[], sameText = true): Omit<DocumentDiff, 'path' | 'a' | 'b'> {
  const restA = new Set(a);
  const restB = new Set(b);
  const changed: EntryChange[] = [];
  const pair = (x: Entry, y: Entry) => {
    restA.delete(x);
    restB.delete(y);
    const changes: ChangeKind[] = [];
    if (x.type !== y.type) changes.push('type');
    if (x.text !== y.text) changes.push(x.start === y.start && x.end === y.end ? 'text' : 'span');
    else if (sameText && (x.start !== y.start || x.end !== y.end)) changes.push('span');
    if (valueOf(x) !== valueOf(y)) changes.push('value');
    if (changes.length) changed.push({ before: x, after: y, changes });
  };
  const pairBy = (key: (e: Entry) => string | undefined) => {
    const index = new Map<string, Entry[]>();
    for (const y of restB) {
      const k = key(y);
      if (k !== undefined) index.set(k, [...(index.get(k) ?? []), y]);
    }
    for (const x of [...restA]) {
      const k = key(x);
      const y = k === undefined ? undefined : index.get(k)?.find((c) => restB.has(c));
      if (y) pair(x, y);
    }
  };
  pairBy(spanKey);
  if (!sameText) {
    pairBy(quoteKey);
    // An entry whose text was corrected keeps its surroundings.
    pairBy((e) => (e.prefix ? `${e.type}\u0000<${e.prefix.slice(-8)}` : undefined));
    pairBy((e) => (e.suffix ? `${e.type}\u0000>${e.suffix.slice(0, 8)}` : undefined));
  }
  pairBy((e) => e.id);
  for (const sameType of [true, false]) {
    for (const x of [...restA]) {
      const y = [...restB].find((c) => overlaps(x, c) && (c.type === x.type) === sameType);
      if (y) pair(x, y);
    }
  }
  const byStart = (p: Entry, q: Entry) => p.start - q.start || p.type.localeCompare(q.type);
  return { added: [...restB].sort(byStart), removed: [...restA].sort(byStart), changed: changed.sort((p, q) => byStart(p.after, q.after)) };
}

/** Where sidecars come from: the file system, or a git revision read without checking it out. */
interface Side {
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

function fileSide(path: string, label: string): Side {
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

function gitSide(config: Config, rev: string): Side {
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
    label: rev,
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

function diffSides(a: Side, b: Side): DiffResult {
  const paths = [...new Set([...a.list(), ...b.list()])].sort();
  const documents = paths.map((path): DocumentDiff => {
    const x = a.read(path);
    const y = b.read(path);
    const same = !x || !y || x.source.sha256 === y.source.sha256;
    return {
      path,
      a: path ? posix.join(a.label, path) : a.label,
      b: path ? posix.join(b.label, path) : b.label,
      ...diffEntries(x?.entries ?? [], y?.entries ?? [], same),
    };
  });
  return { documents };
}

export interface DiffOptions {
  cwd: string;
  /** Two sidecar files or two folders of sidecars. */
  a?: string;
  b?: string;
  /** Compare the working tree's sidecars with this git revision's. */
  rev?: string;
  config?: Config;
}

export function diff(options: DiffOptions): DiffResult {
  if (options.rev) {
    if (!options.config) throw new ExitError('diff --rev needs a project');
    const here = options.config.annotations;
    return diffSides(gitSide(options.config, options.rev), fileSide(resolvePath(options.config.root, here), here));
  }
  if (!options.a || !options.b) throw new ExitError('diff needs two sidecars or folders, or --rev REV');
  for (const p of [options.a, options.b]) if (!existsSync(resolvePath(options.cwd, p))) throw new ExitError(`${p}: no such file or folder`);
  const label = (p: string) => relative(options.cwd, resolvePath(options.cwd, p)).split(sep).join('/') || p;
  return diffSides(
    fileSide(resolvePath(options.cwd, options.a), label(options.a)),
    fileSide(resolvePath(options.cwd, options.b), label(options.b)),
  );
}

export const isSame = (d: DiffResult) => d.documents.every((doc) => doc.added.length + doc.removed.length + doc.changed.length === 0);

export interface TypeAgreement {
  type: string;
  /** Entries in A (the reference) and in B. */
  a: number;
  b: number;
  strict: number;
  partial: number;
  strictScore: { precision: number; recall: number; f1: number };
  partialScore: { precision: number; recall: number; f1: number };
}

const prf = (matched: number, a: number, b: number) => {
  const precision = b ? matched / b : a ? 0 : 1;
  const recall = a ? matched / a : b ? 0 : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Per-type precision, recall and F1 of B against A, strict and partial (overlap), over every document. */
export function agreement(options: DiffOptions): TypeAgreement[] {
  const sides = options.rev
    ? [
        gitSide(options.config!, options.rev),
        fileSide(resolvePath(options.config!.root, options.config!.annotations), options.config!.annotations),
      ]
    : [fileSide(resolvePath(options.cwd, options.a!), options.a!), fileSide(resolvePath(options.cwd, options.b!), options.b!)];
  const [sa, sb] = sides as [Side, Side];
  const live = (s: Sidecar | undefined) => (s?.entries ?? []).filter((e) => e.status !== 'rejected' && e.status !== 'orphaned');
  const counts = new Map<string, { a: number; b: number; strict: number; partial: number }>();
  for (const path of [...new Set([...sa.list(), ...sb.list()])]) {
    const x = live(sa.read(path));
    const y = live(sb.read(path));
    for (const type of new Set([...x, ...y].map((e) => e.type))) {
      const ex = x.filter((e) => e.type === type);
      const ey = y.filter((e) => e.type === type);
      const m = matchSpans(ex, ey);
      const c = counts.get(type) ?? { a: 0, b: 0, strict: 0, partial: 0 };
      counts.set(type, { a: c.a + ex.length, b: c.b + ey.length, strict: c.strict + m.strict, partial: c.partial + m.fuzzy });
    }
  }
  return [...counts]
    .sort(([p], [q]) => p.localeCompare(q))
    .map(([type, c]) => ({ type, ...c, strictScore: prf(c.strict, c.a, c.b), partialScore: prf(c.partial, c.a, c.b) }));
}
