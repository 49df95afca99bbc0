import { lexiconSets, type LexiconSets } from '../tagger/features.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SHIPPED_MODEL, wordKnowledgeOf, type Model } from '../tagger/model.js';
import { casing } from '../tagger/period.js';
import { loadGazetteer, populationOf, type Gazetteer } from '../tagger/gazetteer.js';

/** The bare lower-case word: no trailing period or punctuation, no possessive. */
const bare = (word: string) =>
  word
    .replace(/[.,;:!?)\]]+$/, '')
    .replace(/['’]s?$/, '')
    .toLowerCase();

/** Function words that may stand beside a title without making a name (`the Secretary of State`). */
const FUNCTION = new Set(['the', 'his', 'her', 'their', 'your', 'of', 'for', 'and', 'de']);
/** Nouns of address that are titles (`His Majesty`, `Your Excellency`). */
const HONORIFIC = new Set(['majesty', 'majefty', 'highness', 'excellency', 'holiness', 'lordship', 'grace']);
const THE_SHARE = 0.2;
/** Uses in lower case or capitalized (not in capitals) that make a form a word of period text. */
const WORD_USES = 10;
const COMMON_SHARE = 0.05;

/** The words a document writes in lower case (mid-sentence: a lower-case first letter). */
export function lowerCaseWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{L}'’]*/gu)) out.add(m[0]);
  return out;
}

/**
 * What period text and the word lists know about a capitalized word, for the pipeline's
 * decisions about persons: a model's lexicon (compromise's word classes, the rule packs'
 * titles, how often period text capitalizes a word inside a sentence). A run makes it from
 * the model its project uses, once, and hands it down; nothing here is global.
 */
export class Vocabulary {
  private readonly sets: LexiconSets;
  /** Read on first use: runs that never ask about a place never load it. */
  private gazetteer: Gazetteer | undefined;
  constructor(model: Pick<Model, 'lexicon' | 'period'>) {
    this.sets = lexiconSets(model.lexicon, model.period);
  }

  /** A nationality or people, singular or plural: `Greek`, `Koreans`, `Englishmen`, `Swiss`. */
  readonly isDemonym = (word: string): boolean => {
    const w = bare(word);
    const { classes } = this.sets;
    if (classes.get(w) === 'demonym') return true;
    const singular = [w.replace(/es$/, ''), w.replace(/s$/, ''), w.replace(/men$/, 'man')].filter((s) => s !== w);
    return singular.some((s) => classes.get(s) === 'demonym');
  };

  /** A title or office (`Minister`, `Vice President`'s words, `Sec`). */
  readonly isTitle = (word: string): boolean => {
    const w = bare(word);
    const { titles, classes } = this.sets;
    return titles.has(w) || HONORIFIC.has(w) || classes.get(w) === 'title';
  };

  /** Period text writes it mostly in lower case inside a sentence (`Reference`, `Hope`), by the period table or the training texts. */
  readonly mostlyLower = (word: string): boolean => {
    const { period, capitals } = this.sets;
    const c = period && casing(period, bare(word));
    if (c && c.capital + c.lower >= 20) return c.capital / (c.capital + c.lower) < 0.3;
    const bin = capitals.get(bare(word));
    return bin !== undefined && bin <= 1;
  };

  /** Period text has seen it often enough and writes it mostly in lower case (`Resolved`, `Hope`, but not `Wood`, 44 % capitalized). */
  readonly periodLower = (word: string): boolean => {
    const { period } = this.sets;
    const c = period && casing(period, bare(word));
    return !!c && c.capital + c.lower >= 20 && c.capital / (c.capital + c.lower) < 0.3;
  };

  /**
   * Period text writes it as a capitalized head after `the` (`the Soviets`, `the Swiss`, `the
   * President`, `the Pueblo`): a people, an office or a thing, which a person's name rarely is.
   */
  readonly afterThe = (word: string): boolean => {
    const { period } = this.sets;
    const c = period && casing(period, bare(word));
    return !!c && c.capital >= 10 && c.afterThe / c.capital >= THE_SHARE;
  };

  /** A common word: period text writes it in lower case often enough (`files`, `central`, `special`, but also `wood`, `park`). */
  readonly commonWord = (word: string): boolean => {
    const { period } = this.sets;
    const c = period && casing(period, bare(word));
    if (c && c.capital + c.lower >= 30) return c.lower >= 30 && c.lower / (c.capital + c.lower) >= COMMON_SHARE;
    return this.wordClass(word) === 'word' && this.mostlyLower(word);
  };

  /**
   * Words that make no name together (`Central Files`, `Secretary of State`, `President's Special
   * Assistant`, `Democratic People`): two or more, each a function word, a title, a nationality, a
   * common word or a capitalized head after `the`. One common word alone may be a name (`Lodge`, `Ball`).
   */
  readonly noNameWords = (span: string): boolean => {
    const words = span.split(/[\s-]+/).filter(Boolean);
    if (words.length < 2) return false;
    return words.every(
      (w) =>
        FUNCTION.has(bare(w)) ||
        this.isTitle(w) ||
        this.isDemonym(w) ||
        this.commonWord(w) ||
        this.afterThe(w) ||
        this.wordClass(w) === 'date',
    );
  };

  /**
   * Period text writes it as a word or a name, not in capitals only (`London`, `married`, `Stalin`;
   * not `NATO`), or a word list knows it: a word in capitals is then that word, not an acronym.
   */
  readonly writtenAsWord = (word: string): boolean => {
    const c = this.sets.period && casing(this.sets.period, bare(word));
    if (c) return c.capital + c.lower >= WORD_USES;
    return ['word', 'first', 'last', 'person', 'place'].includes(this.wordClass(word) ?? '');
  };

  /** The population of the largest place of that name in GeoNames (places of 5,000 people or more), if any. */
  readonly placePopulation = (word: string): number | undefined => populationOf((this.gazetteer ??= loadGazetteer()), bare(word));

  /** A phrase whose head is an organization's (`Ministry of Interior`, `Technical Operations Sector`; not `Embassy telegram`). */
  readonly namesOrganization = (phrase: string): boolean => {
    const head =
      phrase
        .split(/\s+(?:of|for|in|on)\s+|,/)[0]!
        .trim()
        .split(/\s+/)
        .pop() ?? '';
    return this.sets.orgHeads.has(bare(head)) || this.wordClass(head) === 'org';
  };

  /** A word list's class of a word: first, last, person, place, org, demonym, title, date, word. */
  readonly wordClass = (word: string): string | undefined => {
    return this.sets.classes.get(bare(word));
  };

  /** Never a person alone: nationalities, titles and offices, and the function words between them (`His Majesty`, `Greek Cypriots`). */
  readonly notPersonAlone = (span: string): boolean => {
    const words = span.split(/[\s-]+/).filter(Boolean);
    if (words.length === 1 && /^\p{Lu}\p{Ll}/u.test(words[0]!) && this.afterThe(words[0]!)) return true;
    return this.titleOrNationality(span);
  };

  /** Only titles, offices and nationalities (`President`, `Vice President`, `His Majesty`, `Soviet`): no name of any kind. */
  readonly titleOrNationality = (span: string): boolean => {
    const words = span.split(/[\s-]+/).filter(Boolean);
    if (!words.length || words.every((w) => FUNCTION.has(bare(w)))) return false;
    // A people named by a nationality and a plural (`Greek Cypriots`, `Turkish Cypriots`).
    if (words.length === 2 && this.isDemonym(words[0]!) && /\p{Ll}s$/u.test(words[1]!)) return true;
    // Titles of several words (`Vice President`, `Chief Justice`) are matched whole, the longest first.
    const { titles } = this.sets;
    for (let i = 0; i < words.length;) {
      let j = words.length;
      while (j > i + 1 && !titles.has(words.slice(i, j).map(bare).join(' '))) j--;
      if (j === i + 1 && !(FUNCTION.has(bare(words[i]!)) || this.isTitle(words[i]!) || this.isDemonym(words[i]!))) return false;
      i = j;
    }
    return true;
  };

  /**
   * Weak evidence for a person is not enough for this string: a nationality, a title alone, a
   * word period text mostly writes in lower case, or one this very document also writes in lower
   * case (`Hope` beside `hope`); first and last names that word lists know stay possible.
   */
  readonly doubtfulPerson = (span: string, lowerInDocument: ReadonlySet<string>): boolean => {
    if (this.notPersonAlone(span)) return true;
    const words = span.split(/\s+/).filter(Boolean);
    if (words.length !== 1) return false;
    const w = words[0]!;
    const cls = this.wordClass(w);
    if (cls === 'first' || cls === 'last' || cls === 'person') return false;
    // Period text's casing decides where it has seen the word often enough; otherwise a word the lists
    // do not know as a common word (`Diem`) is judged by the document alone.
    const { period } = this.sets;
    const c = period && casing(period, bare(w));
    const known = !!c && c.capital + c.lower >= 20;
    return (known ? this.mostlyLower(w) : cls === 'word' && this.mostlyLower(w)) || lowerInDocument.has(bare(w));
  };
}

/** Vocabularies by model file and the sha256 of its bytes: one per model read. */
const made = new Map<string, { sha256: string; vocabulary: Vocabulary }>();

/**
 * The vocabulary of the model at a path (the shipped model's without one), made once per model
 * file. It reads the model's lexicon and period table only, not its weights (whatever their feature set).
 */
export function vocabularyAt(modelPath?: string): Vocabulary {
  const file = modelPath ?? fileURLToPath(SHIPPED_MODEL);
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  const seen = made.get(file);
  if (seen?.sha256 === sha256) return seen.vocabulary;
  const vocabulary = new Vocabulary(wordKnowledgeOf(file));
  made.set(file, { sha256, vocabulary });
  return vocabulary;
}

/** The shipped model's vocabulary, for callers outside a project run (tests, the library's defaults). */
export const shippedVocabulary = (): Vocabulary => vocabularyAt();
