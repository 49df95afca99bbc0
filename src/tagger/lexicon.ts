import type { Lexicon } from './features.js';
import { tokenize } from './tokens.js';

/**
 * The word lists of the project's rule packs, by name (titles, particles …): all a lexicon needs
 * of the extraction context, said here so that the tagger does not depend on extract/.
 */
export interface WordLists {
  list(name: string): string[];
}

/** Abbreviations besides the titles that keep their period. */
const ABBREVIATIONS = [
  'jr',
  'sr',
  'st',
  'mt',
  'ft',
  'esq',
  'no',
  'nos',
  'vol',
  'co',
  'corp',
  'inc',
  'ltd',
  'bros',
  'messrs',
  'mme',
  'mlle',
  'gov',
  'sen',
  'rep',
  'hon',
  'rev',
  'dept',
  'univ',
];

/** How often each word is capitalized when not first in its sentence, in five bins (rare words left out). */
export function capitalization(texts: readonly string[], abbreviations: ReadonlySet<string>): Record<string, number> {
  const counts = new Map<string, [number, number]>();
  for (const text of texts) {
    const tokens = tokenize(text, abbreviations);
    const first = new Set(tokens.sentences);
    for (let i = 0; i < tokens.count; i++) {
      const word = text.slice(tokens.starts[i]!, tokens.ends[i]!);
      if (first.has(i) || !/^\p{L}/u.test(word) || /^\p{Lu}{2,}$/u.test(word)) continue;
      const prev = i > 0 ? text.slice(tokens.starts[i - 1]!, tokens.ends[i - 1]!) : '';
      if (/^[.!?:"“]$/.test(prev) || /\n\s*$/.test(text.slice(Math.max(0, tokens.starts[i]! - 3), tokens.starts[i]!))) continue;
      const key = word.toLowerCase();
      const c = counts.get(key) ?? [0, 0];
      c[/^\p{Lu}/u.test(word) ? 0 : 1]++;
      counts.set(key, c);
    }
  }
  const bins: Record<string, number> = {};
  for (const [word, [upper, lower]] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (upper + lower < 3) continue;
    const ratio = upper / (upper + lower);
    bins[word] = ratio < 0.1 ? 0 : ratio < 0.4 ? 1 : ratio < 0.7 ? 2 : ratio < 0.95 ? 3 : 4;
  }
  return bins;
}

/** The word lists of the rule packs and the capitalization statistics of the training texts. */
/** compromise's lexicon tags (read at training time only) as the tagger's word classes. */
const CLASS_OF: [RegExp, string][] = [
  [/Honorific/, 'title'],
  [/FirstName|MaleName|FemaleName/, 'first'],
  [/LastName/, 'last'],
  [/Person/, 'person'],
  [/City|Country|Region|Place/, 'place'],
  [/Organization|SportsTeam/, 'org'],
  [/Demonym/, 'demonym'],
  [/Month|WeekDay|Date/, 'date'],
  [/Noun|Plural|Singular|Adjective|Verb|Tense|Gerund|Infinitive|Participle|Adverb|Actor|Uncountable/, 'word'],
];

export function wordClasses(lexicon: Record<string, string | string[]>): Record<string, string> {
  const classes: Record<string, string> = {};
  for (const word of Object.keys(lexicon).sort()) {
    const tags = ([] as string[]).concat(lexicon[word]!).join(',');
    const found = CLASS_OF.find(([re]) => re.test(tags));
    if (found && word.split(' ').length <= 2) classes[word] = found[1];
  }
  return classes;
}

export function buildLexicon(
  texts: readonly string[],
  context: WordLists,
  classes: Record<string, string>,
  places: Record<string, number> = {},
): Lexicon {
  const titles = context.list('titles');
  const abbreviations = [...new Set([...ABBREVIATIONS, ...titles.filter((t) => !/\s/.test(t)).map((t) => t.toLowerCase())])].sort();
  return {
    abbreviations,
    titles: [...titles].sort(),
    orgHeads: [...new Set([...context.list('heads-before'), ...context.list('heads-after')])].sort(),
    particles: [...context.list('particles')].sort(),
    notNames: [...context.list('not-names')].sort(),
    capitals: capitalization(texts, new Set(abbreviations)),
    classes,
    places,
  };
}
