/** A finding about a file, as data; formatters turn it into text at the edge. */
export interface Message {
  /** Path of the file the message is about, relative to the project root. */
  file: string;
  /** 1-based line and column (code points); absent when the message is about the whole file. */
  line?: number;
  column?: number;
  /** Code-point offset in the text the message is about, when it is about a place in a text. */
  offset?: number;
  severity: Severity;
  /** One line, made from the rule's template (rules/). */
  message: string;
  ruleId: string;
  /** Which of the rule's templates made it. */
  messageId?: string;
  /** The family of rules it comes from (check, sidecar, entry, text, yaml, …). */
  source?: string;
  /** The sidecar entry concerned, if any. */
  entryId?: string;
  /** The file could not be processed any further. */
  fatal?: boolean;
  /** More detail than the one line holds (a stack trace), for JSON output and bug reports. */
  note?: string;
}

export type Severity = 'error' | 'warning' | 'info';

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareMessages(a: Message, b: Message): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    severityRank[a.severity] - severityRank[b.severity] ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

export interface Statistics {
  error: number;
  warning: number;
  info: number;
}

export function statistics(messages: readonly Message[]): Statistics {
  const stats: Statistics = { error: 0, warning: 0, info: 0 };
  for (const m of messages) stats[m.severity]++;
  return stats;
}
