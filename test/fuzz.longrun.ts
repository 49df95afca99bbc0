// `npm run fuzz`: the suite's properties with many more runs.
import fc from 'fast-check';
import { it } from 'vitest';
import { PARSER_PROPERTIES, PARSER_RUNS } from './parsers.js';
import { CURATION_RUNS, PROPERTY_RUNS, curationFigures, humanWorkSurvivesEdits, machineCurationSurvives } from './properties.js';

it(`human work survives edits and re-runs (${PROPERTY_RUNS} runs)`, async () => {
  await fc.assert(humanWorkSurvivesEdits(), { numRuns: PROPERTY_RUNS });
}, 3_600_000);

it(`hand edits of machine entries survive re-runs and text edits (${CURATION_RUNS} runs)`, async () => {
  await fc.assert(machineCurationSurvives(), { numRuns: CURATION_RUNS });
  console.log(`curation property: ${JSON.stringify(curationFigures)}`);
}, 3_600_000);

for (const [name, property] of Object.entries(PARSER_PROPERTIES)) {
  it(`${name} (${PARSER_RUNS} cases)`, async () => {
    await fc.assert(property, { numRuns: PARSER_RUNS });
  }, 3_600_000);
}
