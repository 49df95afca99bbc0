import type { Document } from '../core/document.js';
import { PRIORITY } from '../core/priority.js';
import type { Candidate, ExtractorFactory } from './types.js';
import { NAME_WORD } from './headed.js';
import { vocabularyAt } from './vocabulary.js';

/**
 * Firms, schools, churches and troops named by a head word newspapers write in lower case or
 * abbreviated (`Della Pringle company`, `Jenkins & Darwin Bros`, `R. P. Morgan Produce Co`,
 * `Whitman college`, `Loris troop`): one to five capitalized words (and `& Name`), then the head.
 */
const FIRM = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${NAME_WORD}(?:\s+${NAME_WORD}){0,4}(?:\s+&\s+${NAME_WORD}(?:\s+${NAME_WORD}){0,2})?\s+` +
    String.raw`(?:company|college|seminary|academy|church|troop|lodge|mills|Co\.?|Bros\.?|Brothers|Mfg\.\s+Co\.?)(?![\p{L}\p{N}])`,
  'gu',
);
const SURNAME = String.raw`\p{Lu}[\p{Ll}'’]+`;
/** A partnership: surnames joined by `&` (`Stephens & Trammel`, `Hart, Schaffner & Marx`). */
const PARTNERS = new RegExp(String.raw`(?<![\p{L}\p{N}])${SURNAME}(?:,\s+${SURNAME}){0,3}\s+&\s+${SURNAME}(?![\p{L}\p{N}])`, 'gu');
/** Words that start a sentence or a clause, never a firm's name. */
const NOT_A_NAME = /^(?:The|A|An|This|That|These|Those|His|Her|Its|Our|Their|In|On|At|Of|For|And|But|Mr|Mrs|Dr)\b/;

/**
 * Runs after the tagger: the tagger was trained without these spans, so it does not read them;
 * they compete with its spans in resolve like any rule of the organization heads.
 */
export const firmsExtractor: ExtractorFactory = ({ modelPath }) => {
  const vocabulary = vocabularyAt(modelPath);
  // `Soviet society`, `American company`: a people and a head word name no one.
  const onlyPeople = (span: string) =>
    span
      .split(/\s+/)
      .slice(0, -1)
      .every((w) => vocabulary.isDemonym(w));
  return {
    id: 'rule:firms',
    description:
      'Firms, schools, churches and troops by a lower-case or abbreviated head word (company, college, Co., Bros), and partnerships (Stephens & Trammel)',
    types: ['org'],
    extract(doc: Document): Candidate[] {
      const out: Candidate[] = [];
      const headed = [...doc.text.matchAll(FIRM)];
      // A partnership inside a firm with a head word is that firm (`Jenkins & Darwin Bros`).
      const inside = (m: RegExpMatchArray) => headed.some((f) => f.index! <= m.index! && m.index! + m[0].length <= f.index! + f[0].length);
      for (const m of [...headed, ...[...doc.text.matchAll(PARTNERS)].filter((m) => !inside(m))]) {
        let start = m.index!;
        let span = m[0];
        // `The Della Pringle company`: the article is not part of the name.
        const lead = NOT_A_NAME.exec(span);
        if (lead) {
          const rest = span.slice(lead[0].length).replace(/^[.\s]+/, '');
          start += span.length - rest.length;
          span = rest;
        }
        if (!/\s/.test(span) || span.includes('\n\n') || onlyPeople(span)) continue;
        out.push({ type: 'org', start, end: start + span.length, by: 'rule:firms', priority: PRIORITY.orgHead });
      }
      return out;
    },
  };
};
