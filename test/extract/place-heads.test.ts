import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import { extractContext, rulePacks } from '../../src/extract/index.js';
import { placeHeadsExtractor } from '../../src/extract/place-heads.js';

const places = async (text: string) =>
  (await placeHeadsExtractor(extractContext(rulePacks())).extract(new Document('corpus/t.txt', text), [])).map((c) =>
    text.slice(c.start, c.end),
  );

describe('places by a lower-case head', () => {
  it('finds a name and its geographic head as 19th-century papers print them, without the article, across a broken line', async () => {
    expect(
      await places(
        'He farmed in Jackson county near Will’s creek. The Coosa river rose over Leesburg road and the Falls bridge; ' +
          'a lot on Broad street in Stuts¬\nman county.',
      ),
    ).toEqual(['Jackson county', 'Will’s creek', 'Coosa river', 'Leesburg road', 'Falls bridge', 'Broad street', 'Stuts¬\nman county']);
  });

  it('leaves a counting or qualifying word alone, a people with a road, and a head with no name before it', async () => {
    expect(
      await places(
        'Several square miles of the county. Public square was full. The river rose. In Some street. The North Vietnamese road.',
      ),
    ).toEqual([]);
  });
});
