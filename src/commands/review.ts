import { ExitError } from '../core/errors.js';
import { changeSidecar, EditError } from '../curation/edit.js';
import { currentUser } from '../io/user.js';
import type { Config } from '../io/config.js';
import type { Message } from '../core/message.js';
import { collectTargets } from '../io/project.js';
import { parsedSidecars } from '../io/read.js';
import type { Sidecar } from '../core/schema.js';

export interface ReviewOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  /** Who reviewed (default: git's user.name, else the OS user). */
  by?: string;
  /** Every sidecar of the project: required when no paths are given, so nothing is marked in bulk by accident. */
  all?: boolean;
  /** The day of the review, ISO 8601 (default: today). */
  at?: string;
  /** Take the mark away again. */
  undo?: boolean;
}

/** Mark sidecars reviewed (their entries complete and correct), or unmark them; rewritten atomically, nothing else changes. */
export function review(options: ReviewOptions): { changed: string[]; messages: Message[] } {
  const { config } = options;
  const messages: Message[] = [];
  const changed: string[] = [];
  if (!options.paths?.length && !options.all)
    throw new ExitError(
      `review ${options.undo ? '--undo ' : ''}changes the sidecars you name: give sidecars, texts or folders, or --all for every sidecar of the project`,
    );
  const by = options.by ?? currentUser(options.cwd ?? config.root);
  const mark = { ...(by ? { by } : {}), at: options.at ?? new Date().toISOString().slice(0, 10) };
  for (const { target, sidecar } of parsedSidecars(config, targetsOf(options), messages)) {
    if (options.undo ? !sidecar.reviewed : sidecar.reviewed) continue;
    const unmark = ({ sidecar: s }: { sidecar: Sidecar }): Sidecar => {
      const { reviewed: _old, ...rest } = s;
      return options.undo ? rest : { ...rest, reviewed: mark };
    };
    // Through the one edit engine: a stale sidecar's review would vouch for entries that no longer fit their text.
    try {
      changeSidecar(config, target.sidecar, unmark);
      changed.push(target.sidecar);
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      messages.push(error.detail);
    }
  }
  return { changed, messages };
}

export interface NextDocument {
  path: string;
  sidecar: string;
  /** The machine's doubt: the sum over its entries of (1 − confidence). */
  uncertainty: number;
  /** Machine entries a person has not decided on yet. */
  toReview: number;
}

/**
 * The unreviewed documents where the model is least sure, most doubtful first: an hour of
 * review there teaches the most. Entries without a confidence (the rules') count as sure.
 */
export function reviewNext(options: Omit<ReviewOptions, 'by' | 'at' | 'undo'> & { count?: number }): {
  documents: NextDocument[];
  messages: Message[];
} {
  const messages: Message[] = [];
  const documents: NextDocument[] = [];
  for (const { target, sidecar } of parsedSidecars(options.config, targetsOf(options), messages)) {
    if (sidecar.reviewed) continue;
    const auto = sidecar.entries.filter((e) => e.status === 'auto');
    const uncertainty = auto.reduce((sum, e) => sum + (e.confidence === undefined ? 0 : 1 - e.confidence), 0);
    documents.push({
      path: target.text,
      sidecar: target.sidecar,
      uncertainty: Math.round(uncertainty * 1000) / 1000,
      toReview: auto.length,
    });
  }
  documents.sort((a, b) => b.uncertainty - a.uncertainty || (a.path < b.path ? -1 : 1));
  return { documents: documents.slice(0, options.count ?? documents.length), messages };
}

const targetsOf = (options: { config: Config; paths?: readonly string[]; cwd?: string }) =>
  collectTargets(options.config, options.paths ?? [], options.cwd ?? options.config.root, true);
