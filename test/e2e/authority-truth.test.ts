import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { proposeRecords } from '../../src/authority/propose.js';
import type { Entry, Sidecar } from '../../src/core/schema.js';
import { defaultConfig } from '../../src/io/config.js';
import { lowerCaseWords } from '../../src/extract/vocabulary.js';
import { projectOf } from '../../src/pipeline/project.js';
import { REPO, cli, makeProject } from '../helpers.js';

/** Issue 28: what `authority build` proposes and `authority export` publishes. */
const project = projectOf(defaultConfig(REPO));
const classes = project.wordClasses();
const sidecarOf = (path: string, names: string[]): Sidecar => ({
  schemaVersion: 2,
  source: { path, sha256: 'x', length: 0, encoding: 'utf-8' },
  entries: names.map((text, i): Entry => ({ id: `p${i}`, type: 'person', start: i, end: i + 1, text, by: 'rule', status: 'auto' })),
});
const knowledge = (text: string) => ({
  surnamesFirst: new Set(project.extract.list('surnames-first')),
  familyFirstGivenShort: new Set(project.extract.list('surnames-vi')),
  lowerInCorpus: lowerCaseWords(text),
});

describe('authority build proposals', () => {
  it('reads Korean and Vietnamese names family name first, one record per given name', () => {
    const sidecars = [sidecarOf('corpus/a.txt', ['Kim Jong Pil', 'Kim Il-song', 'Kim Tae-chung', 'Pham Van Dong', 'Henry Kissinger'])];
    const records = proposeRecords(sidecars, project.titles, (w) => classes[w], knowledge(''));
    expect(records.map((r) => [r.id, r.preferred, r.variants])).toEqual([
      ['person:kim-il-song', 'Kim Il-song', ['Kim']],
      ['person:kim-jong-pil', 'Kim Jong Pil', ['Kim']],
      ['person:kim-tae-chung', 'Kim Tae-chung', ['Kim']],
      ['person:kissinger-henry', 'Henry Kissinger', ['Kissinger']],
      ['person:pham-van-dong', 'Pham Van Dong', ['Dong']],
    ]);
  });

  it('proposes no common word the corpus writes in lower case, and reads M. as Monsieur', () => {
    // `kissinger` in lower case too (a made-up common noun): after a known given name it is a name all the same.
    const text = 'the advertiser gave an instruction to the magisterial bench on psora, in a kissinger of a speech.';
    const sidecars = [
      sidecarOf('corpus/a.txt', [
        'Mr. Advertiser',
        'General Instruction',
        'Judge Magisterial',
        'Dr. Psora',
        'M. Helmut Kohl',
        'Ambassador Nolting',
        'Henry Kissinger',
      ]),
    ];
    const records = proposeRecords(sidecars, project.titles, (w) => classes[w], knowledge(text));
    expect(records.map((r) => [r.id, r.preferred, r.variants])).toEqual([
      ['person:kissinger-henry', 'Henry Kissinger', ['Kissinger']],
      ['person:kohl-helmut', 'Helmut Kohl', ['Kohl']],
      ['person:nolting', 'Nolting', []],
    ]);
  });
});

describe('authority build --out and export', () => {
  it('build --out adds the file to authorities: in the config, keeping its comments', async () => {
    const config = '# my archive\ncorpus: corpus            # the texts\nauthorities: []           # name lists\nner: none\n';
    const root = makeProject({
      'marginalia.config.yaml': config,
      'corpus/a.txt': 'Ambassador Frederick E. Nolting met Henry Kissinger.\n',
    });
    await cli(root, 'annotate');
    const r = await cli(root, 'authority', 'build', '--out', 'people.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('marginalia.config.yaml: people.yaml added under authorities\n');
    expect(readFileSync(join(root, 'marginalia.config.yaml'), 'utf8')).toBe(
      config.replace('authorities: []', 'authorities: [people.yaml]'),
    );
    // Once listed, not again.
    expect((await cli(root, 'authority', 'build', '--out', 'people.yaml')).stdout).not.toContain('added under authorities');
  });

  it('build --out appends to a block list, and adds the key to a config without one', async () => {
    const block = 'authorities:\n  - lists/a.yaml   # from FRUS\nner: none\n';
    const root = makeProject({ 'marginalia.config.yaml': block, 'lists/a.yaml': 'records: []\n', 'corpus/a.txt': 'Henry Kissinger.\n' });
    await cli(root, 'authority', 'build', '--out', 'lists/b.yaml');
    expect(readFileSync(join(root, 'marginalia.config.yaml'), 'utf8')).toBe(
      'authorities:\n  - lists/a.yaml   # from FRUS\n  - lists/b.yaml\nner: none\n',
    );
    const bare = makeProject({ 'marginalia.config.yaml': 'ner: none', 'corpus/a.txt': 'Henry Kissinger.\n' });
    await cli(bare, 'authority', 'build', '--out', 'people.yaml');
    expect(readFileSync(join(bare, 'marginalia.config.yaml'), 'utf8')).toBe('ner: none\nauthorities: [people.yaml]\n');
  });

  it('export --format jsonld publishes only the accepted records', async () => {
    const root = makeProject({ 'marginalia.config.yaml': 'authorities: [authority.yaml]\n' });
    writeFileSync(
      join(root, 'authority.yaml'),
      'records:\n' +
        '  - {id: "person:kissinger-henry", type: person, preferred: Henry Kissinger, variants: [Kissinger], status: accepted}\n' +
        '  - {id: "person:advertiser", type: person, preferred: Advertiser, variants: [], status: proposed}\n' +
        '  - {id: "person:hilsman-roger", type: person, preferred: Roger Hilsman, variants: [], status: rejected}\n',
    );
    const jsonld = JSON.parse((await cli(root, 'authority', 'export', '--format', 'jsonld')).stdout);
    expect(jsonld['@graph']).toEqual([
      { '@id': '#person:kissinger-henry', '@type': 'Person', name: 'Henry Kissinger', alternateName: ['Kissinger'] },
    ]);
    const csv = (await cli(root, 'authority', 'export', '--format', 'csv')).stdout;
    expect(csv).toContain('person:advertiser,person,Advertiser,,,,,proposed');
    expect(parse(readFileSync(join(root, 'authority.yaml'), 'utf8')).records).toHaveLength(3);
  });
});
