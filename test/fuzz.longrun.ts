// `npm run fuzz`: the suite's properties with many more runs (MARGINALIA_RUNS, default 10,000).
import fc from 'fast-check';
import { it } from 'vitest';
import { PROPERTY_RUNS, humanWorkSurvivesEdits } from './properties.js';

it(`human work survives edits and re-runs (${PROPERTY_RUNS} runs)`, async () => {
  await fc.assert(humanWorkSurvivesEdits(), { numRuns: PROPERTY_RUNS });
}, 3_600_000);
