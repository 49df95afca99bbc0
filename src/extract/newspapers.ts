import type { Document } from '../core/document.js';
import { PRIORITY } from '../core/priority.js';
import { fromView, matchingView } from './ocr.js';
import type { Candidate, ExtractorFactory } from './types.js';

/**
 * The words newspapers name themselves by (`Richmond Whig`, `Fayetteville Observer`, `GAZETTE OF THE
 * UNITED STATES`); not `Republican` or `Democrat`, which name parties' men as often (`a Black Republican`).
 */
const HEADS = [
  'Gazette',
  'Gaz',
  'Intelligencer',
  'Observer',
  'Advertiser',
  'Whig',
  'Standard',
  'Herald',
  'Journal',
  'Tribune',
  'Times',
  'Chronicle',
  'Courier',
  'Mercury',
  'Register',
  'Sentinel',
  'Argus',
  'Enquirer',
  'Dispatch',
  'Ledger',
  'Telegraph',
  'Post',
  'Magazine',
  'Spectator',
  'Examiner',
  'Recorder',
  'Patriot',
  'Messenger',
  'Bulletin',
];
/** Heads that name a paper even alone after `the` (`the Observer`); `the Standard` or `the Post` could be anything. */
const ALONE = [
  'Gazette',
  'Intelligencer',
  'Observer',
  'Advertiser',
  'Herald',
  'Tribune',
  'Chronicle',
  'Courier',
  'Mercury',
  'Enquirer',
  'Spectator',
  'Examiner',
];
const either = (words: readonly string[]) => words.flatMap((w) => [w, w.toUpperCase()]).join('|');
const NAME = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]+|\p{Lu}{2,})`;
const END = String.raw`(?![\p{L}\p{N}])(?!\s+(?:\p{Lu}\p{Ll}|of\s|OF\s))`;
const TITLE = new RegExp(
  [
    // Place or party words, then the head: `North Carolina Standard`, `THE LEYDEN GAZETTE`.
    String.raw`(?<![\p{L}\p{N}])${NAME}(?:\s+${NAME}){0,4}\s+(?:${either(HEADS)})\.?${END}`,
    // The head, then `of the` and a place: `GAZETTE OF THE UNITED STATES`.
    String.raw`(?<![\p{L}\p{N}])(?:${either(HEADS)})\s+(?:of|OF)\s+(?:the\s+|THE\s+)?${NAME}(?:\s+${NAME}){0,3}(?![\p{L}\p{N}])`,
    String.raw`(?<=\b(?:the|The|THE)\s+)(?:${either(ALONE)})${END}`,
  ].join('|'),
  'gu',
);
/** Words that start a sentence or a clause, never a paper's name: the article stays outside. */
const LEAD = /^(?:The|THE|A|An|This|That|His|Her|Its|Our|Their|In|On|At|Of|For|And|But|To|From|By)\s+/;

/**
 * Newspaper titles, as works (newspapers cite each other: `the Richmond Whig says`). Run only
 * in a project that declares the `work` type (extractorsOf); elsewhere papers stay the
 * organizations and places the other rules find. Runs after the tagger, which never reads them.
 */
export const newspapersExtractor: ExtractorFactory = () => ({
  id: 'rule:newspapers',
  description: 'Newspaper titles (Richmond Whig, GAZETTE OF THE UNITED STATES, the Observer) as works, where the project declares `work`',
  types: ['work'],
  extract(doc: Document): Candidate[] {
    const view = matchingView(doc.text);
    const out: Candidate[] = [];
    for (const m of view.text.matchAll(TITLE)) {
      const lead = LEAD.exec(m[0])?.[0].length ?? 0;
      const title = m[0].slice(lead).replace(/\.$/, '');
      if (!/\p{L}/u.test(title) || title.includes('\n\n')) continue;
      const start = m.index + lead;
      out.push(fromView(view, { type: 'work', start, end: start + title.length, by: 'rule:newspapers', priority: PRIORITY.newspaper }));
    }
    return out;
  },
});
