import fc from 'fast-check';
import { expect } from 'vitest';
import { parseBrat } from '../src/interop/brat.js';
import { parseNote } from '../src/extract/citations.js';
import { Document } from '../src/core/document.js';
import { Citation } from '../src/core/schema.js';
import { findDates } from '../src/extract/dates.js';
import { extractorsFor, rulePacks } from '../src/extract/index.js';
import { findMoney } from '../src/extract/money.js';
import { noteCandidates } from '../src/extract/note-candidates.js';
import { findReferences } from '../src/extract/references.js';
import { documentMetadata } from '../src/extract/metadata.js';
import { resolve } from '../src/pipeline/resolve.js';

/** Cases per parser in the suite; `npm run fuzz` sets MARGINALIA_PARSER_RUNS=100000. */
export const PARSER_RUNS = Number(process.env.MARGINALIA_PARSER_RUNS ?? 1000);

/** Strings that look like archival text often enough to reach the parsers' deep paths. */
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '(1)',
    '[2]',
    '¹',
    '†',
    '(4), (6), (7) ',
    'Notes\n',
    'Source: ',
    'Department of State, Central Files, 751K.00/2-2161. Secret.',
    'BStU MfS Abt X 348, 257-259',
    'Ibid., p. 4',
    'op. cit.',
    ', p.12, 13, 19',
    '26.11. - 4.12.1985',
    'January 6, 1986',
    'the late 1970s',
    '1.5 million marks',
    '700,000.- Marks',
    '$2.5 million',
    'Comrade Pham Hung',
    'Mich¬ igan',
    'OTS [Technical Operations Sector]',
    '(OSS)',
    '\r\n',
    '\r',
    '\n\n',
    '𝔄',
    'é',
    ' ',
  ),
);
export const archivalText = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

type Span = { start: number; end: number };
const inside = (text: string, spans: readonly Span[]) => {
  for (const s of spans) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true);
  }
};

const extractors = extractorsFor(rulePacks(), { ner: 'none' });

/** One property per parser the tool owns: it never throws and never leaves the text. */
export const PARSER_PROPERTIES: Record<string, fc.IProperty<[string]> | fc.IAsyncProperty<[string]>> = {
  'note markers and notes': fc.property(archivalText, (t) => inside(t, noteCandidates(t))),
  'citation parsing': fc.property(archivalText, (t) => {
    const parsed = parseNote(t);
    expect(['source', 'bibliographic', 'other']).toContain(parsed.kind);
    // What the parser makes is a citation the sidecar schema accepts, field by field.
    if (parsed.citation) expect(Citation.safeParse(parsed.citation).error?.issues ?? []).toEqual([]);
  }),
  'date normalization': fc.property(archivalText, (t) => {
    const dates = findDates(t);
    inside(t, dates);
    for (const d of dates) expect(d.value).toMatch(/^[0-9X~/-]+$/);
  }),
  'archival references': fc.property(archivalText, (t) => inside(t, findReferences(t))),
  money: fc.property(archivalText, (t) => {
    const sums = findMoney(t);
    inside(t, sums);
    for (const m of sums) expect(Number.isFinite(m.amount)).toBe(true);
  }),
  'brat import': fc.property(archivalText, (t) => {
    for (const e of parseBrat(t)) expect(e.start <= e.end).toBe(true);
  }),
  'document metadata': fc.property(archivalText, (t) => {
    expect(() => documentMetadata(t)).not.toThrow();
  }),
  'all rules, resolved into entries': fc.asyncProperty(archivalText, async (t) => {
    const doc = new Document('t', t);
    const candidates = (await Promise.all(extractors.map((e) => e.extract(doc)))).flat();
    inside(t, candidates);
    for (const e of resolve(doc, candidates)) expect([...t].slice(e.start, e.end).join('')).toBe(e.text);
  }),
};
