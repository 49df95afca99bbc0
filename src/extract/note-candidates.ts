import type { Document } from '../core/document.js';
import { PRIORITY } from '../core/priority.js';
import type { Citation } from '../core/schema.js';
import { parseNote } from './citations.js';
import { noteStructure } from './notes.js';
import type { Candidate, ExtractorFactory } from './types.js';

/**
 * Notes with their citations. One line may hold several notes (`(4), (6), (7) …, p.12, 13, 19`):
 * each number gets its own entry and, when the pages match the numbers, its own page.
 * The note the title points to is the document's source note, labelled or not.
 */
export function noteCandidates(text: string): Candidate[] {
  const { notes, markers } = noteStructure(text);
  const by = 'structure:notes';
  const out: Candidate[] = markers.map((m) => ({
    type: 'note-marker',
    start: m.start,
    end: m.end,
    by,
    priority: PRIORITY.structure,
    n: m.n,
  }));
  // A marker closing the first line points from the title to the document's source note.
  const titleEnd = firstLineEnd(text);
  const titleMarker = markers.find((m) => m.end === titleEnd && !/[.!?]["”’]?\s*$/.test(text.slice(0, m.start)));
  const titleNumbers = new Set(titleMarker ? [titleMarker.n] : []);
  const antecedents = new Antecedents();
  for (const note of notes) {
    const parsed = parseNote(
      text.slice(note.start, note.end),
      note.numbers.some((n) => titleNumbers.has(n)),
    );
    note.numbers.forEach((n, i) => {
      const candidate: Candidate = {
        type: 'note',
        start: note.start,
        end: note.end,
        by,
        priority: PRIORITY.structure,
        n,
        kind: parsed.kind,
      };
      if (parsed.citation) {
        const page = parsed.pages?.length === note.numbers.length ? parsed.pages[i] : parsed.citation.page;
        candidate.citation = { ...parsed.citation, ...(page ? { page } : {}) };
      }
      if (parsed.parts) candidate.parts = parsed.parts;
      if (parsed.ibid) antecedents.resolve(candidate, parsed.citation);
      out.push(candidate);
    });
    antecedents.remember(note.numbers, parsed);
  }
  return out;
}

function firstLineEnd(text: string): number {
  const first = /\S[^\r\n]*/.exec(text);
  return first ? first.index + first[0].length : 0;
}

export const notesExtractor: ExtractorFactory = () => ({
  id: 'structure:notes',
  description: 'Note markers ((1), [1], [01], [A], [^1], ¹, *, †), the notes they point to ([Footnote 1: …] too), and their citations',
  types: ['note', 'note-marker'],
  extract: (doc: Document) => noteCandidates(doc.text),
});

/** What an `Ibid.` or `Op. cit.` repeats: the last note citing that author, else the last citing note, else the last note. */
class Antecedents {
  private lastCiting: string | undefined;
  private lastNote: string | undefined;
  private readonly lastByAuthor = new Map<string, string>();
  private readonly citationOf = new Map<string, Citation>();

  /** The Ibid. note gets the number it repeats and cites what its antecedent cites, at its own page if it gives one. */
  resolve(candidate: Candidate, citation: Citation | undefined): void {
    const author = authorOf(citation);
    const repeats = author
      ? [...this.lastByAuthor].find(([a]) => a.endsWith(author) || author.endsWith(a))?.[1]
      : (this.lastCiting ?? this.lastNote);
    if (repeats) candidate.repeats = repeats;
    const antecedent = repeats ? this.citationOf.get(repeats) : undefined;
    if (antecedent)
      candidate.citation = { ...antecedent, ...candidate.citation, ...(antecedent.author ? { author: antecedent.author } : {}) };
  }

  remember(numbers: readonly string[], parsed: { citation?: Citation; ibid?: boolean }): void {
    const last = numbers[numbers.length - 1]!;
    if (parsed.citation && !parsed.ibid) {
      this.lastCiting = last;
      const author = authorOf(parsed.citation);
      if (author) this.lastByAuthor.set(author, last);
      for (const n of numbers) this.citationOf.set(n, parsed.citation);
    }
    if (!parsed.ibid) this.lastNote = last;
  }
}

const authorOf = (c: Citation | undefined) => c?.author?.[0]?.literal.toLowerCase();
