import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternation } from '../../src/core/regexp.js';
import { wholeFormMatches } from '../../src/core/forms.js';
import { PROPERTY_RUNS } from '../properties.js';

/** The regular expression resolve used: the reference. */
function byRegExp(text: string, forms: readonly string[]) {
  const unique = [...new Set(forms)].filter((f) => f !== '');
  if (unique.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(unique)})(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(pattern)].map((m) => ({ index: m.index, form: m[0] }));
}

// Letters, digits, blanks and marks, astral letters and lone surrogates, and forms that are prefixes of one another.
const piece = fc.constantFrom(
  ...['Rusk', 'Rus', 'Dean Rusk', 'Dean', 'Ru', 'R', 'Diem', 'Nhu', 'Ngo Dinh Diem', 'Ngo', 'rusk', 'Über', 'É'],
  ...[' ', '  ', '\n', '.', ',', "'", '’', '-', '7', '1961', 'x', 'é', '😀', '𝐀', '𝐀bc', '\ud835', '\udc00', '(', ')'],
);
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const form = fc.oneof(
  piece,
  fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join('')),
);

describe('wholeFormMatches', () => {
  it('finds what the alternation of the forms finds, whole words, the longest first', () => {
    fc.assert(
      fc.property(text, fc.array(form, { maxLength: 8 }), (t, forms) => {
        expect(wholeFormMatches(t, forms)).toEqual(byRegExp(t, forms));
      }),
      { numRuns: PROPERTY_RUNS * 10 },
    );
  });

  it('takes the longest form at a place, never a part of a word, and goes on after a match', () => {
    const t = 'Dean Rusk met Rusk; Rusks and aRusk; Dean Rusk Dean';
    expect(wholeFormMatches(t, ['Rusk', 'Dean Rusk', 'Dean'])).toEqual([
      { index: 0, form: 'Dean Rusk' },
      { index: 14, form: 'Rusk' },
      { index: 37, form: 'Dean Rusk' },
      { index: 47, form: 'Dean' },
    ]);
    expect(wholeFormMatches('𝐀Rusk 😀Rusk', ['Rusk'])).toEqual(byRegExp('𝐀Rusk 😀Rusk', ['Rusk']));
  });
});
