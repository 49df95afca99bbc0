import type { Document } from '../core/document.js';
import { PRIORITY } from '../core/priority.js';
import { headedNames, NAME_WORD } from './headed.js';
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
const END = String.raw`(?![\p{L}\p{N}])(?!\s+(?:\p{Lu}\p{Ll}|of\s|OF\s))`;
const TITLE = new RegExp(
  [
    // Place or party words, then the head: `North Carolina Standard`, `THE LEYDEN GAZETTE`.
    String.raw`(?<![\p{L}\p{N}])${NAME_WORD}(?:\s+${NAME_WORD}){0,4}\s+(?:${either(HEADS)})${END}`,
    // The head, then `of the` and a place: `GAZETTE OF THE UNITED STATES`.
    String.raw`(?<![\p{L}\p{N}])(?:${either(HEADS)})\s+(?:of|OF)\s+(?:the\s+|THE\s+)?${NAME_WORD}(?:\s+${NAME_WORD}){0,3}(?![\p{L}\p{N}])`,
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
  extract: (doc: Document): Candidate[] =>
    headedNames(doc.text, TITLE, LEAD).map(({ start, end }) => ({
      type: 'work',
      start,
      end,
      by: 'rule:newspapers',
      priority: PRIORITY.newspaper,
    })),
});
