import { defineRule } from './rule.js';

/** Rules about the project's rule packs, reported once per run. */
export const packRuleInactive = defineRule({
  id: 'pack-rule-inactive',
  severity: 'warning',
  source: 'config',
  description: 'A rule of a pack that the chosen NER engine cannot run (a compromise match rule without ner: compromise)',
  help: 'Choose `ner: compromise`, write the rule as a regex or gazetteer, or mark it `engine: compromise` to say it is meant for that engine only.',
  messages: { needsCompromise: 'rule {{rule}} is a compromise pattern (match:), which runs only with `ner: compromise`; it is skipped' },
});

export const PACK_RULES = [packRuleInactive];
