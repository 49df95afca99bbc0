import type { Entry } from '../core/schema.js';

/** Letters as a key compares them: lower case, diacritics off (`Çağlayangil` is `caglayangil`), dotless ı as i. */
export const foldForKey = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase();

const isInitial = (w: string) => /^\p{Lu}\.?$/u.test(w);
const word = (w: string) => w.replace(/[^\p{L}'’-]/gu, '');

/**
 * Mentions of one person share a cluster key: `person:` and the surname (folded), which is the
 * last word, or the first for a name written surname first (`Kim Dong Jo`, `Mao Zedong`: the
 * pack's `surnames-first` list). When the document names two people of one surname with
 * different first names or initials (Allen Dulles, John Foster Dulles), each full form gets
 * its own key (`person:dulles-a`, `person:dulles-j`) and a bare `Dulles` keeps the surname's.
 * A family name written first is shared by too many people to stand for one (`Kim Il-song`,
 * `Kim Jong Pil`, across the corpus as well): such a full name always keys with its given name
 * (`person:kim-ilsong`), and a bare `Kim` takes that key where the document names one Kim only.
 * Keys from a gazetteer or authority (`wd:Q…`) are left alone.
 */
export function clusterPersons(entries: readonly Entry[], surnameFirst: ReadonlySet<string> = new Set()): Entry[] {
  const named = entries.map((e) => {
    if (e.type !== 'person' || (e.cluster && !e.cluster.startsWith('person:'))) return undefined;
    // The name without the titles the title stage found (`Ambassador Kim` → `Kim`).
    const name = e.title && e.text.startsWith(e.title) ? e.text.slice(e.title.length) : e.text;
    const words = name.split(/\s+/).map(word).filter(Boolean);
    if (!words.length) return undefined;
    const first = words.length >= 2 && words.length <= 3 && surnameFirst.has(words[0]!) && !words.some(isInitial);
    const surname = foldForKey(first ? words[0]! : words[words.length - 1]!);
    const given = first || words.length < 2 ? undefined : foldForKey(words[0]!).charAt(0);
    const givenName = first ? foldForKey(words.slice(1).join('')).replace(/[^\p{L}]/gu, '') : undefined;
    return { surname, given, givenName };
  });
  const givens = new Map<string, Set<string>>();
  const givenNames = new Map<string, Set<string>>();
  for (const n of named) {
    if (n?.given) givens.set(n.surname, (givens.get(n.surname) ?? new Set()).add(n.given));
    if (n?.givenName) givenNames.set(n.surname, (givenNames.get(n.surname) ?? new Set()).add(n.givenName));
  }
  return entries.map((e, i) => {
    const n = named[i];
    if (!n) return e;
    const familyFirst = givenNames.get(n.surname);
    // A bare family name written first elsewhere in the document: the one person of that name, if one.
    const givenName = n.givenName ?? (n.given === undefined && familyFirst?.size === 1 ? [...familyFirst][0] : undefined);
    if (givenName) return { ...e, cluster: `person:${n.surname}-${givenName}` };
    const apart = n.given !== undefined && givens.get(n.surname)!.size > 1;
    return { ...e, cluster: `person:${n.surname}${apart ? `-${n.given}` : ''}` };
  });
}
