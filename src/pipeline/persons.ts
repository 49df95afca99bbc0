// Decisions about persons that resolve makes on the words themselves, apart from overlaps: which
// candidates are plausible persons, and which all-capital words are a person named elsewhere.
import { PRIORITY } from '../core/priority.js';
import type { Candidate } from '../extract/types.js';
import type { Vocabulary } from '../extract/vocabulary.js';
import { WordStarts, leadingWord, wordsBefore } from './mentions.js';

/** Sources whose evidence for a person is weak: a capitalized word before a speech verb. */
const WEAK = new Set(['rule:names/speaker', 'nlp:tagger']);

/**
 * A town of this many people or more, alone, that no word list knows as a name and the document
 * never gives a first name, an initial or a title, is the town (`Poole`, `Rochdale`, `Oldham`).
 */
const TOWN = 50_000;

function townNotName(text: string, surface: string, { placePopulation, wordClass, isTitle }: Vocabulary, seen: Seen): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(surface)) return false;
  let known = seen.towns.get(surface);
  if (known === undefined) seen.towns.set(surface, (known = townAlone(text, surface, { placePopulation, wordClass, isTitle })));
  return known;
}

function townAlone(
  text: string,
  surface: string,
  { placePopulation, wordClass, isTitle }: Pick<Vocabulary, 'placePopulation' | 'wordClass' | 'isTitle'>,
): boolean {
  if ((placePopulation(surface) ?? 0) < TOWN || ['first', 'last', 'person'].includes(wordClass(surface) ?? '')) return false;
  // The word before each mention: an initial, a first name or a title makes it a person's name.
  return !wordsBefore(text, surface).some((word) => /^\p{Lu}\.$/u.test(word) || wordClass(word) === 'first' || isTitle(word));
}

/**
 * A nationality (`Greeks`, `Swiss`) or a title or office alone (`Minister`, `His Majesty`) is
 * never a person; a weakly found one-word person that period text or the document itself writes
 * in lower case is dropped. An accepted authority record is taken as it is.
 */
export function plausible(text: string, candidates: readonly Candidate[], lower: ReadonlySet<string>, vocabulary: Vocabulary): Candidate[] {
  const seen = new Seen(text, candidates);
  return candidates.flatMap((c) => {
    const keep = keepAs(text, c, lower, seen, vocabulary);
    return keep === true ? [c] : keep === false ? [] : [{ ...c, type: keep }];
  });
}

/**
 * The tagger's person that the document puts after `in`, `at`, `near` (`in Muong Soui`, `at
 * Luang Prabang`) is a place: people are met, not stood in. Not a possessive (`in Diem's
 * view`) nor part of a longer name (`in Rusk Files`); at least half of the form's mentions.
 */
const LOCATIVE = /(?:^|[^\p{L}])(?:in|at|near|around|outside|inside|into|toward|towards)\s+$/iu;
function locatedSomewhere(text: string, surface: string, seen: Seen): boolean {
  let known = seen.located.get(surface);
  if (known === undefined) {
    // At least half of the mentions of the exact form (whole words) follow such a preposition.
    let mentions = 0;
    let after = 0;
    for (const at of seen.starts().occurrences(surface)) {
      const next = text.slice(at + surface.length, at + surface.length + 3);
      if (/^[\p{L}\p{N}]/u.test(text.slice(at - 1, at)) || /^(?:[\p{L}\p{N}'’]|\s+\p{Lu})/u.test(next)) continue;
      mentions++;
      if (LOCATIVE.test(text.slice(Math.max(0, at - 12), at))) after++;
    }
    known = mentions > 0 && after * 2 >= mentions;
    seen.located.set(surface, known);
  }
  return known;
}

/** What one text's decisions found out about a form, each looked up once per text. */
class Seen {
  readonly located = new Map<string, boolean>();
  readonly towns = new Map<string, boolean>();
  private index: WordStarts | undefined;
  constructor(
    private readonly text: string,
    private readonly candidates: readonly Candidate[],
  ) {}
  /** Where the words of the tagger's persons start: made when first asked for. */
  starts(): WordStarts {
    if (this.index) return this.index;
    const persons = this.candidates.filter((c) => c.type === 'person' && c.by === 'nlp:tagger');
    return (this.index = new WordStarts(this.text, new Set(persons.map((c) => leadingWord(this.text.slice(c.start, c.end))))));
  }
}

function keepAs(text: string, c: Candidate, lower: ReadonlySet<string>, seen: Seen, vocabulary: Vocabulary): boolean | string {
  const { doubtfulPerson, noNameWords, notPersonAlone, periodLower, titleOrNationality } = vocabulary;
  {
    if (c.by === 'rule:authority') return true;
    // The tagger's place or organization that is only a title or a nationality (`President`, `Soviet`) names nothing.
    // Nor does one that period text mostly writes in lower case (`Subscribers`).
    if (c.type === 'place' || c.type === 'org') {
      const surface = text.slice(c.start, c.end);
      return !(c.by === 'nlp:tagger' && (titleOrNationality(surface) || (/^\p{Lu}\p{Ll}+$/u.test(surface) && periodLower(surface))));
    }
    if (c.type !== 'person') return true;
    const surface = text.slice(c.start, c.end);
    if (notPersonAlone(surface)) return false;
    // A title that ends a sentence (`the Secretary. Resolved`) introduces no name: only an abbreviation (`Gen.`) takes a period.
    if (c.by === 'rule:names/titled' && /^\p{L}{6,}\.\s/u.test(surface)) return false;
    // After a title the words are a name, whatever else they mean (`Ambassador Lodge`).
    if (c.by !== 'rule:names/titled' && noNameWords(surface)) return false;
    if (WEAK.has(c.by) && doubtfulPerson(surface, lower)) return false;
    if (WEAK.has(c.by) && townNotName(text, surface, vocabulary, seen)) return 'place';
    return c.by === 'nlp:tagger' && locatedSomewhere(text, surface, seen) ? 'place' : true;
  }
}

/**
 * `STALIN` in a headline or a telegram's capitals is the person the document names elsewhere
 * (`Stalin`, `Joseph Stalin`), not an acronym: an all-capital word that is a known person's
 * name or last name in the same document becomes that person.
 */
export function capitalsNames(text: string, kept: readonly Candidate[]): Candidate[] {
  const names = new Map<string, Candidate>();
  for (const c of kept) {
    if (c.type !== 'person') continue;
    const surface = text.slice(c.start, c.end);
    if (/\p{Ll}/u.test(surface)) for (const w of [surface, surface.split(/\s+/).pop()!]) if (w.length > 2) names.set(w.toUpperCase(), c);
  }
  const out: Candidate[] = [];
  for (const c of kept) {
    if (c.type !== 'acronym' || c.by !== 'rule:acronyms') continue;
    const source = names.get(text.slice(c.start, c.end));
    if (source)
      out.push({
        type: 'person',
        start: c.start,
        end: c.end,
        by: 'resolve:propagated',
        priority: PRIORITY.propagated,
        ...(source.ref ? { ref: source.ref } : {}),
      });
  }
  return out;
}

/** A capitalized word, perhaps an initial after it, then a word in capitals (`Joseph STALIN`, `John F. KENNEDY`). */
const FIRST_THEN_CAPITALS = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)((?:\s+\p{Lu}\.)?\s+)(\p{Lu}{3,})(?![\p{L}\p{N}])/gu;

/**
 * Names in capitals where the words around say so: a known first name before a word in capitals
 * that is no common word or title (`Joseph STALIN`) is a person, and so is that word in capitals
 * elsewhere in the document (`STALIN was mentioned once more`). Above the tagger's guesses in their tier.
 */
export function namesInCapitals(text: string, { wordClass, commonWord, isTitle }: Vocabulary): Candidate[] {
  const person = (m: RegExpMatchArray): Candidate => ({
    type: 'person',
    start: m.index!,
    end: m.index! + m[0].length,
    by: 'resolve:capitals',
    priority: PRIORITY.capitalsName,
  });
  const out: Candidate[] = [];
  const surnames = new Set<string>();
  for (const m of text.matchAll(FIRST_THEN_CAPITALS)) {
    const [, first, , surname] = m;
    if (wordClass(first!) !== 'first' || commonWord(surname!) || isTitle(surname!)) continue;
    out.push(person(m));
    surnames.add(surname!);
  }
  if (!surnames.size) return out;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{3,}(?![\p{L}\p{N}])/gu)) if (surnames.has(m[0])) out.push(person(m));
  return out;
}
