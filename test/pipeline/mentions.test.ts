import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordStarts, leadingWord, wordsBefore } from '../../src/pipeline/mentions.js';
import { PROPERTY_RUNS } from '../properties.js';

const isWordUnit = (text: string, at: number) => /^[\p{L}\p{N}]/u.test(text.slice(at, at + 1));

/** Every place a form occurs that no word character (one UTF-16 unit) precedes nor follows its leading word: by a scan. */
function byScan(text: string, form: string): number[] {
  const out: number[] = [];
  const word = leadingWord(form);
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1))
    if ((at === 0 || !isWordUnit(text, at - 1)) && (word === '' || !isWordUnit(text, at + word.length))) out.push(at);
  return out;
}

const piece = fc.constantFrom(
  ...['Rusk', 'Rus', 'Dean Rusk', 'Dean', 'in ', 'at ', 'O', "'Brien", 'Diem', 'rusk', 'Über', 'É', ' ', '\n', '.', "'", '-'],
  ...['7', 'x', 'é', '😀', '𝐀', '\ud835', '\udc00'],
);
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const form = fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join(''));

describe('WordStarts', () => {
  it('finds every place a form can be a mention (whole leading word, nothing word-like before), as a scan does', () => {
    fc.assert(
      fc.property(text, fc.array(form, { minLength: 1, maxLength: 5 }), fc.boolean(), (t, forms, askAll) => {
        const index = new WordStarts(t, new Set((askAll ? forms : forms.slice(1)).map(leadingWord)));
        for (const f of forms) expect(index.occurrences(f).sort((a, b) => a - b)).toEqual(byScan(t, f));
      }),
      { numRuns: PROPERTY_RUNS * 10 },
    );
  });

  it("knows a form's leading word: letters and digits of one unit each", () => {
    expect(leadingWord('Dean Rusk')).toBe('Dean');
    expect(leadingWord("O'Brien")).toBe('O');
    expect(leadingWord('𝐀bc')).toBe('');
    expect(leadingWord('-x')).toBe('');
  });
});

describe('wordsBefore', () => {
  /** The regular expression resolve used: the reference. */
  const byRegExp = (text: string, form: string) =>
    [...text.matchAll(new RegExp(String.raw`(\p{Lu}[\p{L}.]*)\s+${form}(?![\p{L}\p{N}])`, 'gu'))].map((m) => m[1]);
  const around = fc.constantFrom(
    ...['Berlin', 'Berliner', 'Mr.', 'J.', 'Lord', 'von', 'the', 'Ü', 'éB', '𝐀', '𝐀b', '😀', '\ud835', '\udc00', 'x.Y'],
    ...[' ', '  ', '\n', '\u00a0', '\u2003', '.', ',', '7', "'", 'Berlin Berlin'],
  );

  it('captures the words the regular expression captures before a form, match after match', () => {
    fc.assert(
      fc.property(fc.array(around, { maxLength: 25 }), fc.constantFrom('Berlin', 'Poole'), (pieces, form) => {
        const t = pieces.join('');
        expect(wordsBefore(t, form)).toEqual(byRegExp(t, form));
      }),
      { numRuns: PROPERTY_RUNS * 10 },
    );
  });

  it('takes the leftmost capital of the word, and no word a match already took', () => {
    expect(wordsBefore('xMr. Berlin and Lord Berlin Berlin Berlin', 'Berlin')).toEqual(['Mr.', 'Lord', 'Berlin']);
  });
});
