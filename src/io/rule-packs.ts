import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ExitError } from '../core/errors.js';
import { alternation } from '../core/regexp.js';
import { parseYaml } from './yaml-source.js';
import { PRIORITY } from '../core/priority.js';

const GazetteerEntry = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).optional(),
    id: z.string().optional().describe('Canonical id, e.g. a Wikidata id; becomes the cluster of every match'),
    value: z.string().optional().describe('Normalized value, e.g. the expansion of an acronym'),
  }),
]);

const Rule = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    type: z.string().regex(/^[a-z][a-z0-9-]*$/),
    priority: z.number().int().default(PRIORITY.packRule).describe('Higher wins when spans overlap'),
    gazetteer: z.array(GazetteerEntry).optional().describe('Names matched as whole words'),
    regex: z
      .string()
      .optional()
      .describe('A JavaScript regular expression; {{list}} inserts a list of the pack as alternatives; group 1, if any, is the span'),
    match: z.string().optional().describe('A compromise match pattern, e.g. "#Honorific+ #ProperNoun+"'),
    engine: z
      .enum(['compromise'])
      .optional()
      .describe('The NER engine the rule is written for: it runs only with that engine (a match rule needs compromise)'),
    caseSensitive: z.boolean().default(true),
    value: z.string().optional().describe('Normalized value given to every match'),
  })
  .refine((r) => [r.gazetteer, r.regex, r.match].filter(Boolean).length === 1, {
    message: 'a rule has exactly one of gazetteer, regex, match',
  })
  .refine((r) => !r.engine || r.match, { message: 'engine is for match rules only' });

export const RulePack = z.strictObject({
  name: z.string().min(1),
  lists: z
    .record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(z.string()))
    .default({})
    .describe('Named word lists, used by rules as {{name}} and by the extractors'),
  rules: z.array(Rule).default([]),
});

export type RulePack = z.infer<typeof RulePack>;
export type PackRule = z.infer<typeof Rule>;

/** The packs shipped in the package's rules/ folder. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** Where each pack was read from, and each of its rules: for messages about a rule. */
const origins = new WeakMap<RulePack, { file: string; locate(path: (string | number)[]): { line: number; column: number } }>();

export const originOf = (pack: RulePack) => origins.get(pack);

/**
 * Read and validate a rule pack; errors name the file, line and column. With `types` (the
 * config's), a rule of a type the config does not declare is an error too.
 */
export function loadPack(path: string, label = path, types?: readonly string[]): RulePack {
  const parsed = parseYaml(label, readFileSync(path, 'utf8'), RulePack, 'rules');
  if (!parsed.value) {
    const m = parsed.messages[0]!;
    throw new ExitError(`${m.file}:${m.line ?? 1}:${m.column ?? 1}  ${m.message}`);
  }
  origins.set(parsed.value, { file: label, locate: parsed.locate });
  for (const [i, rule] of parsed.value.rules.entries()) {
    if (!types || types.includes(rule.type)) continue;
    const at = parsed.locate(['rules', i, 'type']);
    throw new ExitError(
      `${label}:${at.line}:${at.column}  rules.${i}.type: "${rule.type}" is not declared (add it to \`types\` in the config)`,
    );
  }
  for (const [i, rule] of parsed.value.rules.entries()) {
    if (!rule.regex) continue;
    try {
      new RegExp(expandLists(rule.regex, parsed.value.lists, new Map()), 'gu');
    } catch (error) {
      const at = parsed.locate(['rules', i, 'regex']);
      throw new ExitError(`${label}:${at.line}:${at.column}  rules.${i}.regex: ${(error as Error).message}`);
    }
  }
  return parsed.value;
}

export function loadBuiltinPacks(): RulePack[] {
  return readdirSync(BUILTIN_RULES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadPack(join(BUILTIN_RULES_DIR, f), `rules/${f}`));
}

/** `{{titles}}` → `(?:Major General|Mr|…)`, longest first so that alternation prefers it. */
export function expandLists(source: string, lists: Record<string, string[]>, all: ReadonlyMap<string, string[]>): string {
  return source.replace(/\{\{([a-z0-9-]+)\}\}/g, (_, name: string) => {
    const list = lists[name] ?? all.get(name);
    if (!list) throw new Error(`unknown list {{${name}}}`);
    return `(?:${alternation(list)})`;
  });
}

/** All lists of all packs by name; a later pack extends an earlier one. */
export function mergedLists(packs: readonly RulePack[]): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const pack of packs) for (const [name, words] of Object.entries(pack.lists)) lists.set(name, [...(lists.get(name) ?? []), ...words]);
  return lists;
}
