import { defineConfig } from 'vitest/config';

/** `npm run fuzz`: the long property runs, kept out of the suite, and the kill test at full size. */
export default defineConfig({
  test: { include: ['test/**/*.longrun.ts', 'test/e2e/interrupt.test.ts'], testTimeout: 3_600_000 },
});
