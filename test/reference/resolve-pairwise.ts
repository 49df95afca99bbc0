// The resolution of commit c255eaa, before the interval indexes: it compares candidates pairwise
// (quadratic, but obviously right). The property tests hold the fast resolve to exactly its results.
import type { Document } from '../../src/core/document.js';
import type { Candidate } from '../../src/extract/types.js';
import { alternation } from '../../src/core/regexp.js';
import { STRUCTURE_TYPES, VALUE_KEYS, type Entry } from '../../src/core/schema.js';
import { withinBlocks } from '../../src/pipeline/blocks.js';
// The decisions on the words themselves (not on overlaps) are shared with the fast resolve.
import { capitalsNames, plausible } from '../../src/pipeline/persons.js';
import { lowerCaseWords, shippedVocabulary } from '../../src/extract/vocabulary.js';

const vocabulary = shippedVocabulary();
const { doubtfulPerson, notPersonAlone, periodLower } = vocabulary;

/** Code points of context kept on each side of a span, to find it again after edits. */
export const CONTEXT_LENGTH = 24;

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
  for (const c of [...candidates].filter((c) => c.end > c.start).sort(rank)) {
    const key = `${c.type}:${c.start}:${c.end}:${c.n ?? ''}`;
    const same = byKey.get(key);
    if (same) {
      // The same span found twice: the better one stays, completed by what the other knows.
      if (same.value === undefined && c.value !== undefined) same.value = c.value;
      if (same.cluster === undefined && c.cluster !== undefined) same.cluster = c.cluster;
      continue;
    }
    const layer = layerOf(c.type);
    if (layer !== 'structure' && kept.some((k) => layerOf(k.type) === layer && k.start < c.end && c.start < k.end)) continue;
    const copy = { ...c };
    byKey.set(key, copy);
    kept.push(copy);
  }
  return kept;
}

const PROPAGATED_PRIORITY = 5;

/**
 * One sense per document: a name found once is found at its other mentions,
 * and a person's last name alone (`Mielke`, `Diem`) refers to that person.
 */
function propagate(text: string, kept: readonly Candidate[], lower: ReadonlySet<string>): Candidate[] {
  const forms = new Map<string, Candidate>();
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
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation([...forms.keys()])})(?![\\p{L}\\p{N}])`, 'gu');
  const out: Candidate[] = [];
  for (const m of text.matchAll(pattern)) {
    const source = forms.get(m[0])!;
    out.push({
      type: source.type,
      start: m.index,
      end: m.index + m[0].length,
      by: 'resolve:propagated',
      priority: PROPAGATED_PRIORITY,
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
function coordinate(text: string, kept: readonly Candidate[], lower: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(COORDINATION)) {
    const members = [...m[0].matchAll(new RegExp(CAPITALIZED, 'gu'))].map((w) => ({
      start: m.index + w.index,
      end: m.index + w.index + w[0].length,
    }));
    const person = members.find(
      (w) =>
        kept.some((k) => k.type === 'person' && k.start <= w.start && w.end <= k.end) && !doubtfulPerson(text.slice(w.start, w.end), lower),
    );
    if (!person) continue;
    for (const w of members) {
      if (
        !kept.some((k) => layerOf(k.type) === 'entity' && k.start < w.end && w.start < k.end) &&
        !doubtfulPerson(text.slice(w.start, w.end), lower)
      ) {
        out.push({ type: 'person', start: w.start, end: w.end, by: 'resolve:coordinated', priority: PROPAGATED_PRIORITY + 1 });
      }
    }
  }
  return out;
}

/**
 * Settle overlaps and turn candidates into sidecar entries: priority (by tens), then
 * length; then names found once are looked for again through the whole document.
 */
export function resolve(doc: Document, candidates: readonly Candidate[]): Entry[] {
  const lower = lowerCaseWords(doc.text);
  const first = select(withinBlocks(doc.text, plausible(doc.text, candidates, lower, vocabulary)));
  const coordinated = select([...first, ...capitalsNames(doc.text, first), ...coordinate(doc.text, first, lower)]);
  const final = select([...coordinated, ...propagate(doc.text, coordinated, lower)]);
  return final.map((c) => toEntry(doc, c));
}

function toEntry(doc: Document, c: Candidate): Entry {
  const start = doc.toCodePoint(c.start);
  const end = doc.toCodePoint(c.end);
  const entry: Entry = { type: c.type, start, end, text: doc.text.slice(c.start, c.end), by: c.by, status: 'auto' };
  for (const key of VALUE_KEYS) {
    if (c[key] !== undefined) (entry as Record<string, unknown>)[key] = c[key];
  }
  return withContext(doc, entry);
}

export function withContext(doc: Document, entry: Entry): Entry {
  return {
    ...entry,
    prefix: doc.slice(entry.start - CONTEXT_LENGTH, entry.start),
    suffix: doc.slice(entry.end, entry.end + CONTEXT_LENGTH),
  };
}
