import { LineCounter, parseDocument, isNode, type Document as YamlDocument } from 'yaml';
import type { z } from 'zod';
import type { Message } from '../core/message.js';

/** Larger YAML files are refused rather than parsed. */
export const MAX_YAML_BYTES = 64 * 1024 * 1024;

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
  ruleId: string,
  prepare?: Prepare,
): ParsedYaml<z.infer<S>> {
  const nowhere = () => ({ line: 1, column: 1 });
  if (Buffer.byteLength(source) > MAX_YAML_BYTES) {
    return {
      value: undefined,
      locate: nowhere,
      messages: [{ file, severity: 'error', message: `file is larger than ${MAX_YAML_BYTES} bytes`, ruleId: `${ruleId}-too-large` }],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (path: readonly (string | number)[]) => locate(doc, lineCounter, path);
  const syntaxErrors = [...doc.errors, ...doc.warnings].map((error): Message => {
    const pos = lineCounter.linePos(error.pos[0]);
    return { file, line: pos.line, column: pos.col, severity: 'error', message: firstLine(error.message), ruleId: `${ruleId}-syntax` };
  });
  if (doc.errors.length) return { value: undefined, locate: at, messages: syntaxErrors };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      value: undefined,
      locate: at,
      messages: [
        { file, line: 1, column: 1, severity: 'error', message: firstLine(String((error as Error).message)), ruleId: `${ruleId}-syntax` },
      ],
    };
  }
  if (prepare) {
    const prepared = prepare(data);
    if ('error' in prepared)
      return {
        value: undefined,
        locate: at,
        messages: [{ file, ...at(prepared.path), severity: 'error', message: prepared.error, ruleId: `${ruleId}-version` }],
      };
    data = prepared.data;
  }
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, locate: at, messages: syntaxErrors };
  const messages = result.error.issues.map((issue): Message => {
    const where = at(issue.path as (string | number)[]);
    const field = issue.path.length ? issue.path.join('.') : '(document)';
    return { file, ...where, severity: 'error', message: `${field}: ${issue.message}`, ruleId: `${ruleId}-schema` };
  });
  return { value: undefined, locate: at, messages: [...syntaxErrors, ...messages] };
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

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
