import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import { extractContext, extractorsOf, rulePacks } from '../../src/extract/index.js';
import { newspapersExtractor } from '../../src/extract/newspapers.js';
import { cli, makeProject } from '../helpers.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const titles = async (text: string) =>
  (await newspapersExtractor(extractContext(rulePacks())).extract(new Document('corpus/t.txt', text), [])).map((c) =>
    text.slice(c.start, c.end),
  );

const TEXT =
  'From the Richmond Whig we learn. THE LEYDEN GAZETTE says so. The GAZETTE OF THE UNITED STATES, printed. As the Observer ' +
  'notes, the Fayetteville Observer and the North Carolina Stan¬\ndard agree. The Post Office closed. A Black Republican ' +
  'spoke. The Standard Oil company. Washington Post reports.';

describe('newspapers', () => {
  it('finds the titles papers cite, without the article, across a broken line; not a party man, an office or a firm', async () => {
    expect(await titles(TEXT)).toEqual([
      'Richmond Whig',
      'LEYDEN GAZETTE',
      'GAZETTE OF THE UNITED STATES',
      'Observer',
      'Fayetteville Observer',
      'North Carolina Stan¬\ndard',
      'Washington Post',
    ]);
  });

  it('finds nothing in a project that does not declare `work`: its papers stay what the other rules make of them', async () => {
    const ids = (types?: string[]) => extractorsOf({ ...extractContext(rulePacks()), ...(types ? { types } : {}) }).map((e) => e.id);
    expect(ids(['work'])).toContain('rule:newspapers');
    expect(ids()).not.toContain('rule:newspapers');
    const root = makeProject({
      'corpus/a.txt': 'From the Richmond Whig we learn that Smith left.\n',
      'marginalia.config.yaml': 'types: [work]\n',
    });
    expect((await cli(root, 'annotate')).code).toBe(0);
    const entries = parse(readFileSync(join(root, 'annotations/a.txt.yaml'), 'utf8')).entries;
    expect(entries.filter((e: { type: string }) => e.type === 'work').map((e: { text: string; by: string }) => [e.text, e.by])).toEqual([
      ['Richmond Whig', 'rule:newspapers'],
    ]);
  });
});
