import type { Document } from '../core/document.js';
import { alternation } from '../core/regexp.js';
import { findDates } from './dates.js';
import { fromView, matchingView } from './ocr.js';
import type { Candidate, ExtractContext, ExtractorFactory } from './types.js';
import { PRIORITY } from '../core/priority.js';

/** Both `Captain` and `captain`: titles are often lower-case in running text. */
const withLowerCase = (words: readonly string[]) => [...words, ...words.map((w) => w.charAt(0).toLowerCase() + w.slice(1))];

const L = String.raw`[\p{Ll}\p{M}]`;
/** A capitalized word (`Mielke`, `O'Grady`, `Nguyễn`), an all-capital word, or an initial (`B.`). */
const CAP = String.raw`(?:\p{Lu}${L}*(?:['’-]\p{Lu}?${L}+)*${L}|\p{Lu}{2,}(?![\p{Ll}])|\p{Lu}\.)`;

interface Vocabulary {
  titles: string[];
  particles: string[];
  notNames: Set<string>;
  heads: Set<string>;
}

function nameRegexes(list: ExtractContext['list']) {
  const particles = alternation(list('particles'));
  // A name: capitalized words and initials, with particles inside (`Vo van Mang`, `Charles de Gaulle`).
  const NAME = String.raw`${CAP}(?:\s+(?:(?:${particles})\s+)?${CAP}){0,3}(?:,?\s+(?:Jr|Sr)\.)?`;
  const titles = alternation(withLowerCase(list('titles')));
  const headsBefore = alternation(list('heads-before'));
  const headsAfter = alternation(list('heads-after'));
  const ORGWORDS = String.raw`${CAP}(?:\s+(?:(?:of|for|the|on|in|de|&)\s+)*${CAP}){0,5}`;
  const syllable = String.raw`(?:\p{Lu}${L}{0,6}|van|thi|Van|Thi)`;
  return {
    titled: new RegExp(String.raw`(?<![\p{L}])(?:(?:${titles})\.?\s+)+(${NAME})(?![\p{L}])`, 'gu'),
    vietnamese: new RegExp(String.raw`(?<![\p{L}])(?:${alternation(list('surnames-vi'))})(?:\s+${syllable}){1,3}(?![\p{L}])`, 'gu'),
    speaker: new RegExp(String.raw`(?<![\p{L}])(${NAME})\s+(?:${alternation(list('speech-verbs'))})(?![\p{L}])`, 'gu'),
    orgOf: new RegExp(
      String.raw`(?<![\p{L}])(?:(?:${CAP})\s+){0,3}(?:${headsBefore})\s+(?:of|for|in|on)\s+(?:the\s+)?${ORGWORDS}(?![\p{L}])`,
      'gu',
    ),
    orgHead: new RegExp(String.raw`(?<![\p{L}])(?:${CAP}\s+){1,4}(?:${headsAfter})(?![\p{L}])`, 'gu'),
    unit: /\b(?:Main|Head) Departments? (?:[A-Z] ?)?(?:\d+|[IVX]+\b)(?:(?:,| and) (?:[A-Z] ?)?\d+)*/gu,
  };
}

/** People, organizations and dateline places from rules: titles, head words, name lists, speech verbs. */
export const namesExtractor: ExtractorFactory = ({ list }) => {
  const re = nameRegexes(list);
  const vocabulary: Vocabulary = {
    titles: list('titles'),
    particles: list('particles'),
    notNames: new Set(list('not-names')),
    heads: new Set([...list('heads-before'), ...list('heads-after')]),
  };
  return {
    id: 'rule:names',
    description: 'People by title, name lists and speech verbs; organizations by head words; places in datelines',
    types: ['person', 'org', 'place'],
    extract(doc: Document) {
      const view = matchingView(doc.text);
      return findNames(view.text, re, vocabulary).map((c) => fromView(view, c));
    },
  };
};

function findNames(text: string, re: ReturnType<typeof nameRegexes>, v: Vocabulary): Candidate[] {
  const out: Candidate[] = [];
  const add = (type: string, start: number, end: number, by: string, priority: number) => {
    // Never end on a dangling initial's period or a comma.
    while (end > start && /[,\s]/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ type, start, end, by, priority });
  };
  const words = (s: string) => s.split(/\s+/).map((w) => w.replace(/[.,]$/, ''));
  const isName = (name: string) => !words(name).some((w) => v.notNames.has(w) || v.heads.has(w)) && /\p{Ll}/u.test(name);

  for (const m of text.matchAll(re.titled)) {
    if (isName(m[1]!)) add('person', m.index, m.index + m[0].length, 'rule:names/titled', PRIORITY.titledPerson);
  }
  for (const m of text.matchAll(re.vietnamese)) {
    const parts = words(m[0]);
    if (!parts.some((w) => v.notNames.has(w) || v.heads.has(w)))
      add('person', m.index, m.index + m[0].length, 'rule:names/vietnamese', PRIORITY.vietnameseName);
  }
  for (const m of text.matchAll(re.speaker)) {
    const name = m[1]!;
    const start = m.index;
    // A sentence-initial capital alone proves nothing: `Secretary said` is a title.
    if (isName(name) && !/^\p{Lu}\.$/u.test(name)) add('person', start, start + name.length, 'rule:names/speaker', PRIORITY.speaker);
  }
  for (const m of text.matchAll(re.orgOf)) {
    // `The USSR Committee for …`: the article is not part of the name.
    const article = /^(?:The|A|An)\s+/.exec(m[0])?.[0].length ?? 0;
    add('org', m.index + article, m.index + m[0].length, 'rule:names/org-of', PRIORITY.orgOf);
  }
  for (const m of text.matchAll(re.orgHead)) {
    if (!/^(?:The|A|An|This|That|In|On|At|Of)\s/.test(m[0]))
      add('org', m.index, m.index + m[0].length, 'rule:names/org-head', PRIORITY.orgHead);
  }
  for (const m of text.matchAll(re.unit)) add('org', m.index, m.index + m[0].length, 'rule:names/unit', PRIORITY.militaryUnit);
  out.push(...datelinePlaces(text));
  out.push(...signatures(text, isName));
  return out;
}

/** The writer's name alone on a line near the end (`Nolting`, `Bromley Smith (5)`, `/s/ Schmidt`). */
function signatures(text: string, isName: (name: string) => boolean): Candidate[] {
  const closing = text.search(/^[ \t]*(?:notes|footnotes|endnotes)[ \t]*:?[ \t]*$/im);
  const end = closing < 0 ? text.length : closing;
  const from = Math.max(0, end - 600);
  const out: Candidate[] = [];
  const NAME = String.raw`(\p{Lu}[\p{Ll}'’]+(?:[ \t]\p{Lu}\.?)?(?:[ \t]\p{Lu}[\p{Ll}'’]+)?)[ \t]*(?:[(\[]\d+[)\]])?[ \t]*$`;
  const add = (m: RegExpMatchArray, offset: number) => {
    const start = offset + m.index! + m[0].lastIndexOf(m[1]!);
    if (isName(m[1]!) && !out.some((c) => c.start === start))
      out.push({ type: 'person', start, end: start + m[1]!.length, by: 'rule:names/signature', priority: PRIORITY.signature });
  };
  for (const m of text.slice(from, end).matchAll(new RegExp(String.raw`^[ \t]*(?:\/s\/[ \t]*)?${NAME}`, 'gmu'))) add(m, from);
  // A name on the line after `/s/`, however far from the end the signature stands.
  for (const m of text.matchAll(new RegExp(String.raw`^[ \t]*\/s\/[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*${NAME}`, 'gmu'))) add(m, 0);
  return out;
}

/** `Washington, February 21, 1961.` and `Berlin, 6 January 1986`: the place a document was written. */
function datelinePlaces(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/^[ \t]*(\p{Lu}[\p{L}.'’ -]{1,40}?),[ \t]+(?=\S)/gmu)) {
    const after = m.index + m[0].length;
    const date = findDates(text.slice(after, after + 60).split(/\r?\n|\r/)[0]!)[0];
    if (date && date.start === 0)
      out.push({
        type: 'place',
        start: m.index + m[0].indexOf(m[1]!),
        end: m.index + m[0].indexOf(m[1]!) + m[1]!.length,
        by: 'rule:names/dateline',
        priority: PRIORITY.datelinePlace,
      });
  }
  return out;
}
