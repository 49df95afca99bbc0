import { noteSections } from '../core/note-sections.js';
import { defineCheck, type CheckFacts, type NoteSpan, type Span } from './check.js';

const numeric = (n: string) => /^\d+$/.test(n);
/** Compound notes `(4), (6), (7) …` share one span: one note per distinct span and number. */
const distinctNotes = <T extends Span>(notes: T[]) => [...new Map(notes.map((n) => [`${n.n}:${n.start}`, n])).values()];
/** Notes in the order they stand in the text, one per span. */
const notesInTextOrder = (notes: NoteSpan[]) => distinctNotes(notes).sort((a, b) => a.start - b.start || Number(a.n) - Number(b.n));

/** A number within its numbering section (see note-sections.ts): `1` in letter 2 is not `1` in letter 1. */
function sectioned({ markers, notes }: CheckFacts): (span: Span) => string {
  const sectionOf = noteSections(markers, notes);
  return (span) => `${sectionOf(span.start)}:${span.n}`;
}

/** The notes of each numbering section, in text order of the sections. */
function bySection(facts: CheckFacts): NoteSpan[][] {
  const sectionOf = noteSections(facts.markers, facts.notes);
  const sections: NoteSpan[][] = [];
  for (const note of facts.notes) (sections[sectionOf(note.start)] ??= []).push(note);
  return sections.filter(Boolean);
}

export const markerWithoutNote = defineCheck(
  {
    id: 'marker-without-note',
    severity: 'error',
    description: 'A note marker points to a note that the notes list does not have',
    help: 'Add the missing note, or remove the marker.',
    messages: { missing: 'note marker {{n}} has no note {{n}}' },
  },
  ({ facts, report }) => {
    const key = sectioned(facts);
    const defined = new Set(facts.notes.map(key));
    for (const m of facts.markers) if (!defined.has(key(m))) report('missing', m.start, { n: m.n });
  },
);

export const noteWithoutMarker = defineCheck(
  {
    id: 'note-without-marker',
    severity: 'error',
    description: 'A note that no marker in the text points to',
    help: 'Add the marker in the text, or remove the note.',
    messages: { unreferenced: 'note {{n}} has no marker in the text' },
  },
  ({ facts, report }) => {
    const key = sectioned(facts);
    const pointed = new Set(facts.markers.map(key));
    for (const n of distinctNotes(facts.notes)) if (!pointed.has(key(n))) report('unreferenced', n.start, { n: n.n });
  },
);

export const duplicateNoteNumber = defineCheck(
  {
    id: 'duplicate-note-number',
    severity: 'error',
    description: 'Two notes carry the same number',
    help: 'Renumber one of the notes (and its marker).',
    messages: { twice: 'a second note {{n}}: the number is used twice' },
  },
  ({ facts, report }) => {
    const key = sectioned(facts);
    const seen = new Set<string>();
    for (const note of notesInTextOrder(facts.notes)) {
      if (seen.has(key(note))) report('twice', note.start, { n: note.n });
      else seen.add(key(note));
    }
  },
);

export const noteNumberingGap = defineCheck(
  {
    id: 'note-numbering-gap',
    severity: 'error',
    description: 'Note numbers skip a number',
    help: 'Restore the missing note, or renumber the notes after the gap.',
    messages: { skips: 'note numbering skips {{missing}}' },
  },
  ({ facts, report }) => {
    for (const notes of bySection(facts)) {
      const numbers = [
        ...new Set(
          notes
            .map((n) => n.n)
            .filter(numeric)
            .map(Number),
        ),
      ].sort((a, b) => a - b);
      if (numbers.length === 0) continue;
      const missing: number[] = [];
      for (let k = Math.min(numbers[0]!, 1), i = 0; k <= numbers[numbers.length - 1]!; k++) {
        if (numbers[i] === k) i++;
        else missing.push(k);
      }
      if (missing.length === 0) continue;
      // Point at the note that follows the first missing number.
      const next = notes.filter((n) => numeric(n.n) && Number(n.n) > missing[0]!).sort((a, b) => Number(a.n) - Number(b.n))[0];
      report('skips', next?.start ?? notes[0]!.start, { missing: missing.join(', ') });
    }
  },
);

export const notesOutOfOrder = defineCheck(
  {
    id: 'notes-out-of-order',
    severity: 'error',
    description: 'A note stands before a note with a lower number',
    help: 'Put the notes in the order of their numbers.',
    messages: { after: 'note {{n}} comes after note {{previous}}' },
  },
  ({ facts, report }) => {
    for (const notes of bySection(facts)) {
      // A line holding several notes (`(2), (5) …`) is placed by its first number.
      const firstBySpan = new Map<number, NoteSpan>();
      for (const note of notes.filter((n) => numeric(n.n))) {
        const seen = firstBySpan.get(note.start);
        if (!seen || Number(note.n) < Number(seen.n)) firstBySpan.set(note.start, note);
      }
      const ordered = [...firstBySpan.values()].sort((a, b) => a.start - b.start);
      for (let i = 1; i < ordered.length; i++) {
        const prev = ordered[i - 1]!;
        const note = ordered[i]!;
        if (Number(note.n) < Number(prev.n)) report('after', note.start, { n: note.n, previous: prev.n });
      }
    }
  },
);

export const NOTE_RULES = [markerWithoutNote, noteWithoutMarker, duplicateNoteNumber, noteNumberingGap, notesOutOfOrder];
