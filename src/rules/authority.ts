import { defineRule } from './rule.js';

/** Optional rules for projects under full authority control, and the import of persons lists. */
export const authorityUnlinkedMention = defineRule({
  id: 'authority-unlinked-mention',
  severity: 'warning',
  source: 'authority',
  optional: true,
  description: 'A person, organization or place no authority record claims (optional: give it a severity in the config to use it)',
  help: 'Add a record, or a variant to a record, and annotate again.',
  messages: { unlinked: '{{type}} "{{text}}" is in no authority record' },
});

export const authorityVariantUnused = defineRule({
  id: 'authority-variant-unused',
  severity: 'warning',
  source: 'authority',
  optional: true,
  description: "An accepted record's variant is found in no text (optional)",
  help: 'Correct or remove the variant.',
  messages: { unused: 'variant "{{variant}}" of {{record}} is found in no text' },
});

export const authorityStringAmbiguous = defineRule({
  id: 'authority-string-ambiguous',
  severity: 'warning',
  source: 'authority',
  optional: true,
  description: 'One string is linked to two records (optional)',
  help: 'Make a variant more specific, or merge the records.',
  messages: { ambiguous: '"{{text}}" is linked to {{records}}' },
});

export const authorityImport = defineRule({
  id: 'authority-import',
  severity: 'error',
  source: 'authority',
  description: 'A row of an imported persons list has no usable name or type',
  help: 'Fix the row, or map the columns with --name, --type, --description.',
  messages: { row: '{{reason}}' },
});

export const AUTHORITY_RULES = [authorityUnlinkedMention, authorityVariantUnused, authorityStringAmbiguous, authorityImport];
