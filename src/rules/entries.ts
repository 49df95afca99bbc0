import type { Entry } from '../core/schema.js';
import { defineRule, report, type Where } from './rule.js';

/** Rules about the entries of a sidecar, proved against the schema's config and the text. */
export const entryOrphaned = defineRule({
  id: 'entry-orphaned',
  severity: 'warning',
  source: 'entry',
  description: 'A human entry could not be found in the edited text',
  help: 'Correct the entry by hand, or delete it.',
  messages: { orphaned: '{{type}} "{{text}}" ({{id}}) is orphaned: it is no longer in the text' },
});

export const entryUnknownType = defineRule({
  id: 'entry-unknown-type',
  severity: 'error',
  source: 'entry',
  description: 'An entry has a type the config does not declare',
  help: 'Add the type to `types` in marginalia.config.yaml.',
  messages: { undeclared: 'entry {{id}}: type "{{type}}" is not declared (add it to `types` in the config)' },
});

export const entryDuplicateId = defineRule({
  id: 'entry-duplicate-id',
  severity: 'error',
  source: 'entry',
  description: 'Two entries of one sidecar share an id',
  help: 'Give one of them another id.',
  messages: { twice: 'entry id {{id}} is used twice (also entry {{first}})' },
});

export const entryOutOfRange = defineRule({
  id: 'entry-out-of-range',
  severity: 'error',
  source: 'entry',
  description: 'An entry ends past the end of its text',
  help: 'Correct its offsets, or delete it.',
  messages: { past: '{{type}} {{id}} "{{text}}" ends at {{end}}, past the end of the text ({{length}})' },
});

export const entryTextMismatch = defineRule({
  id: 'entry-text-mismatch',
  severity: 'error',
  source: 'entry',
  description: "An entry's text is not what the text holds at its offsets",
  help: 'Correct its offsets or its text.',
  messages: {
    mismatch: '{{type}} {{id}} "{{text}}" does not match the text at {{place}}, which reads "{{actual}}"',
    lost: '{{type}} {{id}} "{{text}}" cannot be found in the edited text: annotate will keep it as orphaned',
  },
});

export const entryPlaceUnknown = defineRule({
  id: 'entry-place-unknown',
  severity: 'warning',
  source: 'entry',
  description: "A place's ref names a GeoNames record the place table does not know",
  help: 'Correct the ref (`geonames:<id>`, see models/places.tsv.gz), or remove it; the place is left off maps and exports meanwhile.',
  messages: { unknown: '{{place}}: {{ref}} is no record of the place table; left out' },
});

export const ENTRY_RULES = [entryOrphaned, entryUnknownType, entryDuplicateId, entryOutOfRange, entryTextMismatch, entryPlaceUnknown];

/** The one message of an orphaned entry, whichever command finds it. */
export const orphanedEntry = (where: Where, e: Pick<Entry, 'type' | 'text' | 'id'>) =>
  report(entryOrphaned, 'orphaned', { ...where, entryId: e.id }, { type: e.type, text: e.text, id: e.id ?? '' });

/** The one warning for a place whose ref names no record of the place table, whichever command finds it. */
export const unknownPlace = (where: Where, e: Pick<Entry, 'text' | 'id' | 'ref'>) =>
  report(
    entryPlaceUnknown,
    'unknown',
    { ...where, ...(e.id ? { entryId: e.id } : {}) },
    { place: `place "${e.text}"${e.id ? ` (${e.id})` : ''}`, ref: e.ref ?? '' },
  );
