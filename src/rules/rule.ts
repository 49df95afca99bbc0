import type { Message, Severity } from '../core/message.js';

/** What a rule says of itself, like an ESLint rule's meta: read by `--list-rules`, SARIF, the config and the tests. */
export interface RuleMeta<M extends string = string> {
  id: string;
  severity: Severity;
  description: string;
  /** What a user does about it. */
  help: string;
  /** Where its messages come from: the command family that reports it. */
  source: 'check' | 'sidecar' | 'entry' | 'text' | 'yaml' | 'annotate' | 'curate' | 'authority' | 'import' | 'config' | 'eval';
  /** Templates by message id, with `{{placeholders}}` filled from the report's data. */
  messages: Record<M, string>;
  /** Off unless the config gives it a severity. */
  optional?: boolean;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
}

export const defineRule = <M extends string>(meta: RuleMeta<M>): Rule<M> => ({ meta });

/** Where a message points: a file, and a place in it when there is one. */
export interface Where {
  file: string;
  line?: number;
  column?: number;
  /** Code-point offset in the text the message is about. */
  offset?: number;
  entryId?: string;
  /** Stops the processing of that file. */
  fatal?: boolean;
}

export type Data = Record<string, string | number>;

/** Quotes from a text longer than this are cut. */
const MAX_QUOTE = 60;

/** A value as it goes into a one-line message: line breaks and tabs escaped; a quote cut when long. */
export function oneLine(value: string | number, quote = false): string {
  const text = String(value).replace(/\r\n|[\r\n\t]/g, (c) => (c === '\t' ? '\\t' : '\\n'));
  if (!quote) return text;
  const chars = [...text];
  return chars.length > MAX_QUOTE ? `${chars.slice(0, MAX_QUOTE - 1).join('')}…` : text;
}

/** A template with its placeholders filled; a placeholder in quotes (`"{{text}}"`) is a quote, cut when long. */
export function render(template: string, data: Data = {}): string {
  return template.replace(/"\{\{\s*(\w+)\s*\}\}"|\{\{\s*(\w+)\s*\}\}/g, (_, quoted: string | undefined, plain: string | undefined) => {
    const key = (quoted ?? plain)!;
    if (!(key in data)) throw new Error(`message template "${template}": no value for {{${key}}}`);
    return quoted ? `"${oneLine(data[key]!, true)}"` : oneLine(data[key]!);
  });
}

/** The message a rule reports, at the rule's default severity (the config's policy is applied later, once). */
export function report<M extends string>(rule: Rule<M>, messageId: M, where: Where, data?: Data): Message {
  const { meta } = rule;
  return {
    ...definedOnly(where),
    severity: meta.severity,
    message: render(meta.messages[messageId], data),
    ruleId: meta.id,
    messageId,
    source: meta.source,
  };
}

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
