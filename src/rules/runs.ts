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

export const RUN_RULES = [annotateFailed, importMismatch, curateUnknownId];
