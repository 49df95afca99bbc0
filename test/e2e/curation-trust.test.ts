import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Entry, Sidecar } from '../../src/core/schema.js';
import { cli, copyOfBundledCorpus } from '../helpers.js';

const LETTER = 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt';
const SIDECAR = 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml';
const read = (root: string): Sidecar => parse(readFileSync(join(root, SIDECAR), 'utf8'));
const write = (root: string, sidecar: Sidecar) => writeFileSync(join(root, SIDECAR), stringify(sidecar));
const live = (e: Entry) => e.status !== 'rejected' && e.status !== 'orphaned';

describe('a machine entry deleted by hand', () => {
  it('stays deleted through annotate --force: it comes back as a rejection', async () => {
    const root = copyOfBundledCorpus();
    const sidecar = read(root);
    const gone = sidecar.entries.find((e) => e.text === 'Leon Levy Foundation')!;
    write(root, { ...sidecar, entries: sidecar.entries.filter((e) => e !== gone) });
    expect((await cli(root, 'annotate', '--force')).code).toBe(0);
    const after = read(root).entries.filter((e) => e.text === 'Leon Levy Foundation');
    expect(after.map((e) => [e.type, e.start, e.end, e.status])).toEqual([[gone.type, gone.start, gone.end, 'rejected']]);
  });

  it('stays deleted after the text is edited, once annotate has seen the deletion', async () => {
    const root = copyOfBundledCorpus();
    const sidecar = read(root);
    write(root, { ...sidecar, entries: sidecar.entries.filter((e) => e.text !== 'Leon Levy Foundation') });
    await cli(root, 'annotate');
    writeFileSync(join(root, LETTER), `A preface.\n\n${readFileSync(join(root, LETTER), 'utf8')}`);
    await cli(root, 'annotate');
    expect(read(root).entries.filter((e) => e.text === 'Leon Levy Foundation' && live(e))).toEqual([]);
  });
});

describe('a machine entry retyped by hand', () => {
  it('keeps its new type through annotate --force when its text occurs more than once', async () => {
    const root = copyOfBundledCorpus();
    const sidecar = read(root);
    // The machine types `Mdl [Ministry of Interior]` an organization all through; a person says one is a place.
    const mdl = sidecar.entries.filter((e) => e.text === 'Mdl' && e.type === 'org');
    expect(mdl.length).toBeGreaterThan(1);
    const first = mdl[0]!;
    first.type = 'place';
    write(root, sidecar);
    expect((await cli(root, 'annotate', '--force')).code).toBe(0);
    const at = read(root).entries.filter((e) => e.start === first.start && e.end === first.end && live(e));
    expect(at.map((e) => [e.type, e.by])).toEqual([['place', 'human']]);
  });

  it('loses what only the machine knew of it: its id, confidence and cluster', async () => {
    const root = copyOfBundledCorpus();
    const sidecar = read(root);
    const person = sidecar.entries.find((e) => e.type === 'person' && e.confidence !== undefined && e.cluster !== undefined)!;
    const { id } = person;
    person.type = 'place';
    write(root, sidecar);
    await cli(root, 'annotate');
    const retyped = read(root).entries.find((e) => e.start === person.start && e.end === person.end && e.type === 'place')!;
    expect(retyped.by).toBe('human');
    expect(retyped.confidence).toBeUndefined();
    expect(retyped.cluster).toBeUndefined();
    expect(retyped.id).not.toBe(id);
    expect(retyped.id).toMatch(/^place-/);
  });
});

describe('a remark on a machine entry', () => {
  it('survives annotate --force with the entry it remarks on', async () => {
    const root = copyOfBundledCorpus();
    const sidecar = read(root);
    const entry = sidecar.entries.find((e) => e.type === 'date' && e.status === 'auto')!;
    entry.comment = 'checked against the register';
    write(root, sidecar);
    expect((await cli(root, 'annotate', '--force')).code).toBe(0);
    const after = read(root).entries.filter((e) => e.type === entry.type && e.start === entry.start && e.end === entry.end);
    expect(after).toEqual([expect.objectContaining({ id: entry.id, value: entry.value, comment: 'checked against the register' })]);
  });
});

describe('accept, reject and review go through the one edit engine', () => {
  it('refuse a sidecar whose text changed since (its offsets no longer fit), write nothing and say so', async () => {
    const root = copyOfBundledCorpus();
    writeFileSync(join(root, LETTER), `A preface.\n\n${readFileSync(join(root, LETTER), 'utf8')}`);
    const before = readFileSync(join(root, SIDECAR), 'utf8');
    for (const args of [
      ['accept', SIDECAR, '--type', 'date'],
      ['reject', SIDECAR, '--type', 'place'],
      ['review', SIDECAR],
    ]) {
      const r = await cli(root, ...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stdout + r.stderr, args.join(' ')).toContain('changed since its sidecar was written: run `marginalia annotate');
      expect(r.stdout, args.join(' ')).not.toContain('already');
    }
    expect(readFileSync(join(root, SIDECAR), 'utf8')).toBe(before);
  });
});

describe('a new build that finds more, under the same version', () => {
  it('takes nothing it finds now for a deletion when the sidecar is the very bytes annotate wrote', async () => {
    const { annotate } = await import('../../src/commands/annotate.js');
    const { loadConfig } = await import('../../src/io/config.js');
    const { makeProject } = await import('../helpers.js');
    const root = makeProject({ 'corpus/a.txt': 'Alpha met Beta.\n' });
    const finding = (...names: string[]) => [
      {
        id: 'rule:test',
        description: 'names given',
        types: ['person'],
        extract: (doc: { text: string }) =>
          names.map((n) => ({
            type: 'person',
            start: doc.text.indexOf(n),
            end: doc.text.indexOf(n) + n.length,
            by: 'rule:test',
            priority: 50,
          })),
      },
    ];
    await annotate({ config: loadConfig(root), extractors: finding('Alpha') });
    await annotate({ config: loadConfig(root), extractors: finding('Alpha', 'Beta'), force: true });
    const entries = read2(root).entries.map((e) => [e.text, e.status]);
    expect(entries).toEqual([
      ['Alpha', 'auto'],
      ['Beta', 'auto'],
    ]);
  });
});

const read2 = (root: string): Sidecar => parse(readFileSync(join(root, 'annotations/a.txt.yaml'), 'utf8'));
