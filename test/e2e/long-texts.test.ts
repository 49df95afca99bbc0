// Long texts: the linear algorithms give exactly the results of the pairwise ones they replace,
// and nothing is lost on big texts. Behaviour only: speed is measured by `npm run bench -- --long`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import { findNamedEntities, sentencesOf } from '../../src/extract/nlp.js';
import { noteStructure } from '../../src/extract/notes.js';
import { boundedWindows } from '../../src/extract/windows.js';
import type { Candidate } from '../../src/extract/types.js';
import { DisjointSpans, SortedSpans } from '../../src/core/intervals.js';
import { resolve } from '../../src/pipeline/resolve.js';
import { entriesYaml } from '../../src/io/yaml-entries.js';
import { stringify } from 'yaml';
import { noteStructure as noteStructureRescan } from '../reference/notes-rescan.js';
import { resolve as resolvePairwise } from '../reference/resolve-pairwise.js';

const RUNS = Math.min(300, Number(process.env.MARGINALIA_RUNS ?? 300));

const span = fc.tuple(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 12 })).map(([start, length]) => ({ start, end: start + length }));

describe('interval indexes', () => {
  it('DisjointSpans answers overlap queries like a scan of the spans added', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), (spans) => {
        const index = new DisjointSpans(spans);
        const added: { start: number; end: number }[] = [];
        for (const s of spans) {
          const overlaps = added.some((a) => a.start < s.end && s.start < a.end);
          expect(index.overlaps(s.start, s.end)).toBe(overlaps);
          if (!overlaps) {
            index.add(s);
            added.push(s);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('SortedSpans finds the span overlapping or containing a place like a scan does', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), span, (spans, q) => {
        const disjoint: { start: number; end: number }[] = [];
        for (const s of spans) if (!disjoint.some((a) => a.start < s.end && s.start < a.end)) disjoint.push(s);
        const index = new SortedSpans(disjoint);
        expect(index.overlapping(q.start, q.end)).toBe(
          [...disjoint].sort((a, b) => a.start - b.start).find((a) => a.start < q.end && q.start < a.end),
        );
        expect(index.containing(q.start, q.end)).toBe(disjoint.find((a) => a.start <= q.start && q.end <= a.end));
      }),
      { numRuns: RUNS },
    );
  });
});

const words = [
  'Rusk',
  'McNamara',
  'Dean Rusk',
  'Lodge',
  'and',
  'or',
  ',',
  'the',
  'Saigon',
  'Ministry',
  'of',
  'State',
  '(1)',
  '¹',
  '*',
  '.',
  ':',
  '\n',
  '\n\n',
  'Notes',
  '    ',
  '1963',
  'CIA',
];
const text = fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 60 }).map((w) => w.join(' '));
const TYPES = ['person', 'org', 'place', 'date', 'acronym', 'note', 'note-marker', 'reference'];

/** Random candidates on a text: many overlapping, some identical, with the fields resolve merges. */
const candidatesOn = (t: string) =>
  fc
    .array(
      fc.record({
        start: fc.nat({ max: Math.max(0, t.length - 1) }),
        length: fc.integer({ min: 0, max: 25 }),
        type: fc.constantFrom(...TYPES),
        priority: fc.constantFrom(5, 10, 12, 15, 20, 30, 100),
        by: fc.constantFrom('a', 'b', 'c'),
        value: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
        cluster: fc.option(fc.constantFrom('person:rusk', 'org:cia'), { nil: undefined }),
        n: fc.option(fc.constantFrom('1', '2'), { nil: undefined }),
      }),
      { maxLength: 80 },
    )
    .map((raw) =>
      raw.map(({ start, length, value, cluster, n, ...rest }): Candidate => ({
        ...rest,
        start,
        end: Math.min(t.length, start + length),
        ...(value ? { value } : {}),
        ...(cluster ? { cluster } : {}),
        ...(n ? { n } : {}),
      })),
    );

describe('resolve with interval indexes', () => {
  it('gives exactly the entries of the pairwise resolution on many overlapping candidates', () => {
    fc.assert(
      fc.property(
        text.chain((t) => fc.tuple(fc.constant(t), candidatesOn(t))),
        ([t, candidates]) => {
          const doc = new Document('t.txt', t);
          expect(resolve(doc, structuredClone(candidates))).toEqual(resolvePairwise(doc, structuredClone(candidates)));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('note structure with a bounded look-behind', () => {
  // Markers are now decided over the whole document (extract/marker-sequence.ts, its own tests and the
  // mutation test); the notes found must stay exactly those of the rescan.
  it('finds exactly the notes of the full rescan', () => {
    // Few words, so that markers after `and`, `:`, long blanks and long words, and note lists, come up often.
    const noteWords = [
      ' ',
      ' ',
      'and',
      'or',
      'Johnson',
      ':',
      ',',
      '.',
      '(',
      '(1)',
      '(2)',
      '[1]',
      '¹',
      '*',
      '\n',
      '\n\n',
      'Notes\n',
      ' '.repeat(40),
      'a'.repeat(40),
      '\n(1) Ibid.',
      '\n[1] Ibid., p. 3',
      '\n¹ BStU MfS',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...noteWords), { maxLength: 50 }).map((w) => w.join('')),
        (t) => {
          expect(noteStructure(t).notes).toEqual(noteStructureRescan(t).notes);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('NLP on long texts, in bounded windows', () => {
  it('sentences are found as the regex found them, and a sentence of megabytes does not overflow the stack', () => {
    const SENTENCE = /(?:[^.!?\n]|\n(?![ \t]*\n))+(?:[.!?]+["”’)\]]*|\n|$)/gu;
    const t = fc
      .array(fc.constantFrom('a', 'Rusk', ' ', '\t', '\n', '.', '!', '?', '"', '”', ')', ']', '\r', '𝔄'), { maxLength: 60 })
      .map((w) => w.join(''));
    fc.assert(
      fc.property(t, (s) => {
        expect([...sentencesOf(s)]).toEqual([...s.matchAll(SENTENCE)].map((m) => ({ index: m.index, text: m[0] })));
      }),
      { numRuns: 2000 },
    );
    expect([...sentencesOf('lorem ipsum dolor '.repeat(300_000))]).toHaveLength(1);
  });

  it('windows cover the range, stay bounded, and own every short span exactly once, whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('word', ' ', 'Name', 'x'.repeat(120), '\n'), { maxLength: 400 }).map((w) => w.join('')),
        (t) => {
          const windows = boundedWindows(t, 0, t.length, 400, 100);
          expect(windows[0]!.start).toBe(0);
          expect(windows.at(-1)!.end).toBe(t.length);
          windows.forEach((w, i) => {
            expect(w.end - w.start).toBeLessThanOrEqual(400);
            expect(w.ownEnd).toBe(windows[i + 1]?.ownStart ?? t.length);
            if (i > 0) expect(w.start).toBeLessThan(windows[i - 1]!.end);
          });
          for (let start = 0; start + 33 <= t.length; start += 7) {
            const owners = windows.filter((w) => w.ownStart <= start && start < w.ownEnd);
            expect(owners).toHaveLength(1);
            expect(owners[0]!.start <= start && start + 33 <= owners[0]!.end).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  const filler = (chars: number) =>
    'the committee met again and the talks went on without result. '.repeat(Math.ceil(chars / 63)).slice(0, chars);

  it('a text above the old 2,000,000-character cap gets NLP entities near its end', async () => {
    const t = `${filler(2_100_000)}\nOn Tuesday Ambassador Henry Cabot Lodge met President Ngo Dinh Diem in Saigon.\n`;
    const found = await findNamedEntities(t);
    const near = found.filter((c) => c.start > 2_000_000).map((c) => t.slice(c.start, c.end));
    expect(near).toEqual(expect.arrayContaining([expect.stringContaining('Lodge')]));
  });

  it('one sentence of many windows (an OCR line without full stops) gets names all through it, each once', async () => {
    const sentence = 'the delegation of Ambassador Henry Cabot Lodge went to Saigon on Tuesday and ';
    const t = sentence.repeat(Math.ceil(60_000 / sentence.length));
    const found = (await findNamedEntities(t)).filter((c) => t.slice(c.start, c.end).includes('Lodge'));
    const starts = found.map((c) => c.start);
    expect(new Set(starts).size).toBe(starts.length);
    // Found in the first and the last window, and nowhere cut short.
    expect(Math.min(...starts)).toBeLessThan(5_000);
    expect(Math.max(...starts)).toBeGreaterThan(t.length - 5_000);
    for (const c of found) expect(t.slice(c.start, c.end)).toMatch(/Lodge$/);
    const overlapping = found.some((a) => found.some((b) => a !== b && a.type === b.type && a.start < b.end && b.start < a.end));
    expect(overlapping).toBe(false);
  });
});

describe('the entries of a sidecar written one by one', () => {
  it('are byte for byte what yaml writes for the whole list', () => {
    const pieces = [
      ' ',
      '  ',
      '\n',
      '\n\n',
      ':',
      ': ',
      '#',
      ' #',
      '"',
      "'",
      '-',
      '?',
      '1',
      '1985',
      '0x1',
      '.',
      '.5',
      'a',
      'Rusk',
      'é',
      '\t',
      '\r',
      '%',
      '---',
      '...',
      '\u0085',
      '\u2028',
      'x'.repeat(30),
      '😀',
      '\\',
      'n',
      'true',
      'null',
      '~',
      '[',
      '{',
      ',',
      '&',
      '*',
      '!',
      '|',
      '>',
      '@',
      '`',
    ];
    const str = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));
    const entry = fc.record(
      {
        id: str,
        type: fc.constantFrom('person', 'date'),
        start: fc.nat(),
        end: fc.oneof(fc.nat(), fc.double({ noNaN: true })),
        text: str,
        value: str,
        citation: fc.record({ title: str, author: fc.array(fc.record({ literal: str }), { maxLength: 2 }) }),
        markers: fc.array(str, { maxLength: 2 }),
        prefix: str,
        suffix: str,
      },
      { requiredKeys: ['id', 'type', 'start', 'end', 'text'] },
    );
    const options = { lineWidth: 0, minContentWidth: 0, blockQuote: false, aliasDuplicateObjects: false } as const;
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        expect(entriesYaml(entries, options)).toBe(stringify({ entries }, options));
      }),
      { numRuns: 2000 },
    );
  });
});
