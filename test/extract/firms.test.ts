import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import { extractContext, rulePacks } from '../../src/extract/index.js';
import { firmsExtractor } from '../../src/extract/firms.js';

const firms = async (text: string) =>
  (await firmsExtractor(extractContext(rulePacks())).extract(new Document('corpus/t.txt', text), [])).map((c) =>
    text.slice(c.start, c.end),
  );

describe('firms', () => {
  it('finds firms, schools, churches and troops by a lower-case or abbreviated head, without the article before them', async () => {
    expect(
      await firms(
        'The Della Pringle company played. Jenkins & Darwin Bros sold it to R. P. Morgan Produce Co. and Whitman college. ' +
          'Loris troop camped; the Presbyterian church rang.',
      ),
    ).toEqual([
      'Della Pringle company',
      'Jenkins & Darwin Bros',
      'R. P. Morgan Produce Co.',
      'Whitman college',
      'Loris troop',
      'Presbyterian church',
    ]);
  });

  it('finds partnerships: surnames joined by `&`, not inside a firm with a head word', async () => {
    expect(await firms('Stephens & Trammel sold suits made by Hart, Schaffner & Marx; Jenkins & Darwin Bros bought.')).toEqual([
      'Jenkins & Darwin Bros',
      'Stephens & Trammel',
      'Hart, Schaffner & Marx',
    ]);
  });

  it('finds no firm in a people and a head word, nor in a head word alone', async () => {
    expect(await firms('An American company came. The company left.')).toEqual([]);
  });
});
