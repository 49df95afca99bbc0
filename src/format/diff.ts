import type { ChalkInstance } from 'chalk';
import type { DiffResult, TypeAgreement } from '../commands/diff.js';
import type { Entry } from '../core/schema.js';

const show = (e: Entry) => `${e.type} ${e.start}-${e.end} "${e.text}"${e.value !== undefined ? ` = ${e.value}` : ''}`;

/** Per document, one line per added, removed or changed entry; then a count per type. */
export function formatDiffText(d: DiffResult, chalk: ChalkInstance): string {
  const lines: string[] = [];
  const perType = new Map<string, [number, number, number]>();
  const count = (type: string, i: 0 | 1 | 2) => {
    const row = perType.get(type) ?? [0, 0, 0];
    row[i]++;
    perType.set(type, row);
  };
  for (const doc of d.documents) {
    if (doc.added.length + doc.removed.length + doc.changed.length === 0) continue;
    lines.push(chalk.bold(`--- ${doc.a}`), chalk.bold(`+++ ${doc.b}`));
    for (const e of doc.removed) {
      lines.push(chalk.red(`- ${show(e)}`));
      count(e.type, 1);
    }
    for (const e of doc.added) {
      lines.push(chalk.green(`+ ${show(e)}`));
      count(e.type, 0);
    }
    for (const c of doc.changed) {
      lines.push(chalk.yellow(`~ ${show(c.before)} → ${show(c.after)}  (${c.changes.join(', ')})`));
      count(c.after.type, 2);
    }
  }
  if (perType.size === 0) lines.push('no differences');
  for (const [type, [added, removed, changed]] of [...perType].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`${type}: +${added} -${removed} ~${changed}`);
  return `${lines.join('\n')}\n`;
}

const f = (n: number) => n.toFixed(3);

/** A table of B's agreement with A, as INCEpTION and GATE report it. */
export function formatAgreementText(rows: readonly TypeAgreement[]): string {
  const header = `${'type'.padEnd(12)} ${'A'.padStart(5)} ${'B'.padStart(5)} ${'match'.padStart(5)}   strict P    R      F1    ${'overlap'.padStart(5)}  partial P    R      F1`;
  const body = rows.map(
    (r) =>
      `${r.type.padEnd(12)} ${String(r.a).padStart(5)} ${String(r.b).padStart(5)} ${String(r.strict).padStart(5)}   ${f(r.strictScore.precision)}  ${f(r.strictScore.recall)}  ${f(r.strictScore.f1)}  ${String(r.partial).padStart(7)}  ${f(r.partialScore.precision)}  ${f(r.partialScore.recall)}  ${f(r.partialScore.f1)}`,
  );
  return `${[header, ...body].join('\n')}\n`;
}
