import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PARSER_PROPERTIES, PARSER_RUNS } from '../parsers.js';

describe(`parsers on arbitrary text (${PARSER_RUNS} cases each)`, () => {
  for (const [name, property] of Object.entries(PARSER_PROPERTIES)) {
    it(
      name,
      async () => {
        await fc.assert(property, { numRuns: PARSER_RUNS });
      },
      120_000,
    );
  }
});
