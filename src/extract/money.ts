import type { Document } from '../core/document.js';
import type { Candidate, ExtractorFactory } from './types.js';
import { PRIORITY } from '../core/priority.js';

const CURRENCIES: [RegExp, string][] = [
  [/^(?:marks?|mark|dm|deutsche ?marks?|ostmarks?)$/i, 'DEM'],
  [/^(?:rubles?|roubles?)$/i, 'RUB'],
  [/^(?:dollars?|\$|us\$|usd)$/i, 'USD'],
  [/^(?:pounds?(?: sterling)?|£)$/i, 'GBP'],
  [/^(?:francs?)$/i, 'FRF'],
  [/^(?:dong)$/i, 'VND'],
  [/^(?:yuan|renminbi)$/i, 'CNY'],
];
const UNIT = String.raw`(?:deutsche ?marks?|ostmarks?|marks?|DM|rubles?|roubles?|dollars?|USD|pounds?(?: sterling)?|francs?|dong|yuan)`;
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:thousand|million|billion)`;
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

const AFTER = new RegExp(String.raw`\b(${NUMBER})(?:\.-)?\s*(?:(${SCALE})\s+)?(${UNIT})\b`, 'gi');
const BEFORE = new RegExp(String.raw`(US\$|\$|£)\s?(${NUMBER})(?:\s+(${SCALE})\b)?`, 'g');

function currencyOf(unit: string): string {
  return CURRENCIES.find(([re]) => re.test(unit.trim()))?.[1] ?? unit;
}

function amountOf(number: string, scale: string | undefined): number {
  const value = Number(number.replace(/,/g, ''));
  return scale ? Math.round(value * SCALES[scale.toLowerCase()]!) : value;
}

export function findMoney(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(AFTER)) {
    out.push({
      type: 'money',
      start: m.index,
      end: m.index + m[0].length,
      by: 'rule:money',
      priority: PRIORITY.money,
      amount: amountOf(m[1]!, m[2]),
      currency: currencyOf(m[3]!),
    });
  }
  for (const m of text.matchAll(BEFORE)) {
    out.push({
      type: 'money',
      start: m.index,
      end: m.index + m[0].length,
      by: 'rule:money',
      priority: PRIORITY.money,
      amount: amountOf(m[2]!, m[3]),
      currency: currencyOf(m[1]!),
    });
  }
  // `000 francs` inside `700 000 francs`, `£5,644` inside `£5,644 12s. 3d.`: the whole sum only.
  const composed = composedMoney(text);
  const inside = (c: Candidate) => composed.some((k) => k.start <= c.start && c.end <= k.end);
  return [...out.filter((c) => !inside(c)), ...composed];
}

/** Thousands set apart by spaces (`700 000`, also no-break and thin spaces), as French and German print them. */
const SPACED = String.raw`\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?![\d,.]\d)`;
const SPACED_AFTER = new RegExp(String.raw`(?<![\d.,])(${SPACED})\s*(?:(${SCALE})\s+)?(${UNIT})\b`, 'gi');
/**
 * Pounds, shillings and pence as one sum: `£5,644 12s. 3d.`, `5,644l. 12s. 3d.`, `£3 10s.`, `2s. 9d.`
 * (20 shillings to the pound, 12 pence to the shilling).
 */
const PENCE = String.raw`(?:\s+(\d{1,2})\s?d\b\.?)`;
const SHILLINGS = String.raw`(?:\s+(\d{1,2})\s?s\b\.?)`;
const STERLING = new RegExp(
  String.raw`£\s?(${NUMBER})${SHILLINGS}?${PENCE}?` +
    String.raw`|(?<![\d.,])(${NUMBER})\s?l\.${SHILLINGS}${PENCE}?` +
    String.raw`|(?<![\d.,£])\b(\d{1,3})\s?s\.?(?:\s+|-)(\d{1,2})\s?d\b\.?`,
  'g',
);

const pounds = (number: string, shillings = '0', pence = '0') =>
  Math.round((Number(number.replace(/,/g, '')) + Number(shillings) / 20 + Number(pence) / 240) * 1e6) / 1e6;

/** Sums written in parts: thousands set apart by spaces, and pounds with their shillings and pence. */
function composedMoney(text: string): Candidate[] {
  const out: Candidate[] = [];
  const money = (start: number, end: number, amount: number, currency: string): Candidate => ({
    type: 'money',
    start,
    end,
    by: 'rule:money',
    priority: PRIORITY.money,
    amount,
    currency,
  });
  for (const m of text.matchAll(SPACED_AFTER))
    out.push(money(m.index, m.index + m[0].length, amountOf(m[1]!.replace(/[ \u00A0\u202F]/g, ''), m[2]), currencyOf(m[3]!)));
  for (const m of text.matchAll(STERLING)) {
    // `£5` alone is the first rule's already; only a sum with shillings or pence is new.
    if (m[1] !== undefined && m[2] === undefined && m[3] === undefined) continue;
    const amount = m[1] !== undefined ? pounds(m[1], m[2], m[3]) : m[4] !== undefined ? pounds(m[4], m[5], m[6]) : pounds('0', m[7], m[8]);
    out.push(money(m.index, m.index + m[0].trimEnd().length, amount, 'GBP'));
  }
  return out;
}

export const moneyExtractor: ExtractorFactory = () => ({
  id: 'rule:money',
  description: 'Sums of money with amount and currency (marks, rubles, dollars, pounds …; 700 000 francs; £5,644 12s. 3d.)',
  types: ['money'],
  extract: (doc: Document) => findMoney(doc.text),
});
