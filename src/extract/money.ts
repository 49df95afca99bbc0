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
  return out;
}

export const moneyExtractor: ExtractorFactory = () => ({
  id: 'rule:money',
  description: 'Sums of money with amount and currency (marks, rubles, dollars, pounds …)',
  types: ['money'],
  extract: (doc: Document) => findMoney(doc.text),
});
