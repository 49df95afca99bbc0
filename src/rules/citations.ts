import { defineCheck, type CheckFacts, type NoteSpan } from './check.js';

const textOf = (facts: CheckFacts, note: NoteSpan) => facts.doc.slice(note.start, note.end);
const missingFields = (note: NoteSpan, fields: string[]) =>
  fields.filter((f) => !(note.citation as Record<string, unknown> | undefined)?.[f]);
const oncePerSpan = (notes: NoteSpan[]) => [...new Map(notes.map((n) => [n.start, n])).values()];

export const sourceNoteIncomplete = defineCheck(
  {
    id: 'source-note-incomplete',
    severity: 'error',
    description: 'A source note lacks what a reader needs to find the source (by default: archive and location)',
    help: 'Give the archive and the location (collection, file, folio) in the source note.',
    messages: { missing: 'source note {{n}} has no {{fields}}' },
  },
  ({ facts, options, report }) => {
    for (const note of oncePerSpan(facts.notes.filter((n) => n.kind === 'source'))) {
      const missing = missingFields(note, options.require.source);
      if (missing.length) report('missing', note.start, { n: note.n, fields: missing.join(', ') });
    }
  },
);

export const sourceNoteUnlabelled = defineCheck(
  {
    id: 'source-note-unlabelled',
    severity: 'warning',
    description: 'The note giving the document’s source does not begin with "Source:"',
    help: 'Begin the source note with "Source:".',
    messages: { unlabelled: 'source note {{n}} has no "Source:" label' },
  },
  ({ facts, report }) => {
    const unlabelled = facts.notes.filter((n) => n.kind === 'source' && !/^\s*sources?\s*:/i.test(textOf(facts, n)));
    for (const note of oncePerSpan(unlabelled)) report('unlabelled', note.start, { n: note.n });
  },
);

export const bibliographicNoteIncomplete = defineCheck(
  {
    id: 'bibliographic-note-incomplete',
    severity: 'warning',
    description: 'A bibliographic note lacks a field a reader needs (by default: author, title, year, page)',
    help: 'Complete the reference: author, title, year and page.',
    messages: { missing: 'note {{n}} gives no {{fields}}' },
  },
  ({ facts, options, report }) => {
    for (const note of facts.notes.filter((n) => n.kind === 'bibliographic')) {
      const missing = missingFields(note, options.require.bibliographic).map((f) => (f === 'issued' ? 'year' : f));
      if (missing.length) report('missing', note.start, { n: note.n, fields: missing.join(', ') });
    }
  },
);

export const ibidWithoutAntecedent = defineCheck(
  {
    id: 'ibid-without-antecedent',
    severity: 'error',
    description: '"Ibid." or "op. cit." with no earlier citation to repeat',
    help: 'Replace "Ibid." with the full citation.',
    messages: { orphan: 'note {{n}} repeats an earlier citation, but no note before it cites anything' },
  },
  ({ facts, report }) => {
    const repeating = facts.notes.filter(
      (n) => n.repeats === undefined && /^\s*(?:[^,]{2,80},\s*)?(?:ibid\b|op\.\s*cit\.)/i.test(textOf(facts, n)),
    );
    for (const note of oncePerSpan(repeating)) report('orphan', note.start, { n: note.n });
  },
);

export const sourceCitationInline = defineCheck(
  {
    id: 'source-citation-inline',
    severity: 'warning',
    description: 'The source citation is given inline ("[Source: …]") instead of as a note',
    help: 'Move the source citation into a note.',
    messages: { inline: 'the source citation is inline; give it as a note' },
  },
  ({ facts: { doc }, report }) => {
    const m = /\[\s*Sources?\s*:/i.exec(doc.text);
    if (m) report('inline', doc.toCodePoint(m.index));
  },
);

export const documentWithoutMetadata = defineCheck(
  {
    id: 'document-without-citation-metadata',
    severity: 'warning',
    description: 'A document that cites its source (a source note, an archive signature) has no title or no date in its header',
    help: 'Give the document a title line and a dateline in its header (or switch the rule off for a folder: `check.overrides`).',
    messages: { missing: 'the document has no {{fields}} in its header' },
  },
  ({ facts: { metadata, notes }, report }) => {
    // Records and documentary editions carry a header; a newspaper page or a book chapter has none to give.
    const citesItsSource = notes.some((n) => n.kind === 'source') || metadata.archive !== undefined;
    if (!citesItsSource || /^editorial note$/i.test(metadata.title ?? '')) return;
    const missing = [metadata.title ? '' : 'title', metadata.issued ? '' : 'date'].filter(Boolean);
    if (missing.length) report('missing', 0, { fields: missing.join(' and ') });
  },
);

export const CITATION_RULES = [
  sourceNoteIncomplete,
  sourceNoteUnlabelled,
  bibliographicNoteIncomplete,
  ibidWithoutAntecedent,
  sourceCitationInline,
  documentWithoutMetadata,
];
