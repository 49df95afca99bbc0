import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/extract/dates.js';
import { findMoney } from '../../src/extract/money.js';
import { noteStructure } from '../../src/extract/notes.js';
import { findReferences } from '../../src/extract/references.js';
import { trimSpan } from '../../src/extract/trim.js';
import { REPO } from '../helpers.js';

const spans = (text: string, found: { start: number; end: number }[]) => found.map((c) => text.slice(c.start, c.end));

describe('findDates(text)', () => {
  it.each([
    ['Berlin, 6 January 1986', '6 January 1986', '1986-01-06'],
    ['January 6, 1986', 'January 6, 1986', '1986-01-06'],
    ['from 26.11. - 4.12.1985 in Hanoi', '26.11. - 4.12.1985', '1985-11-26/1985-12-04'],
    ['the period 1945 - 1975, meeting', '1945 - 1975', '1945/1975'],
    ['in 1984/85 was', '1984/85', '1984/1985'],
    ['until the late 1970s', 'the late 1970s', '1976~/1979~'],
    ['the protocol of April 1984:', 'April 1984', '1984-04'],
    ['Agreement 28.10.1980"', '28.10.1980', '1980-10-28'],
    ['visited Hungary March 31–April 10, 1964.', 'March 31–April 10, 1964', '1964-03-31/1964-04-10'],
    ['on the 31st day of December, A. D., 1879', '31st day of December, A. D., 1879', '1879-12-31'],
  ])('%s → %s = %s', (text, span, value) => {
    const found = findDates(text);
    const longest = found.sort((a, b) => b.end - b.start - (a.end - a.start))[0]!;
    expect(text.slice(longest.start, longest.end)).toBe(span);
    expect(longest.value).toBe(value);
  });

  it('ignores numbers that are not dates', () => {
    expect(findDates('pages 757-759 and 2,500 men, telegram 1106')).toEqual([]);
  });
});

describe('findMoney(text)', () => {
  it.each([
    ['amounted to approx. 1.5 million marks.', '1.5 million marks', 1_500_000, 'DEM'],
    ['is valued at 700,000.- Marks. In', '700,000.- Marks', 700_000, 'DEM'],
    ['a loan of 17 million rubles', '17 million rubles', 17_000_000, 'RUB'],
    ['cost $2.5 million in', '$2.5 million', 2_500_000, 'USD'],
  ])('%s', (text, span, amount, currency) => {
    const [m] = findMoney(text);
    expect(text.slice(m!.start, m!.end)).toBe(span);
    expect([m!.amount, m!.currency]).toEqual([amount, currency]);
  });
});

describe('findReferences(text)', () => {
  it('splits a BStU signature into its parts', () => {
    const text = 'Wilson Center Digital Archive, BStU MfS Abt X 348, 257-259. Obtained for CWIHP';
    const [r] = findReferences(text);
    expect(text.slice(r!.start, r!.end)).toBe('BStU MfS Abt X 348, 257-259');
    expect(r!.parts).toEqual({ archive: 'BStU', collection: 'MfS Abt X', unit: '348', folios: '257-259' });
  });
  it('ends before the next sentence', () => {
    const text = 'and the files in BStU MfS Abt. X 346. Based on';
    expect(spans(text, findReferences(text))).toEqual(['BStU MfS Abt. X 346']);
  });
});

describe('trimSpan(text, start, end)', () => {
  it.each([
    ['Capt. Burger,', 'Capt. Burger'],
    ['Mr. Bigelow’s', 'Mr. Bigelow'],
    ["(Erich Mielke's)", 'Erich Mielke'],
    ['Frederick E. Nolting, Jr.', 'Frederick E. Nolting, Jr.'],
    ['the U.S.', 'the U.S.'],
  ])('%s → %s', (text, expected) => {
    const [s, e] = trimSpan(text, 0, text.length);
    expect(text.slice(s, e)).toBe(expected);
  });
});

describe('noteStructure(text)', () => {
  it('finds the journal sample’s markers and its compound notes without a heading', () => {
    const text = readFileSync(join(REPO, 'corpus/ptoj-2023-public-security-diplomacy-1945-1975.txt'), 'utf8');
    const { notes, markers } = noteStructure(text);
    expect(markers.map((m) => m.n)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(notes.map((n) => n.numbers)).toEqual([['1'], ['2', '5'], ['3'], ['4', '6', '7'], ['8'], ['9']]);
    expect(text.slice(notes[3]!.start, notes[3]!.end)).toMatch(
      /^Ministry of Public Security: Department of International Cooperation.*p\.12, 13, 19\.$/,
    );
    expect(text.slice(markers[0]!.start - 4, markers[0]!.end)).toBe('one”(1)');
  });

  it('finds a [1] footnote after the text and its marker after a quotation mark', () => {
    const text = readFileSync(join(REPO, 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt'), 'utf8');
    const { notes, markers } = noteStructure(text);
    expect(markers.map((m) => text.slice(m.start - 2, m.end))).toEqual(['."[1]']);
    expect(notes).toHaveLength(1);
    expect(text.slice(notes[0]!.start, notes[0]!.start + 10)).toBe('The H 18 w');
  });

  it('does not take body enumerators or editorial brackets for markers', () => {
    const text = [
      'Title of the memo(1)',
      '',
      '(1) The first point, which is an enumerator.',
      '',
      'He made three points: (1) that the plan [garble—19] works, (2) that Mdl [Ministry of Interior] agrees.',
      '',
      '[1 line of source text not declassified]',
      '',
      'Notes',
      '(1) Source: Department of State, Central Files.',
    ].join('\n');
    const { notes, markers } = noteStructure(text);
    expect(markers.map((m) => [m.n, m.start])).toEqual([['1', 17]]);
    expect(notes.map((n) => [n.numbers, text.slice(n.start, n.end)])).toEqual([[['1'], 'Source: Department of State, Central Files.']]);
  });

  it('reads a run of labelled paragraphs as notes only when the body points to them', () => {
    const text = 'Intro.\n\n(1) First step.\n\n(2) Second step.\n';
    expect(noteStructure(text).notes).toEqual([]);
  });
});

describe('noteStructure(text): marker and notes styles', () => {
  const found = (text: string) => {
    const { notes, markers } = noteStructure(text);
    return {
      markers: markers.map((m) => [m.n, text.slice(m.start, m.end)]),
      notes: notes.map((n) => [n.numbers.join(','), text.slice(n.start, n.end)]),
    };
  };

  it('reads superscript markers and a Footnotes list', () => {
    expect(found('He agreed.¹ She did not.²³\n\nFootnotes:\n¹ First.\n²³ Twenty-three.\n')).toEqual({
      markers: [
        ['1', '¹'],
        ['23', '²³'],
      ],
      notes: [
        ['1', 'First.'],
        ['23', 'Twenty-three.'],
      ],
    });
  });

  it('reads * and † only where a notes list defines them', () => {
    expect(found('A 5* rating and a claim.† More.\n\nEndnotes\n† See the file.\n')).toEqual({
      markers: [['†', '†']],
      notes: [['†', 'See the file.']],
    });
  });

  it('reads a footnote placed directly under its paragraph', () => {
    const text = 'The plan was adopted.[1]\n\n[1] See Document 5.\n\nLater the plan failed.[2]\n\n[2] Not found.\n';
    expect(found(text)).toEqual({
      markers: [
        ['1', '[1]'],
        ['2', '[2]'],
      ],
      notes: [
        ['1', 'See Document 5.'],
        ['2', 'Not found.'],
      ],
    });
  });

  it('takes a spaced marker followed by words only when a note defines it', () => {
    const text = 'Said either Khiem or SEPES (3) personnel, then (4) others.\n\nNotes\n(3) SEPES, the service.\n';
    expect(found(text).markers).toEqual([['3', '(3)']]);
  });

  it('reads a trailing [1] list without a heading even when nothing points to it', () => {
    expect(found('Memorandum\n\nText.\n\n[1] Source: Department of State.\n').notes).toEqual([['1', 'Source: Department of State.']]);
  });
});
