import type { Config } from '../io/config.js';
import type { Message } from '../core/message.js';
import { collectTargets } from '../io/project.js';
import { parsedSidecars } from '../io/read.js';
import { report } from '../rules/rule.js';
import { selectionEmpty } from '../rules/runs.js';

/** A bulk selection of `accept` or `reject`: every entry of a type, with a text, or both. */
export interface BulkSelection {
  type?: string;
  text?: string;
}

/**
 * The entries a bulk selection names, whatever their status: tells a selection that matched
 * nothing (a typo; said, and a non-zero exit) from one whose entries were decided already.
 */
export function countSelected(config: Config, paths: readonly string[], cwd: string, select: BulkSelection): number {
  const sidecars = parsedSidecars(config, collectTargets(config, paths, cwd, true), []);
  let n = 0;
  for (const { sidecar } of sidecars)
    for (const e of sidecar.entries)
      if ((select.type === undefined || e.type === select.type) && (select.text === undefined || e.text === select.text)) n++;
  return n;
}

/** The message for a bulk selection that matched no entry. */
export function nothingSelected(config: Config, paths: readonly string[], select: BulkSelection, decision: string): Message {
  const entry = select.type === undefined ? 'entry' : `${select.type} entry`;
  const selection = select.text === undefined ? `no ${entry}` : `no ${entry} has the text "${select.text}"`;
  return report(selectionEmpty, 'curate', { file: paths.join(' ') || config.annotations }, { selection, decision });
}
