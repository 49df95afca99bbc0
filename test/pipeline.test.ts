import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../src/cli/exit.js';
import { annotate } from '../src/commands/annotate.js';
import { extractContext, type Extractor } from '../src/extract/index.js';
import { notesExtractor } from '../src/extract/notes.js';
import { loadConfig } from '../src/io/config.js';
import { makeProject } from './helpers.js';

/** An extractor with a bug that shows on one text only. */
const throwsOn = (name: string): Extractor => ({
  id: 'test:throws',
  description: 'throws on one text',
  types: ['person'],
  extract: (doc) => {
    if (doc.path.endsWith(name)) throw new TypeError(`cannot read properties of undefined (in ${name})`);
    return [];
  },
});

describe('a text whose extraction throws', () => {
  it('is reported as failed, naming the error; the other texts are written, the cache saved, and the exit code is 1', async () => {
    const root = makeProject({ 'corpus/a.txt': 'First text (1).\n\n(1) A note.\n', 'corpus/b.txt': 'Second text.\n', 'corpus/c.txt': 'Third text.\n' });
    const result = await annotate({ config: loadConfig(root), extractors: [notesExtractor(extractContext([])), throwsOn('b.txt')] });

    expect(result.files.map((f) => [f.target.text, f.status])).toEqual([
      ['corpus/a.txt', 'written'],
      ['corpus/b.txt', 'failed'],
      ['corpus/c.txt', 'written'],
    ]);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ file: 'corpus/b.txt', severity: 'error', ruleId: 'annotate-failed' });
    expect(result.messages[0]!.message).toMatch(/^annotation failed: TypeError: cannot read properties of undefined \(in b\.txt\)/);
    expect(existsSync(join(root, 'annotations/a.txt.yaml'))).toBe(true);
    expect(existsSync(join(root, 'annotations/b.txt.yaml'))).toBe(false);
    expect(existsSync(join(root, 'annotations/c.txt.yaml'))).toBe(true);
    const cache = JSON.parse(readFileSync(join(root, 'annotations/.marginalia-cache.json'), 'utf8'));
    expect(Object.keys(cache.entries)).toEqual(['annotations/a.txt.yaml', 'annotations/c.txt.yaml']);
    expect(exitCodeOf({ failed: result.files.filter((f) => f.status === 'failed').length, interrupted: result.interrupted })).toBe(1);
  });
});

describe('the exit policy', () => {
  const message = (severity: 'error' | 'warning' | 'info') => ({ file: 'f', severity, message: 'm', ruleId: 'sidecar-stale' });
  it('is 0 for nothing or warnings, 1 for errors, failures, differences or too many warnings, 130 when interrupted', () => {
    expect(exitCodeOf({})).toBe(0);
    expect(exitCodeOf({ messages: [message('warning'), message('info')] })).toBe(0);
    expect(exitCodeOf({ messages: [message('error')] })).toBe(1);
    expect(exitCodeOf({ failed: 1 })).toBe(1);
    expect(exitCodeOf({ differ: true })).toBe(1);
    expect(exitCodeOf({ messages: [message('warning')], maxWarnings: 1 })).toBe(0);
    expect(exitCodeOf({ messages: [message('warning'), message('warning')], maxWarnings: 1 })).toBe(1);
    expect(exitCodeOf({ failed: 2, interrupted: true })).toBe(130);
  });
});
