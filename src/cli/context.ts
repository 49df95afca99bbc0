import type { ChalkInstance } from 'chalk';
import type { RuleMeta } from '../rules/registry.js';
import type { Message } from '../core/message.js';
import type { Config } from '../io/config.js';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** Called with a handler to run on Ctrl-C; returns a function that removes it. */
  onInterrupt?: (handler: () => void) => () => void;
}

/** What every command's action works with: the streams, the lazily loaded kit, and the exit code. */
export interface Cli {
  io: Io;
  out(s: string): void;
  err(s: string): void;
  kit: typeof import('./kit.js');
  chalk: ChalkInstance;
  /** The project's config; `optional`: the defaults outside a project (eval). */
  config(options?: { optional?: boolean }): Config;
  formatMessages(format: string, messages: readonly Message[], subject: string, rules?: readonly RuleMeta[]): string;
  /** Messages beside a command's main output go to standard error, as text. */
  reportAside(messages: readonly Message[], subject: string): void;
  exit(code: number): void;
}
