import type { ChalkInstance } from 'chalk';
import type { DiffResult } from '../commands/diff.js';
import type { Entry } from '../schema.js';

const show = (e: Entry) => `${e.type} ${e.start}-${e.end} "${e.text}"${e.value !== undefined ? ` = ${e.value}` : ''}`;

/** One line per added, removed or changed entry, then a count per type. */
export function formatDiffText(d: DiffResult, chalk: ChalkInstance): string {
  const lines = [`--- ${d.a}`, `+++ ${d.b}`];
  for (const e of d.removed) lines.push(chalk.red(`- ${show(e)}`));
  for (const e of d.added) lines.push(chalk.green(`+ ${show(e)}`));
  for (const c of d.changed) lines.push(chalk.yellow(`~ ${show(c.before)} → ${show(c.after)}  (${c.changes.join(', ')})`));
  const perType = new Map<string, [number, number, number]>();
  const count = (type: string, i: 0 | 1 | 2) => {
    const row = perType.get(type) ?? [0, 0, 0];
    row[i]++;
    perType.set(type, row);
  };
  d.added.forEach((e) => count(e.type, 0));
  d.removed.forEach((e) => count(e.type, 1));
  d.changed.forEach((c) => count(c.after.type, 2));
  if (perType.size === 0) lines.push('no differences');
  for (const [type, [added, removed, changed]] of [...perType].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${type}: +${added} -${removed} ~${changed}`);
  }
  return `${lines.join('\n')}\n`;
}
