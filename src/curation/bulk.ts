import { readFileSync } from 'node:fs';
import { sha256Hex } from '../core/document.js';
import type { Entry } from '../core/schema.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Config } from '../io/config.js';
import { absolute, collectTargets } from '../io/project.js';
import { sidecarFromBytes, sidecarHeader } from '../io/sidecar-fast.js';
import { report } from '../rules/rule.js';
import { editConflict } from '../rules/runs.js';
import { EditError, editEntries, etagOf, unquote, type EditResult, type Write } from './edit.js';

/** A change to many entries: every `text` as `type` in the corpus rejected, or every auto entry of a type in one document accepted. */
export type Bulk = { kind: 'reject-text'; type: string; text: string } | { kind: 'accept-type'; sidecar: string; type: string };

export interface BulkPlan {
  /** Entries it changes. */
  count: number;
  sidecars: { sidecar: string; ids: string[]; etag: string }[];
  /** The ETag of the affected sidecars together: what the run must be given. */
  etag: string;
}

/** What a bulk change would do, writing nothing (the dry run). */
export function planBulk(config: Config, bulk: Bulk): BulkPlan {
  const paths = bulk.kind === 'accept-type' ? [bulk.sidecar] : collectTargets(config, [], config.root).map((t) => t.sidecar);
  const chosen = (e: Entry) =>
    e.type === bulk.type &&
    (bulk.kind === 'reject-text'
      ? e.text === bulk.text && e.status !== 'rejected' && e.status !== 'orphaned'
      : (e.status ?? 'auto') === 'auto');
  const sidecars: BulkPlan['sidecars'] = [];
  // Text YAML writes plainly (no quotes, escapes or line breaks) is in the bytes as it is: a sidecar without it is not parsed.
  const plain = bulk.kind === 'reject-text' && /^[^"'\\\n\r\t]+$/.test(bulk.text) ? bulk.text : undefined;
  for (const path of paths) {
    const bytes = readFileOr(absolute(config, path));
    if (bytes === undefined || (plain !== undefined && !bytes.includes(plain))) continue;
    // Planned from what the sidecar says of itself; editEntries proves it current before it writes.
    const file = sidecarFromBytes(path, bytes, sidecarHeader(bytes.toString('utf8', 0, 2048)).sha256 ?? '');
    if (!file.value) continue;
    const ids = file.value.entries.filter((e) => e.id !== undefined && chosen(e)).map((e) => e.id!);
    if (ids.length) sidecars.push({ sidecar: path, ids, etag: etagOf(bytes) });
  }
  const count = sidecars.reduce((n, s) => n + s.ids.length, 0);
  return { count, sidecars, etag: sha256Hex(sidecars.map((s) => `${s.sidecar}\u0000${s.etag}`).join('\n')) };
}

/** Run a bulk change planned with `planBulk`; `ifMatch` is the plan's ETag, so it changes exactly what the count said. */
export function runBulk(config: Config, bulk: Bulk, ifMatch: string): EditResult[] {
  const plan = planBulk(config, bulk);
  if (unquote(ifMatch) !== plan.etag)
    throw new EditError(
      'conflict',
      report(editConflict, 'stale', { file: config.annotations }, { sidecar: 'the corpus', given: unquote(ifMatch), actual: plan.etag }),
    );
  const op = bulk.kind === 'reject-text' ? 'reject' : 'accept';
  return plan.sidecars.map((s) =>
    editEntries(
      config,
      s.sidecar,
      s.ids.map((id) => ({ op, id })),
      { ifMatch: s.etag },
    ),
  );
}

/** Put back the bytes a last action replaced, only where the sidecar still holds what it wrote; otherwise nothing is restored. */
export function undoWrites(config: Config, writes: readonly Write[]): string[] {
  for (const w of writes) {
    const now = readFileOr(absolute(config, w.sidecar))?.toString('utf8');
    if (now !== w.after) throw new EditError('conflict', report(editConflict, 'undo', { file: w.sidecar }, { sidecar: w.sidecar }));
  }
  for (const w of writes) if (w.before !== w.after) writeFileAtomic(absolute(config, w.sidecar), w.before);
  return writes.map((w) => w.sidecar);
}

function readFileOr(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
