import { describe, expect, it } from 'vitest';
import { applyConventions, conventionsOf, describeConvention, type Convention } from '../../src/pipeline/conventions.js';

const span = (text: string, phrase: string, type = 'person', by = 'nlp:tagger', from = 0) => {
  const start = text.indexOf(phrase, from);
  return { type, start, end: start + phrase.length, by };
};
const texts = (text: string, spans: readonly { start: number; end: number; type: string }[]) =>
  spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

describe('conventions: what a project counts as a name', () => {
  it('takes in the tokens beside a span by form or shape, across white space only', () => {
    const text = 'Letters from W. Stallings, Esq. and the Board of Works, to Springfield, Tenn. (sic)';
    const conventions: Convention[] = [
      { kind: 'extend', type: 'person', side: 'right', pieces: [',', 'Xx', '.'] },
      { kind: 'extend', type: 'org', side: 'left', pieces: ['the'] },
      { kind: 'join', type: 'place', pieces: [','] },
    ];
    const spans = [
      span(text, 'W. Stallings'),
      span(text, 'Board of Works', 'org'),
      span(text, 'Springfield', 'place'),
      span(text, 'Tenn', 'place'),
    ];
    expect(texts(text, applyConventions(text, spans, conventions))).toEqual([
      'person:W. Stallings, Esq.',
      'org:the Board of Works',
      'place:Springfield, Tenn',
    ]);
  });

  it('never takes in a token another span holds, and keeps a span of one token when trimming', () => {
    const text = 'Mr. Smith met Mr. Jones.';
    const spans = [span(text, 'Mr. Smith'), span(text, 'Jones', 'person', 'nlp:tagger', 10)];
    const extended = applyConventions(text, spans, [{ kind: 'extend', type: 'person', side: 'left', pieces: ['Xx', '.'] }]);
    expect(texts(text, extended)).toEqual(['person:Mr. Smith', 'person:Mr. Jones']);
    const trimmed = applyConventions(text, [span(text, 'Smith')], [{ kind: 'trim', type: 'person', side: 'left', pieces: ['Xx'] }]);
    expect(texts(text, trimmed)).toEqual(['person:Smith']);
    expect(texts(text, applyConventions(text, spans, [{ kind: 'trim', type: 'person', side: 'left', pieces: ['mr', '.'] }]))).toEqual([
      'person:Smith',
      'person:Jones',
    ]);
  });

  it('drops and retypes by extractor only', () => {
    const text = 'On May 1st Washington wrote from Washington.';
    const spans = [
      span(text, 'May 1st', 'date', 'rule:dates/month-day'),
      span(text, 'Washington', 'person'),
      span(text, 'Washington', 'person', 'rule:names', 20),
    ];
    const out = applyConventions(text, spans, [
      { kind: 'drop', type: 'date', by: 'rule:dates/month-day' },
      { kind: 'retype', type: 'person', by: 'rule:names', to: 'place' },
    ]);
    expect(out.map((s) => [s.type, s.start, s.end])).toEqual([
      ['person', 11, 21],
      ['place', 33, 43],
    ]);
  });

  it('reads only well-formed conventions from a model card, and says each in words', () => {
    const good: Convention = { kind: 'extend', type: 'person', side: 'right', pieces: [',', 'esq', '.'] };
    expect(conventionsOf([good, { kind: 'rewrite', type: 'x' }, 'drop', null, { kind: 'join', type: 'place', pieces: 'no' }])).toEqual([
      good,
    ]);
    expect(conventionsOf(undefined)).toEqual([]);
    expect(describeConvention(good)).toBe('person: takes in ", esq ." on its right');
    expect(describeConvention({ kind: 'drop', type: 'date', by: 'rule:dates/month-day' })).toBe(
      'date by rule:dates/month-day: not a name here',
    );
  });
});
