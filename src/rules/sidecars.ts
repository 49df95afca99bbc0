import { defineRule } from './rule.js';

/** Rules about a text's sidecar as a file: there, readable, current, about this text. */
export const sidecarMissing = defineRule({
  id: 'sidecar-missing',
  severity: 'error',
  source: 'sidecar',
  description: 'A text has no sidecar',
  help: 'Run `marginalia annotate` on the text.',
  messages: { missing: 'no sidecar: run `marginalia annotate {{text}}`' },
});

export const sidecarStale = defineRule({
  id: 'sidecar-stale',
  severity: 'error',
  source: 'sidecar',
  description: 'A text changed since its sidecar was written',
  help: 'Run `marginalia annotate` on the text: human entries are kept and re-anchored.',
  messages: { stale: 'stale sidecar: {{text}} changed since it was annotated; run `marginalia annotate {{text}}`' },
});

export const sidecarInvalid = defineRule({
  id: 'sidecar-invalid',
  severity: 'error',
  source: 'sidecar',
  description: 'A sidecar does not parse or does not match the schema',
  help: 'Run `marginalia validate` for the exact line and field.',
  messages: { invalid: 'invalid sidecar: {{reason}}' },
});

export const sidecarSourceMissing = defineRule({
  id: 'sidecar-source-missing',
  severity: 'error',
  source: 'sidecar',
  description: 'A sidecar whose text is gone',
  help: 'Restore the text, or delete the sidecar.',
  messages: { missing: 'source text {{text}} is missing' },
});

export const sidecarSourcePath = defineRule({
  id: 'sidecar-source-path',
  severity: 'error',
  source: 'sidecar',
  description: "A sidecar's source.path names another text than the one it mirrors",
  help: 'Move the sidecar next to its text, or correct source.path.',
  messages: { other: 'source.path is "{{claimed}}" but this sidecar belongs to {{text}}' },
});

export const sidecarSourceOutside = defineRule({
  id: 'sidecar-source-outside',
  severity: 'error',
  source: 'sidecar',
  description: "A sidecar's source.path points outside the project",
  help: 'Correct source.path: marginalia never reads outside the project.',
  messages: { outside: 'source.path "{{claimed}}" points outside the project; refused' },
});

export const sidecarLength = defineRule({
  id: 'sidecar-length',
  severity: 'error',
  source: 'sidecar',
  description: "A sidecar's source.length differs from the text's length",
  help: 'Run `marginalia annotate --force` on the text.',
  messages: { length: 'source.length is {{claimed}} but the text has {{actual}} code points' },
});

export const sidecarNotOverwritten = defineRule({
  id: 'sidecar-not-overwritten',
  severity: 'error',
  source: 'sidecar',
  description: 'annotate left a sidecar it cannot read untouched',
  help: 'Fix the sidecar, or move it away to start afresh.',
  messages: { untouched: 'sidecar left untouched: fix it, or move it away to start afresh' },
});

export const SIDECAR_RULES = [
  sidecarMissing,
  sidecarStale,
  sidecarInvalid,
  sidecarSourceMissing,
  sidecarSourcePath,
  sidecarSourceOutside,
  sidecarLength,
  sidecarNotOverwritten,
];
