import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/tagger/model.js';
import { tokenize } from '../../src/tagger/tokens.js';
import { featurize, lexiconSets, type Hint } from '../../src/tagger/features.js';
import * as reference from '../reference/features/features.js';
import { REPO } from '../helpers.js';

// The features are hashed once per word form (src/tagger/word-facts.ts); the reference hashes every
// token's strings as they were first written. A model reads them by slot: they must agree bit for bit.
const model = loadModel();
const sets = lexiconSets(model.lexicon, model.period);
const same = (text: string, hints: Hint[] = []) => {
  const tokens = tokenize(text, sets.abbreviations);
  expect(featurize(tokens, sets, hints)).toEqual(reference.featurize(tokens, sets, hints));
};

describe('the features, hashed per word form', () => {
  it('are the reference features on every text of the bundled corpus (its first 50,000 characters)', () => {
    const dir = join(REPO, 'corpus');
    const texts = readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith('.txt'));
    expect(texts.length).toBeGreaterThan(10);
    for (const name of texts) same(readFileSync(join(dir, String(name)), 'utf8').slice(0, 50_000));
  });

  it('are the reference features with the rules’ hints, two-word names, capital lines and OCR forms', () => {
    const text =
      'NOTICE TO MARINERS\n\nMr. J. B. O’Brien of Santa Fe met the Secretary of State at Poole ſtreet exam-\nple. Wells & Co. paid.';
    same(text, [
      { type: 'person', start: 19, end: 34, by: 'rule:names/titled' },
      { type: 'place', start: 38, end: 46, by: 'rule:places' },
      { type: 'org', start: 111, end: 122 },
    ]);
  });

  it('are the reference features on any text (property)', () => {
    const word = fc.oneof(
      fc.constantFrom(
        'the',
        'The',
        'THE',
        'Mr.',
        'Santa',
        'Fe',
        'London',
        'of',
        'Co.',
        'J.',
        'ſaid',
        'exam-\nple',
        '1916',
        '.',
        ',',
        '\n\n',
      ),
      fc.string({ minLength: 1, maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.nat(), (words, at) => {
        const text = words.join(' ');
        same(text, text.length ? [{ type: 'place', start: at % text.length, end: text.length, by: 'rule:x' }] : []);
      }),
      { numRuns: Number(process.env.MARGINALIA_RUNS ?? 300) },
    );
  });
});
