import type { CheckRule, Span } from './types.js';

const numeric = (n: string) => /^\d+$/.test(n);
const byNumber = (spans: Span[]) => {
  const map = new Map<string, Span[]>();
  for (const s of spans) map.set(s.n, [...(map.get(s.n) ?? []), s]);
  return map;
};
/** Compound notes `(4), (6), (7) …` share one span: one note per distinct span and number. */
const distinctNotes = (notes: Span[]) => [...new Map(notes.map((n) => [`${n.n}:${n.start}`, n])).values()];

export const markerWithoutNote: CheckRule = {
  id: 'marker-without-note',
  severity: 'error',
  description: 'A note marker points to a note that the notes list does not have',
  run: ({ markers, notes }) => {
    const defined = new Set(notes.map((n) => n.n));
    return markers.filter((m) => !defined.has(m.n)).map((m) => ({ at: m.start, message: `note marker (${m.n}) has no note ${m.n}` }));
  },
};

export const noteWithoutMarker: CheckRule = {
  id: 'note-without-marker',
  severity: 'error',
  description: 'A note that no marker in the text points to',
  run: ({ markers, notes }) => {
    const pointed = new Set(markers.map((m) => m.n));
    return distinctNotes(notes)
      .filter((n) => !pointed.has(n.n))
      .map((n) => ({ at: n.start, message: `note ${n.n} has no marker in the text` }));
  },
};

export const duplicateNoteNumber: CheckRule = {
  id: 'duplicate-note-number',
  severity: 'error',
  description: 'Two notes carry the same number',
  run: ({ notes }) =>
    [...byNumber(distinctNotes(notes)).entries()]
      .filter(([, spans]) => spans.length > 1)
      .flatMap(([n, spans]) => spans.slice(1).map((s) => ({ at: s.start, message: `note ${n} is defined ${spans.length} times` }))),
};

export const noteNumberingGap: CheckRule = {
  id: 'note-numbering-gap',
  severity: 'warning',
  description: 'Note numbers skip a number',
  run: ({ notes }) => {
    const numbers = [...new Set(notes.map((n) => n.n).filter(numeric).map(Number))].sort((a, b) => a - b);
    if (numbers.length === 0) return [];
    const first = Math.min(numbers[0]!, 1);
    const missing: number[] = [];
    for (let k = first, i = 0; k <= numbers[numbers.length - 1]!; k++) {
      if (numbers[i] === k) i++;
      else missing.push(k);
    }
    if (missing.length === 0) return [];
    // Point at the note that follows the first missing number.
    const next = notes.filter((n) => numeric(n.n) && Number(n.n) > missing[0]!).sort((a, b) => Number(a.n) - Number(b.n))[0];
    const at = next?.start ?? notes[0]!.start;
    return [{ at, message: `note numbering skips ${missing.join(', ')}` }];
  },
};

export const NOTE_RULES: readonly CheckRule[] = [markerWithoutNote, noteWithoutMarker, duplicateNoteNumber, noteNumberingGap];
