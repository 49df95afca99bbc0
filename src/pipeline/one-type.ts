import type { Candidate } from '../extract/types.js';

/** The types a name takes, decided once per document. */
const NAME_TYPES = new Set(['person', 'place', 'org']);
/** What a mention's vote weighs: the tagger's confidence; a rule's span one; a copy (propagated) nothing. */
const weight = (c: Candidate) => (c.by === 'resolve:propagated' ? 0 : c.by === 'nlp:tagger' ? (c.confidence ?? 0.5) : 1);
/** A rule's span keeps its type: the words around it said so (`Mr. Poole`, `Pekin said`). */
const retypable = (c: Candidate) => c.by === 'nlp:tagger' || c.by === 'resolve:propagated';

/**
 * One name, one type in a document: the mentions of a string typed person, place or
 * organization vote with their weights, and the tagger's and the copied mentions take the winner's type
 * (`Heligoland` a place all through, `Gundevia` a person). A tie changes nothing. An acronym the
 * document expands as an organization is one (`Mdl [Ministry of Interior]`).
 */
export function oneTypePerName(text: string, kept: readonly Candidate[], namesOrganization: (phrase: string) => boolean): Candidate[] {
  const winner = new Map<string, string>();
  for (const [form, byType] of votesOf(text, kept)) {
    if (byType.size < 2) continue;
    const ranked = [...byType].sort((a, b) => b[1] - a[1]);
    if (ranked[0]![1] > ranked[1]![1]) winner.set(form, ranked[0]![0]);
  }
  for (const c of kept) if (c.type === 'acronym' && c.value && namesOrganization(c.value)) winner.set(text.slice(c.start, c.end), 'org');
  return winner.size ? retyped(text, kept, winner) : [...kept];
}

function votesOf(text: string, kept: readonly Candidate[]): Map<string, Map<string, number>> {
  const votes = new Map<string, Map<string, number>>();
  for (const c of kept) {
    if (!NAME_TYPES.has(c.type)) continue;
    const form = text.slice(c.start, c.end);
    const byType = votes.get(form) ?? votes.set(form, new Map()).get(form)!;
    byType.set(c.type, (byType.get(c.type) ?? 0) + weight(c));
  }
  return votes;
}

/** The candidates with the winners' types, a span given one type twice kept once. */
function retyped(text: string, kept: readonly Candidate[], winner: ReadonlyMap<string, string>): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of kept) {
    const type = NAME_TYPES.has(c.type) && retypable(c) ? (winner.get(text.slice(c.start, c.end)) ?? c.type) : c.type;
    const key = `${type} ${c.start} ${c.end}`;
    if (NAME_TYPES.has(type) && seen.has(key)) continue;
    seen.add(key);
    if (type === c.type) out.push(c);
    else {
      const { cluster: _cluster, ref: _ref, ...rest } = c;
      out.push({ ...rest, type });
    }
  }
  return out;
}
