import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
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
