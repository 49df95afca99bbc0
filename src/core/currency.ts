import type { Sidecar } from './schema.js';

/**
 * Whether a sidecar belongs to its text as the text is now: `stale` when the text changed since,
 * `outdated` when it did not but other rules or another model made the machine entries (known
 * only when the run's generator is given), else `current`. Every command asks this one question.
 */
export type SidecarState = 'current' | 'stale' | 'outdated';

export function sidecarState(sidecar: Pick<Sidecar, 'source' | 'generator'>, textSha256: string, generator?: string): SidecarState {
  if (sidecar.source.sha256 !== textSha256) return 'stale';
  return generator !== undefined && sidecar.generator !== generator ? 'outdated' : 'current';
}
