import type { Document } from '../core/document.js';
import type { Sidecar } from '../core/schema.js';
import { documentMetadata } from '../extract/metadata.js';
import { noteCandidates } from '../extract/note-candidates.js';
import type { CheckFacts } from '../rules/check.js';

/** The facts a current sidecar holds, with the corrections people made there. */
export function factsFromSidecar(doc: Document, sidecar: Sidecar): CheckFacts {
  const live = sidecar.entries.filter((e) => e.status !== 'rejected' && e.status !== 'orphaned' && e.n !== undefined);
  return {
    doc,
    markers: live.filter((e) => e.type === 'note-marker').map((e) => ({ n: e.n!, start: e.start, end: e.end })),
    notes: live
      .filter((e) => e.type === 'note')
      .map((e) => ({ n: e.n!, start: e.start, end: e.end, kind: e.kind, citation: e.citation, repeats: e.repeats })),
    metadata: sidecar.metadata ?? {},
  };
}

/** The same facts straight from the text, with the same rules annotate uses (no NLP). */
export function factsFromText(doc: Document): CheckFacts {
  const candidates = noteCandidates(doc.text);
  const cp = (i: number) => doc.toCodePoint(i);
  const notes = candidates
    .filter((c) => c.type === 'note')
    .map((c) => ({ n: c.n!, start: cp(c.start), end: cp(c.end), kind: c.kind, citation: c.citation, repeats: c.repeats }));
  return {
    doc,
    markers: candidates.filter((c) => c.type === 'note-marker').map((c) => ({ n: c.n!, start: cp(c.start), end: cp(c.end) })),
    notes,
    metadata: documentMetadata(doc.text, notes.find((n) => n.kind === 'source')?.citation),
  };
}
