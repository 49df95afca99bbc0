import type { ChalkInstance } from 'chalk';
import { compareMessages, statistics, type Message } from '../core/message.js';

export interface ReportContext {
  chalk: ChalkInstance;
  /** What was looked at, for the summary line: "14 texts". */
  subject: string;
}

/** `path:line:col  severity  message  rule-id`, one per line, then a summary. */
export function formatMessagesText(messages: readonly Message[], { chalk, subject }: ReportContext): string {
  const sorted = [...messages].sort(compareMessages);
  const lines = sorted.map((m) => {
    const place = m.line ? `${m.file}:${m.line}:${m.column ?? 1}` : m.file;
    const severity = m.severity === 'error' ? chalk.red('error') : m.severity === 'warning' ? chalk.yellow('warning') : chalk.blue('info');
    return `${place}  ${severity}  ${m.message}  ${chalk.dim(m.ruleId)}`;
  });
  const s = statistics(messages);
  const summary =
    s.error + s.warning === 0
      ? chalk.green(`✓ ${subject}: no problems`)
      : `${subject}: ${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}`;
  return [...lines, summary].join('\n') + '\n';
}

export function formatMessagesJson(messages: readonly Message[]): string {
  return `${JSON.stringify([...messages].sort(compareMessages), null, 2)}\n`;
}

/** `1 text`, `2 texts`, `3 entries`. */
export const plural = (n: number, word: string) => `${n} ${n === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;
