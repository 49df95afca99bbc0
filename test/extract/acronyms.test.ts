import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import { acronymsExtractor, spelledOut, wordsOf } from '../../src/extract/acronyms.js';
import { spelledOutByRegex } from '../reference/spelled-out.js';
import { extract, extractContext, rulePacks } from '../../src/extract/index.js';
import { resolve } from '../../src/pipeline/resolve.js';

const acronyms = async (text: string) => {
  const doc = new Document('corpus/t.txt', text);
  const extractor = acronymsExtractor(extractContext(rulePacks()));
  const candidates = await extract(doc, [extractor]);
  return {
    candidates,
    entries: resolve(doc, candidates)
      .filter((e) => e.type === 'acronym')
      .sort((a, b) => a.start - b.start)
      .map((e) => [e.text, e.value ?? null]),
  };
};

describe('acronyms: a word in capitals is that word', () => {
  it('takes NOTICE, LONDON and STALIN for words, keeps NATO and OTS, and a word the document defines as an acronym', async () => {
    const text =
      'Public NOTICE is given that the LONDON coach leaves at noon. STALIN was not discussed by NATO or the OTS. ' +
      'The Cooperative for American Relief Everywhere (CARE) sent food; CARE sent more.\n';
    const { candidates, entries } = await acronyms(text);
    expect(entries).toEqual([
      ['NATO', null],
      ['OTS', null],
      ['CARE', 'Cooperative for American Relief Everywhere'],
      ['CARE', 'Cooperative for American Relief Everywhere'],
    ]);
    // The tagger still reads them as it was trained to: evidence, never entries.
    expect(candidates.filter((c) => c.evidenceOnly).map((c) => text.slice(c.start, c.end))).toEqual(['NOTICE', 'LONDON', 'STALIN']);
  });
});

describe('acronyms: a document that writes words in capitals', () => {
  it('takes its undotted capitals for words (TWYFORD, OCR’s TLHNER), keeps dotted initials (M.P.) and what it expands', async () => {
    const text =
      'MARRIED, at Poole, Mr. John Kay to Miss Ann Scriven. SALE by AUCTION of the HOTEL FURNITURE on Monday. ' +
      'NOTICE is given that the SHAFTESBURY and TWYFORD coach, ' +
      'Thomas Bond, M.P., proprietor, leaves the LONDON Hotel daily. TLHNER and Co. Royal Humane Society (RHS) met; RHS gave.\n';
    const { candidates, entries } = await acronyms(text);
    expect(entries).toEqual([
      ['M.P.', null],
      ['RHS', 'Royal Humane Society'],
      ['RHS', 'Royal Humane Society'],
    ]);
    expect(candidates.filter((c) => c.evidenceOnly).map((c) => text.slice(c.start, c.end))).toEqual([
      'MARRIED',
      'SALE',
      'AUCTION',
      'HOTEL',
      'NOTICE',
      'TWYFORD',
      'LONDON',
      'TLHNER',
    ]);
  });
});

describe('the long form a text spells out', () => {
  it('is the one the first, regex-based search finds, on any text (property)', () => {
    const word = fc.oneof(
      fc.constantFrom(
        'Government',
        'of',
        'the',
        'Israel',
        'Israel,',
        '(Government',
        'United',
        'States',
        'Air',
        'Force',
        'für',
        'Und',
        'G2',
        '\n',
        '\t',
        'Ünited',
      ),
      fc.stringMatching(/^[A-Z][a-z]{0,4}$/),
      fc.string({ maxLength: 4 }),
    );
    const form = fc.stringMatching(/^[A-Z]{1,7}$/);
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 30 }),
        fc.array(form, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(' ', '  ', '\n', ' \t'),
        (words, forms, gap) => {
          const text = words.join(gap);
          const index = wordsOf(text);
          for (const f of [
            ...forms,
            words
              .filter((w) => /^[A-Z]/.test(w))
              .map((w) => w[0])
              .join('')
              .slice(0, 6),
          ])
            expect(spelledOut(text, f, index)).toBe(spelledOutByRegex(text, f));
        },
      ),
      { numRuns: Number(process.env.MARGINALIA_RUNS ?? 300) },
    );
  });
});
