import { defineConfig } from 'vitest/config';

/** `npm run fuzz`: the long property runs, kept out of the suite. */
export default defineConfig({
  test: { include: ['test/**/*.longrun.ts'], testTimeout: 3_600_000 },
});
