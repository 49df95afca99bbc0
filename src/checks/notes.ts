import { noteSections } from '../core/note-sections.js';
import type { CheckFacts, CheckRule, NoteSpan, Span } from './types.js';

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

export const markerWithoutNote: CheckRule = {
  id: 'marker-without-note',
  severity: 'error',
  description: 'A note marker points to a note that the notes list does not have',
  help: 'Add the missing note, or remove the marker.',
  run: (facts) => {
    const key = sectioned(facts);
    const defined = new Set(facts.notes.map(key));
    return facts.markers
      .filter((m) => !defined.has(key(m)))
      .map((m) => ({ at: m.start, message: `note marker ${m.n} has no note ${m.n}` }));
  },
};

export const noteWithoutMarker: CheckRule = {
  id: 'note-without-marker',
  severity: 'error',
  description: 'A note that no marker in the text points to',
  help: 'Add the marker in the text, or remove the note.',
  run: (facts) => {
    const key = sectioned(facts);
    const pointed = new Set(facts.markers.map(key));
    return distinctNotes(facts.notes)
      .filter((n) => !pointed.has(key(n)))
      .map((n) => ({ at: n.start, message: `note ${n.n} has no marker in the text` }));
  },
};

export const duplicateNoteNumber: CheckRule = {
  id: 'duplicate-note-number',
  severity: 'error',
  description: 'Two notes carry the same number',
  help: 'Renumber one of the notes (and its marker).',
  run: (facts) => {
    const key = sectioned(facts);
    const seen = new Map<string, NoteSpan>();
    const findings = [];
    for (const note of notesInTextOrder(facts.notes)) {
      const first = seen.get(key(note));
      if (first) findings.push({ at: note.start, message: `a second note ${note.n}: the number is used twice` });
      else seen.set(key(note), note);
    }
    return findings;
  },
};

export const noteNumberingGap: CheckRule = {
  id: 'note-numbering-gap',
  severity: 'error',
  description: 'Note numbers skip a number',
  help: 'Restore the missing note, or renumber the notes after the gap.',
  run: (facts) => bySection(facts).flatMap(numberingGap),
};

function numberingGap(notes: NoteSpan[]) {
  const numbers = [
    ...new Set(
      notes
        .map((n) => n.n)
        .filter(numeric)
        .map(Number),
    ),
  ].sort((a, b) => a - b);
  if (numbers.length === 0) return [];
  const missing: number[] = [];
  for (let k = Math.min(numbers[0]!, 1), i = 0; k <= numbers[numbers.length - 1]!; k++) {
    if (numbers[i] === k) i++;
    else missing.push(k);
  }
  if (missing.length === 0) return [];
  // Point at the note that follows the first missing number.
  const next = notes.filter((n) => numeric(n.n) && Number(n.n) > missing[0]!).sort((a, b) => Number(a.n) - Number(b.n))[0];
  return [{ at: next?.start ?? notes[0]!.start, message: `note numbering skips ${missing.join(', ')}` }];
}

export const notesOutOfOrder: CheckRule = {
  id: 'notes-out-of-order',
  severity: 'error',
  description: 'A note stands before a note with a lower number',
  help: 'Put the notes in the order of their numbers.',
  run: (facts) => bySection(facts).flatMap(outOfOrder),
};

function outOfOrder(notes: NoteSpan[]) {
  // A line holding several notes (`(2), (5) …`) is placed by its first number.
  const firstBySpan = new Map<number, NoteSpan>();
  for (const note of notes.filter((n) => numeric(n.n))) {
    const seen = firstBySpan.get(note.start);
    if (!seen || Number(note.n) < Number(seen.n)) firstBySpan.set(note.start, note);
  }
  const ordered = [...firstBySpan.values()].sort((a, b) => a.start - b.start);
  const findings = [];
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]!;
    const note = ordered[i]!;
    if (Number(note.n) < Number(prev.n)) findings.push({ at: note.start, message: `note ${note.n} comes after note ${prev.n}` });
  }
  return findings;
}

export const NOTE_RULES: readonly CheckRule[] = [
  markerWithoutNote,
  noteWithoutMarker,
  duplicateNoteNumber,
  noteNumberingGap,
  notesOutOfOrder,
];
