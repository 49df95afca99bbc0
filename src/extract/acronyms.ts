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
const FUNCTION_WORDS = String.raw`(?:of|for|and|the|on|in|de|du|des|der|für|und)`;

/**
 * The document's own long form of an acronym it does not define: a run of words whose initials
 * spell it (`Government of Israel` for GOI; function words may count or not). The most frequent
 * run wins, the first on a tie; none when the text spells out none.
 */
export function spelledOut(text: string, form: string): string | undefined {
  const letters = [...form];
  if (letters.length < 2 || letters.length > 6 || !letters.every((c) => /\p{L}/u.test(c))) return undefined;
  const capital = (c: string) => String.raw`${c.toUpperCase()}\p{L}+`;
  // Inside the run, a function word may give its letter: the `of` of `Government of Israel`.
  const inner = (c: string) => String.raw`(?:${capital(c)}|(?=${c.toLowerCase()})${FUNCTION_WORDS})`;
  // Every word counts (`Government of Israel`), or capitals count and function words between them do not.
  const every = letters.map((c, i) => (i === 0 || i === letters.length - 1 ? capital(c) : inner(c))).join(String.raw`\s+`);
  const capitals = letters.map(capital).join(String.raw`(?:\s+${FUNCTION_WORDS}){0,2}\s+`);
  const counts = new Map<string, number>();
  for (const source of [every, capitals]) {
    // The whole name only: `United States Air` in `United States Air Force` is no long form of USA.
    for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${source})(?![\p{L}\p{N}]|[ \t]+\p{Lu})`, 'gu'))) {
      const phrase = m[0].replace(/\s+/g, ' ');
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
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
      const expansions = new Map<string, string>();
      const out: Candidate[] = [];
      for (const m of text.matchAll(BRACKETED)) {
        if (m[2]!.split(/\s+/)[0]![0]!.toLowerCase() === m[1]![0]!.toLowerCase()) {
          expansions.set(m[1]!, m[2]!);
          out.push({
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
      // Headlines are whole lines, apart and in order: a binary search finds the one an acronym is in.
      const headlines = new SortedSpans(headlineLines(text).map(([start, end]) => ({ start, end })));
      const spelled = new Map<string, string | undefined>();
      for (const m of text.matchAll(ACRONYM)) {
        const form = m[0];
        if (stop.has(form) || ROMAN.test(form) || /^\d/.test(form) || !/[A-Z].*[A-Z]/.test(form)) continue;
        if (headlines.containing(m.index, m.index + 1)) continue;
        // What the document itself says first; the rule packs' expansions (a global list) only where it says nothing.
        if (!expansions.has(form) && !spelled.has(form)) spelled.set(form, spelledOut(text, form));
        const value = expansions.get(form) ?? expansions.get(form.replace(/\./g, '')) ?? spelled.get(form);
        out.push({
          type: 'acronym',
          start: m.index,
          end: m.index + form.length,
          by: 'rule:acronyms',
          priority: PRIORITY.acronym,
          ...(value ? { value } : {}),
          // The tagger was trained reading it as an acronym's span; no reader takes it for one.
          ...(!value && wordInCapitals(form) ? { evidenceOnly: true } : {}),
        });
      }
      return out;
    },
  };
};
