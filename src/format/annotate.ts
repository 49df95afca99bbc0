import type { ChalkInstance } from 'chalk';
import type { AnnotateResult } from '../commands/annotate.js';
import { formatMessagesText, plural } from './messages.js';

/** The messages, the entries added (with `--review`), and a one-line summary of an annotate run. */
export function formatAnnotateText(result: AnnotateResult, chalk: ChalkInstance): string {
  const count = (status: string) => result.files.filter((f) => f.status === status).length;
  const parts: string[] = [];
  if (result.messages.length) parts.push(formatMessagesText(result.messages, { chalk, subject: plural(result.files.length, 'text') }));
  for (const file of result.files.filter((f) => f.added)) {
    parts.push(`${chalk.bold(file.target.sidecar)}\n`);
    for (const e of file.added!)
      parts.push(`  + ${e.id}  ${e.type} ${e.start}-${e.end} "${e.text}"${e.value ? ` = ${e.value}` : ''}  ${chalk.dim(e.by)}\n`);
  }
  const skipped = count('skipped') ? `, ${count('skipped')} skipped` : '';
  const done = result.interrupted ? `${result.files.length} of ${plural(result.total, 'text')}` : plural(result.files.length, 'text');
  // `unchanged` texts were extracted again (--force, or a sidecar not current) and gave the same bytes;
  // `current` ones were not extracted at all: a summary that lumps them would say nothing was done.
  const reextracted = count('unchanged') ? `${count('unchanged')} re-extracted with unchanged bytes, ` : '';
  const current = count('current') || !reextracted ? `${count('current')} unchanged, ` : '';
  parts.push(
    `${done}: ${count('written')} written, ${reextracted}${current}${count('failed')} failed${skipped}${result.interrupted ? ' (interrupted)' : ''}\n`,
  );
  return parts.join('');
}
