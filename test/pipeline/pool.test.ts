import { describe, expect, it } from 'vitest';
import { WORKER_BYTES, largestFirst, workersFor } from '../../src/pipeline/pool.js';

describe('workers', () => {
  it('are started only for text enough to pay for them, never more than the jobs or the texts', () => {
    const small = Array.from({ length: 80 }, () => 4_000);
    expect(workersFor(2, small)).toBe(0);
    expect(workersFor(2, [WORKER_BYTES, WORKER_BYTES - 1])).toBe(0);
    expect(workersFor(2, [WORKER_BYTES, WORKER_BYTES])).toBe(2);
    expect(
      workersFor(
        4,
        Array.from({ length: 1300 }, () => 4_000),
      ),
    ).toBe(4);
    expect(workersFor(8, [WORKER_BYTES * 8, 10, 10])).toBe(3);
    expect(workersFor(1, [WORKER_BYTES * 8, 10])).toBe(0);
  });

  it('are started for any text when each needs no bytes (0), one per text at most', () => {
    expect(workersFor(2, [10, 10, 10], 0)).toBe(2);
    expect(workersFor(2, [10], 0)).toBe(0);
  });

  it('get the largest texts first, ties in corpus order', () => {
    expect(largestFirst([5, 100, 5, 7, 100])).toEqual([1, 4, 3, 0, 2]);
  });
});
