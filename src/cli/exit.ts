import { statistics, type Message } from '../core/message.js';

/** The exit codes of every command (see the README): one policy, in one place. */
export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

/** What decides a command's exit code. */
export interface Outcome {
  messages?: readonly Message[];
  /** Texts that could not be annotated. */
  failed?: number;
  /** Two sets of annotations differ (`diff`). */
  differ?: boolean;
  /** A selection (`accept --text`, `index --types`) matched nothing: most likely a typo. */
  nothingMatched?: boolean;
  /** `train` would not write the adapted model (worse, or moving what nobody reviewed). */
  refused?: boolean;
  /** `check --max-warnings`: more warnings than this fail too. */
  maxWarnings?: number;
  interrupted?: boolean;
}

/** 130 when interrupted; 1 for errors, failed texts, differences, a selection that matched nothing, a refused model, or warnings over the limit; else 0. */
export function exitCodeOf(outcome: Outcome): number {
  if (outcome.interrupted) return EXIT.interrupted;
  const { error, warning } = statistics(outcome.messages ?? []);
  if (error > 0 || (outcome.failed ?? 0) > 0 || outcome.differ || outcome.nothingMatched || outcome.refused) return EXIT.findings;
  if (outcome.maxWarnings !== undefined && warning > outcome.maxWarnings) return EXIT.findings;
  return EXIT.ok;
}
