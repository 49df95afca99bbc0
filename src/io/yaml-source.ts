import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document as YamlDocument } from 'yaml';
import type { z } from 'zod';
import type { Message } from '../core/message.js';
import { closest } from '../core/suggest.js';
import { report } from '../rules/rule.js';
import { YAML_RULES, type YamlKind } from '../rules/yaml.js';

/**
 * YAML larger than this is refused rather than parsed by `yaml` (its tree takes some 40 times
 * the bytes). Sidecars as annotate writes them are read by the subset reader at any size, so
 * this limit never refuses one; it is an object so that tests can lower it.
 */
export const YAML_LIMITS = { exactParseBytes: 64 * 1024 * 1024 };

export interface ParsedYaml<T> {
  value: T | undefined;
  messages: Message[];
  /** Line and column in the YAML file of a field path such as ['entries', 3]. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

/**
 * Parse a YAML file and check it against a schema; every problem becomes a message
 * with the line and column in the YAML file and the path of the field.
 */
export type Prepare = (data: unknown) => { data: unknown } | { error: string; path: (string | number)[] };

export function parseYaml<S extends z.ZodType>(
  file: string,
  source: string,
  schema: S,
  kind: YamlKind,
  prepare?: Prepare,
): ParsedYaml<z.infer<S>> {
  const rules = YAML_RULES[kind];
  const nowhere = () => ({ line: 1, column: 1 });
  const limit = YAML_LIMITS.exactParseBytes;
  if (Buffer.byteLength(source) > limit)
    return { value: undefined, locate: nowhere, messages: [report(rules.tooLarge, 'tooLarge', { file }, { limit })] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (path: readonly (string | number)[]) => locate(doc, lineCounter, path);
  const syntaxMessage = (error: { pos: [number, number]; message: string }) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return report(rules.syntax, 'syntax', { file, line: pos.line, column: pos.col }, { reason: firstLine(error.message) });
  };
  // One broken line makes the parser cascade: the first error is the one to fix.
  if (doc.errors.length) return { value: undefined, locate: at, messages: [syntaxMessage(doc.errors[0]!)] };
  const warnings = doc.warnings.map(syntaxMessage);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const reason = firstLine(String((error as Error).message));
    return { value: undefined, locate: at, messages: [report(rules.syntax, 'syntax', { file, line: 1, column: 1 }, { reason })] };
  }
  if (prepare) {
    const prepared = prepare(data);
    if ('error' in prepared)
      return {
        value: undefined,
        locate: at,
        messages: [report(rules.version, 'newer', { file, ...at(prepared.path) }, { reason: prepared.error })],
      };
    data = prepared.data;
  }
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, locate: at, messages: warnings };
  const messages = result.error.issues.flatMap((issue) => schemaMessages(issue, { file, schema, rules, doc, lineCounter, at }));
  return { value: undefined, locate: at, messages: [...warnings, ...messages] };
}

/** A schema issue as messages placed in the YAML file: an unknown key each with the known key it most looks like. */
function schemaMessages(
  issue: z.core.$ZodIssue,
  where: {
    file: string;
    schema: z.ZodType;
    rules: (typeof YAML_RULES)[YamlKind];
    doc: YamlDocument;
    lineCounter: LineCounter;
    at: (path: readonly (string | number)[]) => { line: number; column: number };
  },
): Message[] {
  const { file, rules } = where;
  const path = issue.path as (string | number)[];
  if (issue.code === 'unrecognized_keys') {
    const known = objectKeys(where.schema, path);
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      return report(
        rules.schema,
        'unknownKey',
        { file, ...locateKey(where.doc, where.lineCounter, [...path, key]) },
        { field: [...path, key].join('.'), suggestion: suggestion ? ` (did you mean "${suggestion}"?)` : '' },
      );
    });
  }
  const field = path.length ? path.join('.') : '(document)';
  return [report(rules.schema, 'field', { file, ...where.at(path) }, { field, reason: issue.message })];
}

/** The keys an object of the schema allows at a field path, looking through optional, default and pipe wrappers. */
function objectKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let node: unknown = schema;
  const def = (n: unknown) => (n as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  const unwrap = () => {
    for (let d = def(node); d && ['optional', 'nullable', 'default', 'prefault', 'pipe'].includes(d.type as string); d = def(node))
      node = d.type === 'pipe' ? d.in : d.innerType;
  };
  for (const key of path) {
    unwrap();
    const d = def(node);
    if (d?.type === 'object') node = (d.shape as Record<string, unknown>)[key];
    else if (d?.type === 'record') node = d.valueType;
    else if (d?.type === 'array') node = d.element;
    else return [];
  }
  unwrap();
  const d = def(node);
  return d?.type === 'object' ? Object.keys(d.shape as object) : [];
}

/** Line and column of the deepest node that exists along a field path. */
export function locate(doc: YamlDocument, lineCounter: LineCounter, path: readonly (string | number)[]): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const pos = lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

/** Line and column of a key itself (an unknown key has no value worth pointing at), else of its map. */
function locateKey(doc: YamlDocument, lineCounter: LineCounter, path: readonly (string | number)[]): { line: number; column: number } {
  const parent = path.length ? (path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)) : undefined;
  const key = isMap(parent) ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === path[path.length - 1])?.key : undefined;
  if (isNode(key) && key.range) {
    const pos = lineCounter.linePos(key.range[0]);
    return { line: pos.line, column: pos.col };
  }
  return locate(doc, lineCounter, path);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
