import { describe, expect, it } from 'vitest';
import { sidecarState } from '../../src/core/currency.js';
import { prf, score } from '../../src/core/scoring.js';

describe('sidecarState', () => {
  const sidecar = { source: { path: 'corpus/a.txt', sha256: 'a'.repeat(64), length: 3 }, generator: 'g1' };
  it('is stale when the text changed, outdated when other rules made it, else current', () => {
    expect(sidecarState(sidecar, 'b'.repeat(64), 'g1')).toBe('stale');
    expect(sidecarState(sidecar, 'a'.repeat(64), 'g2')).toBe('outdated');
    expect(sidecarState(sidecar, 'a'.repeat(64), 'g1')).toBe('current');
    // Without a generator only the text is asked about.
    expect(sidecarState(sidecar, 'a'.repeat(64))).toBe('current');
  });
});

describe('prf, the one measure of eval, diff --agreement and train', () => {
  it('scores nothing to find and nothing found as perfect, an empty side as 0', () => {
    expect(prf(0, 0, 0)).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(prf(0, 3, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(prf(0, 0, 3)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(prf(2, 4, 2)).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3 });
    expect(score(1, 4, 2, true)).toEqual({ precision: null, recall: 0.5, f1: null });
  });
});
