import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every core (vitest's default leaves one idle: half the suite's speed on two cores).
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // Worker threads run the built JavaScript, which v8 coverage of the sources does not see.
      exclude: ['src/pipeline/worker.ts', 'src/types/**'],
      reporter: ['text-summary'],
      thresholds: { lines: 92 },
    },
  },
});
