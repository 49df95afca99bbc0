import type { Config } from '../io/config.js';
import { ExitError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { collectTargets } from '../io/project.js';
import { parsedSidecars } from '../io/read.js';
import type { Entry } from '../core/schema.js';
import { EditError, editEntries } from '../curation/edit.js';
import { report } from '../rules/rule.js';
import { curateUnknownId } from '../rules/runs.js';

export interface Selector {
  ids?: readonly string[];
  type?: string;
  /** Exact text of the span. */
  text?: string;
}

export interface CurateOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  decision: 'accepted' | 'rejected';
  select: Selector;
}

export interface CurateResult {
  /** Entries whose status changed, per sidecar. */
  changed: { sidecar: string; entries: Entry[] }[];
  messages: Message[];
  /** Ids given that no entry has. */
  unknownIds: string[];
}

const matches = (e: Entry, s: Selector) =>
  (!s.ids?.length || (e.id !== undefined && s.ids.includes(e.id))) &&
  (s.type === undefined || e.type === s.type) &&
  (s.text === undefined || e.text === s.text);

/** Accept or reject entries by id, type or text, through the edit engine (current, valid sidecars only); nothing else changes. */
export function curate(options: CurateOptions): CurateResult {
  const { config, select } = options;
  if (!select.ids?.length && select.type === undefined && select.text === undefined)
    throw new ExitError('say which entries: --id, --type or --text');
  const changed: CurateResult['changed'] = [];
  const messages: Message[] = [];
  const sidecars = [...parsedSidecars(config, collectTargets(config, options.paths ?? [], options.cwd ?? config.root, true), messages)];
  const ids = select.ids ?? [];
  // An id is made from a type and a text, so the same one recurs across documents: without a path it must name one sidecar.
  const holders = new Map(ids.map((id) => [id, sidecars.filter(({ sidecar }) => sidecar.entries.some((e) => e.id === id))]));
  if (!options.paths?.length)
    for (const [id, found] of holders)
      if (found.length > 1)
        throw new ExitError(
          `id ${id} names entries of ${found.length} sidecars (${found.map((f) => f.target.sidecar).join(', ')}): give the sidecar's path, or select in bulk with --type and --text`,
        );
  const unknownIds = ids.filter((id) => holders.get(id)!.length === 0);
  messages.push(
    ...unknownIds.map((id) => report(curateUnknownId, 'unknown', { file: options.paths?.join(' ') || config.annotations }, { id })),
  );
  const op = options.decision === 'accepted' ? 'accept' : 'reject';
  for (const { target, sidecar } of sidecars) {
    const chosen = sidecar.entries.filter(
      (e) => e.id !== undefined && matches(e, select) && e.status !== options.decision && e.status !== 'orphaned',
    );
    if (chosen.length === 0) continue;
    // Through the one edit engine: a stale or invalid sidecar is refused and said, never rewritten.
    try {
      editEntries(
        config,
        target.sidecar,
        chosen.map((e) => ({ op, id: e.id! })),
      );
      changed.push({ sidecar: target.sidecar, entries: chosen.map((e) => ({ ...e, status: options.decision })) });
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      messages.push(error.detail);
    }
  }
  return { changed, messages, unknownIds };
}
