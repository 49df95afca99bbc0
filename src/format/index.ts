import type { ChalkInstance } from 'chalk';
import type { Message } from '../core/message.js';
import type { RuleMeta } from '../rules/registry.js';
import { formatMessagesGithub } from './github.js';
import { formatMessagesJson, formatMessagesText } from './messages.js';
import { formatMessagesSarif } from './sarif.js';

/** What a formatter of messages may use besides the messages. */
export interface FormatContext {
  chalk: ChalkInstance;
  /** What was looked at, for a summary line: "14 texts". */
  subject: string;
  version: string;
  rules: readonly RuleMeta[];
}

export type MessageFormatter = (messages: readonly Message[], context: FormatContext) => string;

/** The formats of `--format` for commands that report messages, like ESLint's formatters. */
export const MESSAGE_FORMATTERS = {
  text: formatMessagesText,
  json: formatMessagesJson,
  github: formatMessagesGithub,
  sarif: formatMessagesSarif,
} satisfies Record<string, MessageFormatter>;

export type MessageFormat = keyof typeof MESSAGE_FORMATTERS;
