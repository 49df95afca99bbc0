import type { Document } from '../core/document.js';
import type { Candidate, ExtractorFactory } from './types.js';
import { PRIORITY } from '../core/priority.js';

/** Archives whose signatures are written as a code followed by collection, unit and folios. */
const ARCHIVES = [
  'BStU',
  'SAPMO-BArch',
  'BArch',
  'PA AA',
  'RGANI',
  'RGASPI',
  'GARF',
  'AVPRF',
  'AAN',
  'AMZV',
  'NARA',
  'TNA',
  'MOL',
  'ABS',
  'IPN',
];
const TOKEN = String.raw`(?:[A-Z][A-Za-z]{0,5}\.?|[IVXLC]+|\d+[a-z]?(?:[-–/]\d+[a-z]?)*|Nr\.|Bd\.|Bl\.|fol\.|ff\.|pp?\.)`;
const REFERENCE = new RegExp(
  String.raw`\b(${ARCHIVES.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\b((?:[ \t]*,?[ \t]+${TOKEN}(?![A-Za-z]))+)`,
  'g',
);

/** `BStU MfS Abt X 348, 257-259` → archive BStU, collection MfS Abt X, unit 348, folios 257-259. */
export function referenceParts(archive: string, rest: string): Record<string, string> {
  const parts: Record<string, string> = { archive };
  let body = rest.trim();
  const folios = /,\s*((?:Bl\.|fol\.|pp?\.)?\s*\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*)$/.exec(body);
  if (folios) {
    parts.folios = folios[1]!.trim();
    body = body.slice(0, folios.index).trim();
  }
  const unit = /(?:^|\s)((?:Nr\.\s*|Bd\.\s*)?\d+[a-z]?(?:[-–/]\d+[a-z]?)*)$/.exec(body);
  if (unit) {
    parts.unit = unit[1]!.trim();
    body = body.slice(0, unit.index).trim();
  }
  if (body) parts.collection = body.replace(/,$/, '');
  return parts;
}

export function findReferences(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    let rest = m[2]!;
    // A reference ends with a number: drop trailing words such as a following sentence's capital.
    const lastDigit = rest.search(/\d[a-z]?(?!.*\d)/s);
    if (lastDigit < 0) continue;
    rest = rest.slice(0, lastDigit + (/\d[a-z]/.test(rest.slice(lastDigit, lastDigit + 2)) ? 2 : 1));
    const end = m.index + m[1]!.length + rest.length;
    out.push({
      type: 'reference',
      start: m.index,
      end,
      by: 'rule:references',
      priority: PRIORITY.reference,
      parts: referenceParts(m[1]!, rest),
    });
  }
  return out;
}

export const referencesExtractor: ExtractorFactory = () => ({
  id: 'rule:references',
  description: 'Archival references such as "BStU MfS Abt X 348, 257-259"',
  types: ['reference'],
  extract: (doc: Document) => findReferences(doc.text),
});
