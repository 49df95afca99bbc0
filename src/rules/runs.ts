import { defineRule } from './rule.js';

/** Rules of the commands that change sidecars: annotate, import, accept and reject. */
export const annotateFailed = defineRule({
  id: 'annotate-failed',
  severity: 'error',
  source: 'annotate',
  description: 'Extraction failed on a text; the other texts were annotated',
  help: 'Report the error with the text that caused it.',
  messages: { failed: 'annotation failed: {{reason}}' },
});

export const importMismatch = defineRule({
  id: 'import-mismatch',
  severity: 'error',
  source: 'import',
  description: "An imported annotation's text does not match the corpus text",
  help: 'Import against the text the annotations were made on.',
  messages: { mismatch: '{{type}} "{{text}}" at {{start}}-{{end}} does not match {{target}}, nor anywhere else in it' },
});

export const curateUnknownId = defineRule({
  id: 'curate-unknown-id',
  severity: 'warning',
  source: 'curate',
  description: 'accept or reject was given an id that no entry has',
  help: 'Copy the id from the sidecar (or `marginalia index`), or select by --type and --text.',
  messages: { unknown: 'no entry has the id {{id}}' },
});

export const editConflict = defineRule({
  id: 'edit-conflict',
  severity: 'error',
  source: 'curate',
  description: 'An edit was made against sidecar bytes that have changed since they were read',
  help: 'Reload the document and make the edit again.',
  messages: {
    stale: 'the file changed on disk since this page was loaded: reload ({{sidecar}})',
    undo: '{{sidecar}} changed since the last action wrote it: undo would lose that change, so nothing was restored',
    nothing: 'there is no action to undo',
  },
});

export const editRefused = defineRule({
  id: 'edit-refused',
  severity: 'error',
  source: 'curate',
  description: 'An edit of a sidecar that cannot be made as asked; nothing was written',
  help: 'Correct the request: the message says what is wrong with it.',
  messages: {
    noEntry: 'no entry has the id {{id}}',
    orphaned: 'entry {{id}} is orphaned: correct it by hand or delete it',
    notHuman: 'entry {{id}} was made by {{by}}: only human entries are deleted (reject it instead)',
    structure: 'entry {{id}} is a {{type}}: only entities are retyped, moved or added',
    type: 'type "{{type}}" is not an entity type of this project ({{types}})',
    span: 'the span {{start}}-{{end}} is empty or outside the text (0-{{length}})',
    quote: 'the text does not hold "{{text}}" at {{start}}-{{end}}, nor anywhere else',
    stale: '{{text}} changed since its sidecar was written: run `marginalia annotate {{text}}` first',
    unreadable: 'cannot edit {{sidecar}}: {{reason}}',
    invalid: 'the edit would make the sidecar invalid: {{reason}}',
    shape: 'edit {{index}} is not an edit: {{reason}}',
    notPlace: 'entry {{id}} is a {{type}}: only places are linked to a GeoNames record',
    noRecord: '{{ref}} is no record of the place table',
  },
});

export const evalPredictionSkipped = defineRule({
  id: 'eval-prediction-skipped',
  severity: 'warning',
  source: 'eval',
  description: 'eval --pred left out gold texts that have no prediction, or whose prediction was made for another text',
  help: 'Give --pred the folder of predictions made on these very texts (annotate them, or export them, again).',
  messages: {
    missing: '{{count}} of {{total}} gold texts have no prediction in {{pred}} and were not scored: {{names}}',
    mismatch: 'made for another text than {{text}} ({{reason}}): not scored',
  },
});

export const selectionEmpty = defineRule({
  id: 'selection-empty',
  severity: 'warning',
  source: 'curate',
  description: 'accept, reject or index was given a selection (--type, --text, --types) that no entry has',
  help: 'Check the spelling: texts are matched exactly (see `marginalia index`).',
  messages: { curate: '{{selection}}: nothing {{decision}}', index: 'no {{types}} entity: the index is empty' },
});

export const RUN_RULES = [
  annotateFailed,
  importMismatch,
  curateUnknownId,
  editConflict,
  editRefused,
  evalPredictionSkipped,
  selectionEmpty,
];
