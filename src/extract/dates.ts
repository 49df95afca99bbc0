import { isEdtf } from '../core/edtf.js';
import type { Document } from '../core/document.js';
import type { Candidate, ExtractorFactory } from './types.js';
import { PRIORITY } from '../core/priority.js';

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|d)?`;
const YEAR = String.raw`(?:1[0-9]\d\d|20\d\d)`;
const DASH = String.raw`\s*[-–—]\s*`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;

const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (word: string) => MONTHS[word.toLowerCase().replace(/\.$/, '')]!;
const iso = (y: string | number, m?: number, d?: string | number) =>
  `${y}${m ? `-${pad(m)}` : ''}${m && d !== undefined ? `-${pad(Number(String(d).replace(/\D/g, '')))}` : ''}`;

interface DateRule {
  id: string;
  pattern: RegExp;
  /** EDTF value of a match, or undefined to reject it. */
  value(m: RegExpExecArray): string | undefined;
}

/** Ordered from the most specific; overlaps are settled by resolution (longest wins). */
const RULES: DateRule[] = [
  {
    // 26.11. - 4.12.1985
    id: 'numeric-range',
    pattern: new RegExp(String.raw`\b(\d{1,2})\.(\d{1,2})\.(?:(${YEAR}))?${DASH}(\d{1,2})\.(\d{1,2})\.(${YEAR})\b`, 'g'),
    value: (m) => `${iso(m[3] ?? m[6]!, +m[2]!, m[1]!)}/${iso(m[6]!, +m[5]!, m[4]!)}`,
  },
  {
    // 28.10.1980
    id: 'numeric',
    pattern: new RegExp(String.raw`\b(\d{1,2})\.(\d{1,2})\.(${YEAR})\b`, 'g'),
    value: (m) => (+m[2]! <= 12 && +m[1]! <= 31 ? iso(m[3]!, +m[2]!, m[1]!) : undefined),
  },
  {
    // March 31–April 10, 1964
    id: 'month-day-range',
    pattern: new RegExp(String.raw`\b(${MONTH})\s+(${DAY})${DASH}(?:(${MONTH})\s+)?(${DAY}),?\s+(${YEAR})\b`, 'g'),
    value: (m) => `${iso(m[5]!, monthOf(m[1]!), m[2]!)}/${iso(m[5]!, monthOf(m[3] ?? m[1]!), m[4]!)}`,
  },
  {
    // January 6, 1986 · Feb. 19, 1790 · August , 2, 1830
    id: 'month-day-year',
    pattern: new RegExp(String.raw`\b(${MONTH})\s*,?\s*(${DAY})\s*,?\s*(${YEAR})\b`, 'g'),
    value: (m) => iso(m[3]!, monthOf(m[1]!), m[2]!),
  },
  {
    // 6 January 1986 · 18th of May, 1840 · 31st day of December, A. D., 1879
    id: 'day-month-year',
    pattern: new RegExp(String.raw`\b(${DAY})\s+(?:day\s+)?(?:of\s+)?(${MONTH})\s*,?\s*(?:A\.\s?D\.?\s*,?\s*)?(${YEAR})\b`, 'g'),
    value: (m) => iso(m[3]!, monthOf(m[2]!), m[1]!),
  },
  {
    // on December 13 · Tuesday, October 11th: the year is the document's (see documentYear), else unknown.
    id: 'month-day',
    pattern: new RegExp(String.raw`\b(?:${WEEKDAY},?\s+)?(${MONTH})\s+(${DAY})\b(?!\s*,?\s*(?:${YEAR}|\d|[-–—]))`, 'g'),
    value: (m) => `XXXX-${pad(monthOf(m[1]!))}-${pad(Number(m[2]!.replace(/\D/g, '')))}`,
  },
  {
    // 13 December · Monday, the 5th of June
    id: 'day-month',
    pattern: new RegExp(
      String.raw`\b(?:${WEEKDAY},?\s+(?:the\s+)?)?(${DAY})\s+(?:of\s+)?(${MONTH})\b(?!\s*,?\s*(?:A\.\s?D|${YEAR}|\d))`,
      'g',
    ),
    value: (m) => `XXXX-${pad(monthOf(m[2]!))}-${pad(Number(m[1]!.replace(/\D/g, '')))}`,
  },
  {
    // September, 2022 · April 1984
    id: 'month-year',
    pattern: new RegExp(String.raw`\b(${MONTH})\s*,?\s+(${YEAR})\b`, 'g'),
    value: (m) => iso(m[2]!, monthOf(m[1]!)),
  },
  {
    // 1945 - 1975 · 1984/85 · 1986/87
    id: 'year-range',
    pattern: new RegExp(String.raw`\b(${YEAR})(?:${DASH}|/)(\d{4}|\d{2})\b(?![.,]\d)`, 'g'),
    value: (m) => {
      const from = +m[1]!;
      const to = m[2]!.length === 2 ? Math.floor(from / 100) * 100 + +m[2]! : +m[2]!;
      return to > from && to - from < 200 ? `${from}/${to}` : undefined;
    },
  },
  {
    // the late 1970s · the 1980s
    id: 'decade',
    pattern: new RegExp(String.raw`\b(?:the\s+)?(?:(early|mid|late)[-\s]+)?(1[0-9]\d0|20\d0)(?:'?s)\b`, 'g'),
    value: (m) => {
      const decade = +m[2]!;
      if (!m[1]) return `${String(decade).slice(0, 3)}X`;
      const [from, to] = m[1] === 'early' ? [0, 3] : m[1] === 'mid' ? [3, 6] : [6, 9];
      return `${decade + from}~/${decade + to}~`;
    },
  },
  {
    // in 1984 · year 1789 · since 1950
    id: 'year',
    pattern: new RegExp(String.raw`\b(?:(?:in|year|since|until|before|after|from|by|of)\s+)(${YEAR})\b(?![.,:]\d|\s*[-–/]\s*\d)`, 'gi'),
    value: (m) => m[1]!,
  },
];

export { isEdtf };

export function findDates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.pattern.exec(text))) {
      const value = rule.value(m);
      if (value === undefined || !isEdtf(value)) continue;
      let start = m.index;
      // "in 1984": the preposition is context, not the date.
      if (rule.id === 'year') start += m[0].length - m[1]!.length;
      out.push({ type: 'date', start, end: m.index + m[0].length, by: `rule:dates/${rule.id}`, priority: PRIORITY.date, value });
    }
  }
  return out;
}

export const datesExtractor: ExtractorFactory = () => ({
  id: 'rule:dates',
  description: 'Dates, date ranges and decades with EDTF values',
  types: ['date'],
  extract: (doc: Document) => findDates(doc.text),
});

/**
 * A date without its year (`XXXX-12-13`) takes the year that puts it nearest the document's
 * own date (`1971-12-14` → `1971-12-13`; `1972-01-03` → `1971-12-28`); without a dated document it stays unknown.
 */
export function withDocumentYear(value: string, issued: string | undefined): string {
  const yearless = /^XXXX-(\d\d)-(\d\d)$/.exec(value);
  const dated = issued && /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?/.exec(issued);
  if (!yearless || !dated) return value;
  // A document dated by its year alone: the date is in that year.
  if (!dated[2]) return isEdtf(`${dated[1]}-${yearless[1]}-${yearless[2]}`) ? `${dated[1]}-${yearless[1]}-${yearless[2]}` : value;
  const at = Date.UTC(+dated[1]!, +dated[2]! - 1, +(dated[3] ?? 15));
  const candidates = [-1, 0, 1].map((d) => +dated[1]! + d).filter((y) => isEdtf(`${y}-${yearless[1]}-${yearless[2]}`));
  const distance = (y: number) => Math.abs(Date.UTC(y, +yearless[1]! - 1, +yearless[2]!) - at);
  const year = candidates.sort((a, b) => distance(a) - distance(b))[0];
  return year === undefined ? value : `${year}-${yearless[1]}-${yearless[2]}`;
}
