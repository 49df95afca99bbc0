import { Chalk, type ChalkInstance } from 'chalk';

/** Colour only on a terminal, never with NO_COLOR set. */
export function makeChalk(isTTY: boolean, env: NodeJS.ProcessEnv): ChalkInstance {
  const enabled = isTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  return new Chalk({ level: enabled ? 1 : 0 });
}
