import { existsSync } from 'node:fs';
import { posix, relative, resolve as resolvePath, sep } from 'node:path';
import type { Config } from '../io/config.js';
import { ExitError } from '../core/errors.js';
import type { Sidecar } from '../core/schema.js';
import { diffEntries, type DiffResult, type DocumentDiff } from '../diff/entries.js';
import { matchSpans, prf } from '../core/scoring.js';
import { fileSide, gitSide, type Side } from '../diff/sides.js';

export { diffEntries, type ChangeKind, type DiffResult, type DocumentDiff, type EntryChange } from '../diff/entries.js';

const labelOf = (side: Side, path: string) => (path ? `${side.label}${side.label.endsWith('/') ? '' : '/'}${path}` : side.label);

function diffSides(a: Side, b: Side, wanted: (path: string) => boolean = () => true): DiffResult {
  const paths = [...new Set([...a.list(), ...b.list()])].filter(wanted).sort();
  const documents = paths.map((path): DocumentDiff => {
    const x = a.read(path);
    const y = b.read(path);
    const same = !x || !y || x.source.sha256 === y.source.sha256;
    return {
      path,
      // A file one side lacks is /dev/null there, as git names it.
      a: x ? labelOf(a, path) : '/dev/null',
      b: y ? labelOf(b, path) : '/dev/null',
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
  /** With `rev`: only these texts, sidecars, or folders of either (relative to `cwd`; default: all). */
  paths?: readonly string[];
  config?: Config;
}

export function diff(options: DiffOptions): DiffResult {
  if (options.rev) {
    if (!options.config) throw new ExitError('diff --rev needs a project');
    const here = options.config.annotations;
    return diffSides(
      gitSide(options.config, options.rev),
      fileSide(resolvePath(options.config.root, here), here),
      sidecarsNamed(options.config, options.cwd, options.paths ?? []),
    );
  }
  if (!options.a || !options.b) throw new ExitError('diff needs two sidecars or folders, or --rev REV');
  for (const p of [options.a, options.b]) if (!existsSync(resolvePath(options.cwd, p))) throw new ExitError(`${p}: no such file or folder`);
  const label = (p: string) => relative(options.cwd, resolvePath(options.cwd, p)).split(sep).join('/') || p;
  return diffSides(
    fileSide(resolvePath(options.cwd, options.a), label(options.a)),
    fileSide(resolvePath(options.cwd, options.b), label(options.b)),
  );
}

/**
 * Which sidecars (relative to the annotations folder) the paths name: a text or its sidecar, or a folder
 * of either. A path need not exist: a text deleted since the revision is still compared.
 */
function sidecarsNamed(config: Config, cwd: string, paths: readonly string[]): (sidecar: string) => boolean {
  if (paths.length === 0) return () => true;
  const named = paths.map((path) => {
    const rel = relative(config.root, resolvePath(cwd, path)).split(sep).join('/');
    for (const folder of [config.annotations, config.corpus]) {
      const inside = posix.relative(folder, rel);
      if (!inside.startsWith('..') && !posix.isAbsolute(inside)) return inside;
    }
    throw new ExitError(`${path}: neither in the corpus (${config.corpus}/) nor among the sidecars (${config.annotations}/)`);
  });
  return (sidecar) => named.some((n) => n === '' || sidecar === n || sidecar === `${n}.yaml` || sidecar.startsWith(`${n}/`));
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
  const wanted = options.rev ? sidecarsNamed(options.config!, options.cwd, options.paths ?? []) : () => true;
  for (const path of [...new Set([...sa.list(), ...sb.list()])].filter(wanted)) {
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
    .map(([type, c]) => ({ type, ...c, strictScore: prf(c.strict, c.b, c.a), partialScore: prf(c.partial, c.b, c.a) }));
}
