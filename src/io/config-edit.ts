import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import { ExitError } from '../core/errors.js';
import { writeFileAtomic } from './atomic.js';
import { CONFIG_FILE } from './config.js';

/** A plain YAML scalar where it can be one, else a quoted string. */
const scalar = (s: string) => (/^[\w./-]+$/.test(s) && !/^[-.]/.test(s) ? s : JSON.stringify(s));

/**
 * Adds `file` to the config's `authorities:` list, editing the file's text where the list
 * stands (comments, spacing and the other keys kept as they are). Returns the file when it
 * was added; nothing when it was listed already.
 */
export function listAuthorityFile(root: string, file: string): string | undefined {
  const path = join(root, CONFIG_FILE);
  const source = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const doc = parseDocument(source, { keepSourceTokens: false });
  const node = doc.get('authorities', true);
  const items = isSeq(node) ? node.items.map((i) => (isScalar(i) ? String(i.value) : '')) : [];
  if (items.includes(file)) return undefined;
  writeFileAtomic(path, withAuthority(source, node, file));
  return file;
}

function withAuthority(source: string, node: unknown, file: string): string {
  if (isSeq(node) && node.range) {
    const [start, end] = node.range;
    if (node.flow) {
      // `authorities: []  # comment` → `authorities: [a.yaml]  # comment`
      const values = [...node.items.map((i) => (isScalar(i) ? scalar(String(i.value)) : '')), scalar(file)];
      return `${source.slice(0, start)}[${values.join(', ')}]${source.slice(end)}`;
    }
    // A block list: one more `- item` line, indented as the last one.
    const last = node.items[node.items.length - 1] as { range?: [number, number, number] } | undefined;
    const itemStart = last?.range?.[0] ?? start;
    const dash = source.lastIndexOf('-', itemStart);
    const lineStart = source.lastIndexOf('\n', dash) + 1;
    const indent = source.slice(lineStart, dash);
    const lineEnd = source.indexOf('\n', last?.range?.[1] ?? itemStart);
    const at = lineEnd < 0 ? source.length : lineEnd;
    return `${source.slice(0, at)}\n${indent}- ${scalar(file)}${source.slice(at)}`;
  }
  if (node === undefined || node === null) {
    const doc = parseDocument(source);
    if (!doc.has('authorities')) return `${source}${source && !source.endsWith('\n') ? '\n' : ''}authorities: [${scalar(file)}]\n`;
  }
  // Anything else (an empty `authorities:`): the document rewritten by the yaml library, comments kept.
  const doc = parseDocument(source);
  doc.set('authorities', [file]);
  return doc.toString();
}

/** Sets one top-level key of the config to a plain value, every other byte (comments, spacing, flow lists) as it was. */
export function setConfigValue(root: string, key: string, value: string): void {
  const path = join(root, CONFIG_FILE);
  const source = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const doc = parseDocument(source);
  const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  const range = isNode(pair?.value) ? pair.value.range : undefined;
  if (range) return writeFileAtomic(path, source.slice(0, range[0]) + scalar(value) + source.slice(range[1]));
  if (pair) throw new ExitError(`${CONFIG_FILE}: \`${key}:\` has no value to replace; set it to ${value} by hand`);
  writeFileAtomic(path, `${source}${source === '' || source.endsWith('\n') ? '' : '\n'}${key}: ${scalar(value)}\n`);
}
