import { oneTypePerName } from './one-type.js';
import type { Document } from '../core/document.js';
import type { Candidate } from '../extract/types.js';
import { wholeFormMatches } from '../core/forms.js';
import { STRUCTURE_TYPES, VALUE_KEYS, type Entry } from '../core/schema.js';
import { PRIORITY } from '../core/priority.js';
import { withinBlocks } from './blocks.js';
import { DisjointSpans, SortedSpans } from '../core/intervals.js';
import { withContext } from '../core/anchor.js';
import { lowerCaseWords, shippedVocabulary, type Vocabulary } from '../extract/vocabulary.js';
import { capitalsNames, namesInCapitals, plausible } from './persons.js';

/** Candidates compete only within a layer: an acronym may also be an organization, a note holds names. */
export function layerOf(type: string): string {
  if ((STRUCTURE_TYPES as readonly string[]).includes(type)) return 'structure';
  return type === 'acronym' ? 'acronym' : 'entity';
}

/** Priorities compare by tens: within a tier the longer span wins (`Ho Chi Minh City` over `Ho Chi Minh`). */
const tier = (c: Candidate) => Math.floor(c.priority / 10);

function rank(a: Candidate, b: Candidate): number {
  return (
    tier(b) - tier(a) ||
    b.end - b.start - (a.end - a.start) ||
    b.priority - a.priority ||
    a.start - b.start ||
    a.type.localeCompare(b.type) ||
    a.by.localeCompare(b.by)
  );
}

/** Keep the best candidates that do not overlap within their layer; structure only loses exact duplicates. */
function select(candidates: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const byKey = new Map<string, Candidate>();
  const ranked = candidates.filter((c) => c.end > c.start).sort(rank);
  // Per competing layer, the spans kept so far: an overlap test in log time, not against every kept span.
  const keptSpans = new Map(
    ['entity', 'acronym'].map((layer) => [layer, new DisjointSpans(ranked.filter((c) => layerOf(c.type) === layer))]),
  );
  for (const c of ranked) {
    const key = `${c.type}:${c.start}:${c.end}:${c.n ?? ''}`;
    const same = byKey.get(key);
    if (same) {
      // The same span found twice: the better one stays, completed by what the other knows.
      if (same.value === undefined && c.value !== undefined) same.value = c.value;
      if (same.cluster === undefined && c.cluster !== undefined) same.cluster = c.cluster;
      continue;
    }
    const spans = keptSpans.get(layerOf(c.type));
    if (spans?.overlaps(c.start, c.end)) continue;
    const copy = { ...c };
    byKey.set(key, copy);
    kept.push(copy);
    spans?.add(copy);
  }
  return kept;
}

/**
 * One sense per document: a name found once is found at its other mentions,
 * and a person's last name alone (`Mielke`, `Diem`) refers to that person.
 */
function propagate(
  text: string,
  kept: readonly Candidate[],
  lower: ReadonlySet<string>,
  { doubtfulPerson, notPersonAlone, periodLower, isTitle }: Vocabulary,
): Candidate[] {
  const forms = new Map<string, Candidate>();
  // One wrong decision is not copied to every mention: a person's form that is a nationality, a
  // title alone or a word written in lower case is not propagated.
  // The last name of a full name (`Chalmers B. Wood` → `Wood`) is good evidence: only a nationality or a title stops it.
  const ok = (c: Candidate, form: string, last = false) =>
    c.type !== 'person' || c.by === 'rule:authority' || !(last ? notPersonAlone(form) || periodLower(form) : doubtfulPerson(form, lower));
  for (const c of kept) {
    if (layerOf(c.type) !== 'entity' || !['person', 'org', 'place'].includes(c.type)) continue;
    const surface = text.slice(c.start, c.end);
    if (surface.length > 2 && /^\p{Lu}/u.test(surface) && !surface.includes('\n') && ok(c, surface)) forms.set(surface, c);
    const last = surface.split(/\s+/).pop()!;
    if (c.type === 'person' && last !== surface && /^\p{Lu}\p{Ll}{2,}$/u.test(last) && ok(c, last, true)) forms.set(last, c);
  }
  if (forms.size === 0) return [];
  const out: Candidate[] = [];
  for (const m of wholeFormMatches(text, forms.keys())) {
    const source = forms.get(m.form)!;
    // `State` of `Secretary of State` is part of an office, not the organization.
    const office = /(\p{L}+)\s+(?:of|for)\s+$/u.exec(text.slice(Math.max(0, m.index - 30), m.index));
    if (source.type !== 'person' && office && isTitle(office[1]!)) continue;
    out.push({
      type: source.type,
      start: m.index,
      end: m.index + m.form.length,
      by: 'resolve:propagated',
      priority: PRIORITY.propagated,
      ...(source.cluster ? { cluster: source.cluster } : {}),
      ...(source.ref ? { ref: source.ref } : {}),
    });
  }
  return out;
}

const CAPITALIZED = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}]+)?`;
const COORDINATION = new RegExp(
  String.raw`(?<![\p{L}])${CAPITALIZED}(?:,\s+${CAPITALIZED})*,?\s+(?:and|or)\s+${CAPITALIZED}(?![\p{L}])`,
  'gu',
);

/** `Rusk, McNamara and Lodge`, `Diem and Nhu`: a word coordinated with a person is a person too. */
function coordinate(text: string, kept: readonly Candidate[], lower: ReadonlySet<string>, { doubtfulPerson }: Vocabulary): Candidate[] {
  const out: Candidate[] = [];
  // Kept entities do not overlap one another: binary search finds the one at a place.
  const entities = new SortedSpans(kept.filter((k) => layerOf(k.type) === 'entity'));
  const persons = new SortedSpans(kept.filter((k) => k.type === 'person'));
  for (const m of text.matchAll(COORDINATION)) {
    const members = [...m[0].matchAll(new RegExp(CAPITALIZED, 'gu'))].map((w) => ({
      start: m.index + w.index,
      end: m.index + w.index + w[0].length,
    }));
    const person = members.find((w) => persons.containing(w.start, w.end) && !doubtfulPerson(text.slice(w.start, w.end), lower));
    if (!person) continue;
    for (const w of members) {
      if (!entities.overlapping(w.start, w.end) && !doubtfulPerson(text.slice(w.start, w.end), lower)) {
        out.push({ type: 'person', start: w.start, end: w.end, by: 'resolve:coordinated', priority: PRIORITY.coordinated });
      }
    }
  }
  return out;
}

/**
 * Settle overlaps and turn candidates into sidecar entries: priority (by tens), then
 * length; then names found once are looked for again through the whole document. What words
 * mean comes from `vocabulary`: the run's model's (the shipped one's by default).
 */
export function resolve(doc: Document, candidates: readonly Candidate[], vocabulary: Vocabulary = shippedVocabulary()): Entry[] {
  const lower = lowerCaseWords(doc.text);
  const entries = [...candidates.filter((c) => !c.evidenceOnly), ...namesInCapitals(doc.text, vocabulary)];
  const first = select(withinBlocks(doc.text, plausible(doc.text, entries, lower, vocabulary)));
  const coordinated = select([...first, ...capitalsNames(doc.text, first), ...coordinate(doc.text, first, lower, vocabulary)]);
  const final = select([...coordinated, ...propagate(doc.text, coordinated, lower, vocabulary)]);
  return oneTypePerName(doc.text, final, vocabulary.namesOrganization).map((c) => toEntry(doc, c));
}

function toEntry(doc: Document, c: Candidate): Entry {
  const start = doc.toCodePoint(c.start);
  const end = doc.toCodePoint(c.end);
  const entry: Entry = { type: c.type, start, end, text: doc.text.slice(c.start, c.end), by: c.by, status: 'auto' };
  for (const key of VALUE_KEYS) {
    if (c[key] !== undefined) (entry as Record<string, unknown>)[key] = c[key];
  }
  if (c.confidence !== undefined && c.by === 'nlp:tagger') entry.confidence = c.confidence;
  return withContext(doc, entry);
}

export function compareEntries(a: Entry, b: Entry): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    a.type.localeCompare(b.type) ||
    (a.n ?? '').localeCompare(b.n ?? '', 'en', { numeric: true }) ||
    (a.id ?? '').localeCompare(b.id ?? '')
  );
}
