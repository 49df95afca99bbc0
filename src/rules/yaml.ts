import { defineRule, type Rule } from './rule.js';

/** The YAML files marginalia reads, each with the same four ways to be unreadable. */
export const YAML_KINDS = ['sidecar', 'config', 'rules', 'authority'] as const;
export type YamlKind = (typeof YAML_KINDS)[number];

export interface YamlRules {
  syntax: Rule<'syntax'>;
  schema: Rule<'field' | 'unknownKey'>;
  version: Rule<'newer'>;
  tooLarge: Rule<'tooLarge'>;
}

function yamlRules(kind: YamlKind): YamlRules {
  return {
    syntax: defineRule({
      id: `${kind}-syntax`,
      severity: 'error',
      source: 'yaml',
      description: `A ${kind} file is not well-formed YAML`,
      help: 'Fix the YAML at the line and column given.',
      messages: { syntax: '{{reason}}' },
    }),
    schema: defineRule({
      id: `${kind}-schema`,
      severity: 'error',
      source: 'yaml',
      description: `A ${kind} file does not match its schema`,
      help: 'Fix the field named in the message; the JSON Schema lists what is allowed.',
      messages: { field: '{{field}}: {{reason}}', unknownKey: '{{field}}: unknown key{{suggestion}}' },
    }),
    version: defineRule({
      id: `${kind}-version`,
      severity: 'error',
      source: 'yaml',
      description: `A ${kind} file was written by a newer marginalia`,
      help: 'Upgrade marginalia.',
      messages: { newer: '{{reason}}' },
    }),
    tooLarge: defineRule({
      id: `${kind}-too-large`,
      severity: 'error',
      source: 'yaml',
      description: `A ${kind} file is too large to be read safely`,
      help: 'Split the file, or check it is not a YAML bomb.',
      messages: {
        tooLarge:
          'file is larger than {{limit}} bytes, the most read as general YAML (a sidecar as annotate writes it is read at any size)',
      },
    }),
  };
}

export const YAML_RULES: Record<YamlKind, YamlRules> = Object.fromEntries(YAML_KINDS.map((k) => [k, yamlRules(k)])) as Record<
  YamlKind,
  YamlRules
>;
