import type { CheckRule, NoteSpan } from './types.js';

const textOf = (facts: { doc: { slice(s: number, e: number): string } }, note: NoteSpan) => facts.doc.slice(note.start, note.end);
const missingFields = (note: NoteSpan, fields: string[]) =>
  fields.filter((f) => !(note.citation as Record<string, unknown> | undefined)?.[f]);
const oncePerSpan = (notes: NoteSpan[]) => [...new Map(notes.map((n) => [n.start, n])).values()];

export const sourceNoteIncomplete: CheckRule = {
  id: 'source-note-incomplete',
  severity: 'error',
  description: 'A source note lacks what a reader needs to find the source (by default: archive and location)',
  help: 'Give the archive and the location (collection, file, folio) in the source note.',
  run: (facts, { require }) =>
    oncePerSpan(facts.notes.filter((n) => n.kind === 'source'))
      .map((note) => ({ note, missing: missingFields(note, require.source) }))
      .filter(({ missing }) => missing.length)
      .map(({ note, missing }) => ({ at: note.start, message: `source note ${note.n} has no ${missing.join(', ')}` })),
};

export const sourceNoteUnlabelled: CheckRule = {
  id: 'source-note-unlabelled',
  severity: 'warning',
  description: 'The note giving the document’s source does not begin with "Source:"',
  help: 'Begin the source note with "Source:".',
  run: (facts) =>
    oncePerSpan(facts.notes.filter((n) => n.kind === 'source' && !/^\s*sources?\s*:/i.test(textOf(facts, n)))).map((note) => ({
      at: note.start,
      message: `source note ${note.n} has no "Source:" label`,
    })),
};

export const bibliographicNoteIncomplete: CheckRule = {
  id: 'bibliographic-note-incomplete',
  severity: 'warning',
  description: 'A bibliographic note lacks a field a reader needs (by default: author, title, year, page)',
  help: 'Complete the reference: author, title, year and page.',
  run: (facts, { require }) =>
    facts.notes
      .filter((n) => n.kind === 'bibliographic')
      .map((note) => ({ note, missing: missingFields(note, require.bibliographic).map((f) => (f === 'issued' ? 'year' : f)) }))
      .filter(({ missing }) => missing.length)
      .map(({ note, missing }) => ({ at: note.start, message: `note ${note.n} gives no ${missing.join(', ')}` })),
};

export const ibidWithoutAntecedent: CheckRule = {
  id: 'ibid-without-antecedent',
  severity: 'error',
  description: '"Ibid." or "op. cit." with no earlier citation to repeat',
  help: 'Replace "Ibid." with the full citation.',
  run: (facts) =>
    oncePerSpan(
      facts.notes.filter((n) => n.repeats === undefined && /^\s*(?:[^,]{2,80},\s*)?(?:ibid\b|op\.\s*cit\.)/i.test(textOf(facts, n))),
    ).map((note) => ({
      at: note.start,
      message: `note ${note.n} repeats an earlier citation, but no note before it cites anything`,
    })),
};

export const sourceCitationInline: CheckRule = {
  id: 'source-citation-inline',
  severity: 'warning',
  description: 'The source citation is given inline ("[Source: …]") instead of as a note',
  help: 'Move the source citation into a note.',
  run: ({ doc }) => {
    const m = /\[\s*Sources?\s*:/i.exec(doc.text);
    return m ? [{ at: doc.toCodePoint(m.index), message: 'the source citation is inline; give it as a note' }] : [];
  },
};

export const documentWithoutMetadata: CheckRule = {
  id: 'document-without-citation-metadata',
  severity: 'warning',
  description: 'The document has no title or no date in its header (editorial notes excepted)',
  help: 'Give the document a title line and a dateline in its header.',
  run: ({ metadata }) => {
    if (/^editorial note$/i.test(metadata.title ?? '')) return [];
    const missing = [metadata.title ? '' : 'title', metadata.issued ? '' : 'date'].filter(Boolean);
    return missing.length ? [{ at: 0, message: `the document has no ${missing.join(' and ')} in its header` }] : [];
  },
};

export const CITATION_RULES: readonly CheckRule[] = [
  sourceNoteIncomplete,
  sourceNoteUnlabelled,
  bibliographicNoteIncomplete,
  ibidWithoutAntecedent,
  sourceCitationInline,
  documentWithoutMetadata,
];
