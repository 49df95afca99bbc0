import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Sidecar } from '../../src/core/schema.js';
import { editEntries } from '../../src/curation/edit.js';
import { loadConfig } from '../../src/io/config.js';
import { curatedExamples, DECISION_WEIGHT } from '../../src/learning/examples.js';
import { cli, makeProject } from '../helpers.js';

const LETTER = (i: number) => `Letter ${i}.\n\nRusk met Gromyko in Geneva. Lodge flew to Saigon with Harriman.\n`;

describe('curatedExamples: what train learns from', () => {
  it('a reviewed document is complete gold for its types; a retype, a move or a rejection elsewhere is evidence that weighs less', async () => {
    const root = makeProject(Object.fromEntries([1, 2, 3].map((i) => [`corpus/l${i}.txt`, LETTER(i)])));
    await cli(root, 'annotate');
    await cli(root, 'review', 'annotations/l1.txt.yaml');
    const config = loadConfig(root);
    const path = 'annotations/l2.txt.yaml';
    const entry = (text: string) => (parse(readFileSync(join(root, path), 'utf8')) as Sidecar).entries.find((e) => e.text === text)!;
    editEntries(config, path, [
      { op: 'retype', id: entry('Geneva').id!, type: 'org' },
      { op: 'move', id: entry('Saigon').id!, edge: 'end', by: 'char', direction: -1 },
      { op: 'reject', id: entry('Harriman').id! },
    ]);
    const { examples, others } = await curatedExamples(config);
    expect(examples.map((e) => [e.path, e.complete, e.decisions, e.weight])).toEqual([
      ['corpus/l1.txt', ['person', 'place', 'org'], 0, undefined],
      ['corpus/l2.txt', [], 3, DECISION_WEIGHT],
    ]);
    const l2 = examples[1]!;
    const spans = l2.spans.map((s) => `${s.type}:${l2.text.slice(s.start, s.end)}`);
    expect(spans).toEqual(['org:Geneva', 'place:Saigo']);
    expect(l2.rejected!.map((s) => `${s.type}:${l2.text.slice(s.start, s.end)}`)).toEqual(['person:Harriman']);
    // Scored in cross-validation: the reviewed document's entries of its types (a review naming none: every entity type), nothing of the other.
    const l1 = examples[0]!;
    expect(l1.scored).toEqual(['person', 'org', 'place', 'date', 'money', 'acronym', 'reference']);
    expect(l1.gold.map((g) => `${g.type}:${l1.text.slice(g.start, g.end)}`)).toEqual([
      'person:Rusk',
      'person:Gromyko',
      'place:Geneva',
      'place:Saigon',
      'person:Harriman',
    ]);
    expect(l2.gold).toEqual([]);
    expect(others.length).toBe(1);
  });
});
