import { recordId, type AuthorityRecord } from '../core/authority.js';
import type { Titles } from '../core/titles.js';
import type { Sidecar } from '../core/schema.js';

/** What a build knows besides the sidecars: name order and the corpus's own vocabulary. */
export interface NameKnowledge {
  /** Family names written first whose short form is the family name (`Kim Jong Pil` is Kim): Korean, Chinese. */
  surnamesFirst?: ReadonlySet<string>;
  /** Family names written first whose short form is the given name (`Ngo Dinh Diem` is Diem): Vietnamese. */
  familyFirstGivenShort?: ReadonlySet<string>;
  /** Words the corpus writes in lower case (`instruction`, `advertiser`): common words, no surnames. */
  lowerInCorpus?: ReadonlySet<string>;
}

/** A name as a record knows it: its form, its family name, and the short form mentions use. */
interface PersonName {
  name: string;
  family: string;
  /** The family name comes first (`Kim Jong Pil`, `Pham Van Dong`). */
  familyFirst: boolean;
  /** What a mention alone says: the family name, or for Vietnamese names the given name. */
  short: string;
}

/** `M. Helmut Kohl`: a French `M.` (Monsieur) before a first name is a title, not an initial. */
const FRENCH_TITLE = /^(?:M|MM|Mme|Mlle)\.?\s+/;

/**
 * A person's name as a record's form: titles off, a first name (a known one, or an initial)
 * and a surname, or a family name written first; `President's Deputy Special Assistant` is no one's name.
 */
function personName(
  text: string,
  titles: Titles,
  isFirstName: (word: string) => boolean,
  knowledge: NameKnowledge,
): PersonName | undefined {
  let name = titles
    .strip(text.replace(/\s+/g, ' '))
    .replace(/[,;:]+$/, '')
    .trim();
  // `M.` before a given name written out and a surname is Monsieur; `J. Edgar Hoover` keeps its initial.
  const afterFrench = name.replace(FRENCH_TITLE, '');
  // After a title the words are a name, whether or not the word lists know its given name.
  const monsieur = afterFrench !== name && /^\p{Lu}\p{Ll}+ \S/u.test(afterFrench);
  if (monsieur) name = afterFrench;
  const words = name.split(' ');
  if (words.length < 2 || words.length > 5) return undefined;
  if (!words.every((w) => /^(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|di|du|la|le|Jr\.?|Sr\.?)$/u.test(w))) return undefined;
  const initials = words.some((w) => /^\p{Lu}\.?$/u.test(w));
  const first = words[0]!;
  if (words.length <= 4 && !initials && knowledge.surnamesFirst?.has(first))
    return { name, family: first, familyFirst: true, short: first };
  if (words.length <= 4 && !initials && knowledge.familyFirstGivenShort?.has(first))
    return { name, family: first, familyFirst: true, short: words[words.length - 1]! };
  if (!(/^\p{Lu}\.$/u.test(first) || isFirstName(first) || monsieur)) return undefined;
  if (!/^\p{Lu}\p{Ll}/u.test(words[words.length - 1]!)) return undefined;
  const family = surnameOf(name);
  return { name, family, familyFirst: false, short: family };
}

const surnameOf = (name: string) =>
  name
    .split(' ')
    .filter((w) => !/^(?:Jr\.?|Sr\.?)$/.test(w))
    .pop()!;

/** Letters only, lower case, no diacritics: `Jong-pil` and `Jong Pil` are one given name. */
const folded = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();

/**
 * Records proposed from the corpus: every full name people were found under (titles off),
 * with its surname as a variant, the number of mentions (the surname alone included) and
 * the texts. Names that share a surname and a first initial are one record (`Robert S.
 * McNamara`, `Robert McNamara`), under the longest form; names written family name first
 * (`Kim Jong Pil`, `Kim Il-song`) are one record per given name, and keep their order in the id.
 */
export function proposeRecords(
  sidecars: Iterable<Sidecar>,
  titles: Titles,
  classOf: (word: string) => string | undefined,
  knowledge: NameKnowledge = {},
): AuthorityRecord[] {
  const titleWords = titles.words;
  const isFirstName = (w: string) => classOf(w.toLowerCase()) === 'first';
  // A surname must not read as something else: a common word (`City`, `Resolved`), a title (`Count`), a first name (`James`), a place.
  const isSurname = (w: string) =>
    /^\p{Lu}\p{Ll}/u.test(w) &&
    !titleWords.has(w.toLowerCase()) &&
    !['word', 'first', 'title', 'place', 'date', 'demonym'].includes(classOf(w.toLowerCase()) ?? '');
  // Nor, without a known first name before it, a word the corpus itself writes in lower case (`the advertiser`,
  // `an instruction`); after one it is a name all the same (`George Young`).
  const namesAlone = (w: string) => isSurname(w) && !knowledge.lowerInCorpus?.has(w.toLowerCase());
  const groups = new Map<string, NameGroup>();
  const surnames: { surname: string; path: string }[] = [];
  const titled = new Map<string, string[]>();
  for (const sidecar of sidecars) {
    for (const e of sidecar.entries) {
      if (e.type !== 'person' || e.status === 'rejected' || e.status === 'orphaned') continue;
      const person = personName(e.text, titles, isFirstName, knowledge);
      if (person && !person.familyFirst && !(isFirstName(person.name.split(' ')[0]!) ? isSurname : namesAlone)(person.family)) continue;
      if (!person) {
        const bare = titles.strip(e.text).trim();
        if (!/^\p{Lu}\p{Ll}+$/u.test(bare) || !namesAlone(bare)) continue;
        surnames.push({ surname: bare, path: sidecar.source.path });
        // A titled surname (`Ambassador Lodge`) is confident too: a record of its own unless a full name has that surname.
        if (titles.leadingRun(e.text)) titled.set(bare, [...(titled.get(bare) ?? []), sidecar.source.path]);
        continue;
      }
      const { name } = person;
      // Western names by surname and first initial; names written family name first by the whole given name.
      const key = person.familyFirst ? `${person.short}|${folded(name.slice(person.family.length))}` : `${person.short}|${name[0]}`;
      const group = groups.get(key) ?? { forms: new Map(), texts: new Set(), alone: 0, name: person };
      group.forms.set(name, (group.forms.get(name) ?? 0) + 1);
      group.texts.add(sidecar.source.path);
      groups.set(key, group);
    }
  }
  countSurnamesAlone(groups, titled, surnames);
  return [...groups.entries()].map(([key, g]) => recordOf(key, g)).sort((a, b) => a.id.localeCompare(b.id));
}

interface NameGroup {
  forms: Map<string, number>;
  texts: Set<string>;
  alone: number;
  name?: PersonName;
}

/**
 * A surname alone counts for its record when one record only has that surname; a titled
 * surname no full name has (`Ambassador Lodge`) becomes a record of its own.
 */
function countSurnamesAlone(
  groups: Map<string, NameGroup>,
  titled: ReadonlyMap<string, string[]>,
  surnames: readonly { surname: string; path: string }[],
): void {
  const bySurname = new Map<string, string[]>();
  for (const key of groups.keys()) bySurname.set(key.split('|')[0]!, [...(bySurname.get(key.split('|')[0]!) ?? []), key]);
  for (const [surname, paths] of titled) {
    if (bySurname.has(surname)) continue;
    const key = `${surname}|`;
    groups.set(key, { forms: new Map([[surname, 0]]), texts: new Set(paths), alone: 0 });
    bySurname.set(surname, [key]);
  }
  for (const { surname, path } of surnames) {
    const keys = bySurname.get(surname);
    if (keys?.length !== 1) continue;
    const group = groups.get(keys[0]!)!;
    group.alone++;
    group.texts.add(path);
  }
}

/** A proposed record: the longest form preferred, the others and the surname its variants. */
function recordOf(key: string, g: NameGroup): AuthorityRecord {
  const forms = [...g.forms.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const preferred = forms[0]!;
  const surname = key.split('|')[0]!;
  return {
    id: recordId('person', preferred, g.name?.familyFirst),
    type: 'person',
    preferred,
    variants: [...new Set([...forms.slice(1), surname])].filter((v) => v !== preferred).sort(),
    status: 'proposed',
    mentions: [...g.forms.values()].reduce((n, c) => n + c, 0) + g.alone,
    texts: [...g.texts].sort(),
  };
}

/**
 * The proposals merged into the existing records without touching people's work: a record
 * that exists (by id, or by a shared full form) keeps every field a person may have edited;
 * only the counts of a still-proposed record are refreshed (or, for a `curated` list, the
 * proposal is replaced by the list's record). New records are added.
 */
export function mergeRecords(
  existing: readonly AuthorityRecord[],
  proposed: readonly AuthorityRecord[],
  options: { curated?: boolean } = {},
): { records: AuthorityRecord[]; added: number } {
  const byId = new Map(existing.map((r) => [r.id, r]));
  const byForm = new Map(existing.flatMap((r) => [r.preferred, ...r.variants.filter((v) => v.includes(' '))].map((f) => [f, r] as const)));
  const records = existing.map((r) => ({ ...r }));
  const index = new Map(records.map((r, i) => [r.id, i]));
  let added = 0;
  for (const p of proposed) {
    const match = byId.get(p.id) ?? byForm.get(p.preferred);
    if (!match) {
      records.push(p);
      added++;
      continue;
    }
    if (match.status !== 'proposed') continue;
    const i = index.get(match.id)!;
    // A curated list (an import) outranks the machine's proposal; a new proposal only refreshes the counts.
    records[i] = options.curated ? { ...p, id: match.id } : { ...records[i]!, mentions: p.mentions, texts: p.texts };
  }
  return { records, added };
}
