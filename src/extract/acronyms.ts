import type { Document } from '../core/document.js';
import { SortedSpans } from '../core/intervals.js';
import type { Candidate, ExtractorFactory } from './types.js';
import { PRIORITY } from '../core/priority.js';
import { vocabularyAt } from './vocabulary.js';

const ACRONYM = /(?<![\p{L}\p{N}])(?:[A-Z][A-Z0-9&]{1,7}|(?:[A-Z]\.){2,4})(?![\p{L}\p{N}])/gu;
/** `OTS [Technical Operations Sector]`, `Mdl [Ministry of Interior]`: an editor's expansion. */
const BRACKETED = /(?<![\p{L}\p{N}])([A-Z][A-Za-z]{1,7}) \[(\p{Lu}[^\]\n]{3,80})\]/gu;
/** `Technical Operations Sector (OTS)`. */
const DEFINED = /\(([A-Z][A-Za-z&]{1,9})\)/g;

/** A well-formed Roman numeral (`XIV`), not an acronym; `VC` is not one. */
const ROMAN = /^(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/**
 * Schwartz & Hearst (2003): the shortest run of words before `(SF)` whose letters contain
 * the short form's characters in order, the first one starting a word.
 */
export function longFormFor(shortForm: string, before: string): string | undefined {
  const words = before.trimEnd().split(/\s+/);
  // Initials first: `Technical Operations Sector (OTS)`, not the shorter `Operations Sector`.
  const letters = shortForm.replace(/[^\p{L}]/gu, '');
  for (let skip = 0; skip <= 2; skip++) {
    const run = words.slice(-(letters.length + skip));
    const initials = run
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('');
    if (run.length === letters.length + skip && initials.toLowerCase() === letters.toLowerCase() && /^\p{Lu}/u.test(run[0]!))
      return run.join(' ');
  }
  const candidate = words.slice(-Math.min(shortForm.length + 5, shortForm.length * 2)).join(' ');
  let s = shortForm.length - 1;
  let l = candidate.length - 1;
  while (s >= 0) {
    const c = shortForm[s]!.toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (candidate[l]!.toLowerCase() !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(candidate[l - 1]!)))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const long = candidate.slice(candidate.lastIndexOf(' ', l) + 1);
  return long.length > shortForm.length && long.split(/\s+/).length <= shortForm.length + 5 ? long : undefined;
}

/** Words an expansion may hold without giving a letter (`Ministry for State Security` is MfS, `Government of the Republic` GR). */
const FUNCTION_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'de', 'du', 'des', 'der', 'für', 'und']);

/** A text's words (runs of non-space), once per text, and where a long form can start in them. */
export interface Words {
  text: string;
  starts: number[];
  words: string[];
  /** By initial: the words ending in a capitalized word not after a letter or digit (`Government`, `(Government`). */
  byInitial: Map<string, number[]>;
}

const FIRST_WORD = /(?<![\p{L}\p{N}])[A-Z]\p{L}+$/u;

export function wordsOf(text: string): Words {
  const starts: number[] = [];
  const words: string[] = [];
  const byInitial = new Map<string, number[]>();
  for (const m of text.matchAll(/\S+/g)) {
    const first = FIRST_WORD.exec(m[0]);
    if (first) {
      const list = byInitial.get(first[0][0]!);
      if (list) list.push(words.length);
      else byInitial.set(first[0][0]!, [words.length]);
    }
    starts.push(m.index);
    words.push(m[0]);
  }
  return { text, starts, words, byInitial };
}

const LETTERS = /^\p{L}+/u;

/** The letters of a word that starts with capital `c`, then letters (`Israel` of `Israel's`); '' if it does not. */
function capitalized(word: string, c: string): string {
  if (word[0] !== c) return '';
  const rest = LETTERS.exec(word.slice(1));
  return rest ? c + rest[0] : '';
}

/** Whether a long form may end here: not before a digit, nor before spaces and another capital (`United States Air`). */
function endsAt(text: string, end: number): boolean {
  if (/[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(end) ?? 32))) return false;
  let next = end;
  while (text[next] === ' ' || text[next] === '\t') next++;
  return next === end || !/\p{Lu}/u.test(String.fromCodePoint(text.codePointAt(next) ?? 32));
}

/**
 * The long form spelled by `letters` from word `w`, or undefined: each letter a capitalized word;
 * between them, function words that give their letter (`every`) or are skipped, two at most.
 */
function longFormAt(ws: Words, w: number, letters: string[], every: boolean): { start: number; phrase: string; end: number } | undefined {
  const { words, starts, text } = ws;
  const first = FIRST_WORD.exec(words[w]!)![0];
  const phrase: string[] = [first];
  if (first[0] !== letters[0]!.toUpperCase()) return undefined;
  let at = w + 1;
  for (let i = 1; i < letters.length; i++, at++) {
    const c = letters[i]!.toUpperCase();
    if (!every) for (let skipped = 0; skipped < 2 && FUNCTION_WORDS.has(words[at] ?? ''); skipped++) phrase.push(words[at++]!);
    const word = words[at];
    if (word === undefined) return undefined;
    const head = capitalized(word, c);
    if (i === letters.length - 1) {
      const end = starts[at]! + head.length;
      if (!head || !endsAt(text, end)) return undefined;
      phrase.push(head);
      return { start: starts[w]! + words[w]!.length - first.length, phrase: phrase.join(' '), end };
    }
    const functionWord = every && FUNCTION_WORDS.has(word) && word[0] === c.toLowerCase();
    if (head !== word && !functionWord) return undefined;
    phrase.push(word);
  }
  return undefined;
}

/**
 * The document's own long form of an acronym it does not define: a run of words whose initials
 * spell it (`Government of Israel` for GOI; function words may count or not). The most frequent
 * run wins, the first on a tie; none when the text spells out none. `words` is `wordsOf(text)`.
 */
export function spelledOut(text: string, form: string, words: Words = wordsOf(text)): string | undefined {
  const letters = [...form];
  if (letters.length < 2 || letters.length > 6 || !letters.every((c) => /\p{L}/u.test(c))) return undefined;
  const counts = new Map<string, number>();
  for (const every of [true, false]) {
    // Matches do not overlap, as a global search's would not.
    let end = 0;
    for (const w of words.byInitial.get(letters[0]!.toUpperCase()) ?? []) {
      const found = longFormAt(words, w, letters, every);
      if (!found || found.start < end) continue;
      end = found.end;
      counts.set(found.phrase, (counts.get(found.phrase) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [phrase, n] of counts) if (best === undefined || n > counts.get(best)!) best = phrase;
  return best;
}

/** A line in capitals (`A JAIL THREAT FOR ATTORNEY`) is a headline, not a list of acronyms. */
function headlineLines(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/^[^\p{Ll}\r\n]*\p{Lu}{4,}[^\p{Ll}\r\n]*$/gmu)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** The expansions a document gives: an editor's brackets (also candidates themselves) and `Long Form (LF)`. */
function definedExpansions(text: string): { expansions: Map<string, string>; bracketed: Candidate[] } {
  const expansions = new Map<string, string>();
  const bracketed: Candidate[] = [];
  for (const m of text.matchAll(BRACKETED)) {
    if (m[2]!.split(/\s+/)[0]![0]!.toLowerCase() === m[1]![0]!.toLowerCase()) {
      expansions.set(m[1]!, m[2]!);
      bracketed.push({
        type: 'acronym',
        start: m.index,
        end: m.index + m[1]!.length,
        by: 'rule:acronyms/bracketed',
        priority: PRIORITY.bracketedAcronym,
        value: m[2]!,
      });
    }
  }
  for (const m of text.matchAll(DEFINED)) {
    const long = longFormFor(m[1]!, text.slice(Math.max(0, m.index - 200), m.index));
    if (long && !expansions.has(m[1]!)) expansions.set(m[1]!, long);
  }
  return { expansions, bracketed };
}

/** The forms in capitals that may be acronyms: not stop words, Roman numerals, numbers or words of a headline. */
function capitalForms(text: string, stop: ReadonlySet<string>): RegExpMatchArray[] {
  // Headlines are whole lines, apart and in order: a binary search finds the one an acronym is in.
  const headlines = new SortedSpans(headlineLines(text).map(([start, end]) => ({ start, end })));
  return [...text.matchAll(ACRONYM)].filter((m) => {
    const form = m[0];
    if (stop.has(form) || ROMAN.test(form) || /^\d/.test(form) || !/[A-Z].*[A-Z]/.test(form)) return false;
    return !headlines.containing(m.index!, m.index! + 1);
  });
}

/** A document whose words in capitals are mostly words and names (a newspaper's notices), not acronyms (a cable's). */
const WORDS_SHARE = 0.5;
const WORDS_AT_LEAST = 3;

/** Acronyms, with the expansion the text gives (bracketed or Schwartz–Hearst) when it gives one. */
export const acronymsExtractor: ExtractorFactory = ({ list, modelPath }) => {
  const stop = new Set(list('not-acronyms'));
  const vocabulary = vocabularyAt(modelPath);
  // `NOTICE`, `LONDON`, `STALIN`, `YEOVIL`: a word of four letters or more that period text writes as a word, or a
  // town of 10,000 people, is that word in capitals.
  const wordInCapitals = (form: string) =>
    /^[A-Z]{4,}$/.test(form) && (vocabulary.writtenAsWord(form) || (vocabulary.placePopulation(form) ?? 0) >= 10_000);
  return {
    id: 'rule:acronyms',
    description: 'Acronyms, expanded where the text defines them (Schwartz–Hearst) or an editor bracketed them',
    types: ['acronym'],
    extract(doc: Document): Candidate[] {
      const text = doc.text;
      const { expansions, bracketed } = definedExpansions(text);
      const forms = capitalForms(text, stop);
      // Where most words in capitals are words or names (`CUP`, `DORSET`, `MARRIED`), an undotted one the text does not
      // expand is a word too (`TWYFORD`, OCR's `TLHNER`); dotted initials stay acronyms (`M.P.`, `J.P.`).
      const words = forms.filter((m) => wordInCapitals(m[0]) && !expansions.has(m[0])).length;
      const capitalsAreWords = words >= WORDS_AT_LEAST && words >= WORDS_SHARE * forms.length;
      const notAcronym = (form: string) => (capitalsAreWords ? !form.includes('.') : wordInCapitals(form));
      const spelled = new Map<string, string | undefined>();
      let index: Words | undefined;
      return [
        ...bracketed,
        ...forms.map((m): Candidate => {
          const form = m[0];
          // What the document itself says first; the rule packs' expansions (a global list) only where it says nothing.
          if (!expansions.has(form) && !spelled.has(form)) spelled.set(form, spelledOut(text, form, (index ??= wordsOf(text))));
          const value = expansions.get(form) ?? expansions.get(form.replace(/\./g, '')) ?? spelled.get(form);
          return {
            type: 'acronym',
            start: m.index!,
            end: m.index! + form.length,
            by: 'rule:acronyms',
            priority: PRIORITY.acronym,
            ...(value ? { value } : {}),
            // The tagger was trained reading it as an acronym's span; no reader takes it for one.
            ...(!value && notAcronym(form) ? { evidenceOnly: true } : {}),
          };
        }),
      ];
    },
  };
};
