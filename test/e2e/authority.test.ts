import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO, cli, makeProject } from '../helpers.js';

const PERSONS = readFileSync(join(REPO, 'test/fixtures/authority/persons.tsv'), 'utf8');
const records = (root: string) =>
  parse(readFileSync(join(root, 'authority.yaml'), 'utf8')).records as {
    id: string;
    preferred: string;
    variants: string[];
    status: string;
    description?: string;
  }[];
const people = (root: string, name: string) =>
  (
    parse(readFileSync(join(root, `annotations/${name}.yaml`), 'utf8')).entries as {
      type: string;
      text: string;
      ref?: string;
      by: string;
    }[]
  )
    .filter((e) => e.type === 'person')
    .map((e) => [e.text, e.ref ?? null]);

describe('authority files', () => {
  it("links a person's own entry to its record, as it links the machine's", async () => {
    const root = makeProject({
      'marginalia.config.yaml': 'authorities: [authority.yaml]\nner: none\n',
      'persons.tsv': PERSONS,
      'corpus/memo.txt': 'Robert S. McNamara met him.\n',
    });
    await cli(root, 'authority', 'import', 'persons.tsv');
    await cli(root, 'annotate');
    const path = join(root, 'annotations/memo.txt.yaml');
    const sidecar = parse(readFileSync(path, 'utf8'));
    sidecar.entries = sidecar.entries.filter((e: { type: string }) => e.type !== 'person');
    sidecar.entries.push({ type: 'person', start: 0, end: 18, text: 'Robert S. McNamara', by: 'human' });
    writeFileSync(path, JSON.stringify(sidecar));
    await cli(root, 'annotate');
    expect(people(root, 'memo.txt')).toEqual([['Robert S. McNamara', 'person:mcnamara-robert-s']]);
  });

  it('imports a FRUS persons list as accepted records, and annotate links each mention to its record', async () => {
    const root = makeProject({
      'marginalia.config.yaml': 'authorities: [authority.yaml]\nner: none\n',
      'persons.tsv': PERSONS,
      'corpus/memo.txt': 'Washington, May 1, 1961.\n\nRobert S. McNamara met him; later McNamara and Bundy spoke with Taylor.\n',
    });
    const imported = await cli(root, 'authority', 'import', 'persons.tsv');
    expect(imported.stdout).toBe('authority.yaml: 7 records, 7 new\n');
    expect(imported.code).toBe(0);
    expect(records(root).find((r) => r.id === 'person:mcnamara-robert-s')).toEqual({
      id: 'person:mcnamara-robert-s',
      type: 'person',
      preferred: 'Robert S. McNamara',
      variants: ['McNamara', 'Robert McNamara'],
      description: 'Secretary of Defense',
      status: 'accepted',
    });
    expect(readFileSync(join(root, 'authority.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=authority\.schema\.json\n/);
    await cli(root, 'annotate');
    // Bundy and Taylor are two records each, and neither is named in full: left unlinked.
    expect(people(root, 'memo.txt')).toEqual([
      ['Robert S. McNamara', 'person:mcnamara-robert-s'],
      ['McNamara', 'person:mcnamara-robert-s'],
    ]);
    // The index has one entity per record; TEI points each name at it.
    const index = JSON.parse((await cli(root, 'index', '--types', 'person', '--format', 'json')).stdout);
    expect(index.find((e: { cluster: string }) => e.cluster === 'person:mcnamara-robert-s')).toMatchObject({
      name: 'Robert S. McNamara',
      mentions: 2,
      aliases: ['Robert S. McNamara', 'McNamara'],
    });
    await cli(root, 'export', '--format', 'tei', '--out', 'tei');
    expect(readFileSync(join(root, 'tei/corpus/memo.xml'), 'utf8')).toContain(
      '<persName ref="person:mcnamara-robert-s">McNamara</persName>',
    );
    const csv = (await cli(root, 'authority', 'export', '--format', 'csv')).stdout.split('\n');
    expect(csv[0]).toBe('id,type,preferred,variants,description,dates,sameAs,status');
    expect(csv).toContain('person:mcnamara-robert-s,person,Robert S. McNamara,McNamara|Robert McNamara,Secretary of Defense,,,accepted');
    const jsonld = JSON.parse((await cli(root, 'authority', 'export', '--format', 'jsonld')).stdout);
    expect(jsonld['@graph']).toContainEqual({
      '@id': '#person:mcnamara-robert-s',
      '@type': 'Person',
      name: 'Robert S. McNamara',
      alternateName: ['McNamara', 'Robert McNamara'],
      description: 'Secretary of Defense',
    });
  });

  it('optional check rules: mentions no record claims, variants never found, strings linked to two records', async () => {
    const root = makeProject({
      'marginalia.config.yaml':
        'authorities: [authority.yaml]\nner: none\ncheck:\n  rules:\n    authority-unlinked-mention: warning\n    authority-variant-unused: info\n    authority-string-ambiguous: error\n',
      'persons.tsv': PERSONS,
      'corpus/memo.txt': 'Robert S. McNamara met Secretary Lovett; later McNamara spoke.\n',
    });
    await cli(root, 'authority', 'import', 'persons.tsv');
    await cli(root, 'annotate');
    const r = await cli(root, 'check', '--format', 'json');
    const found = JSON.parse(r.stdout).map(
      (m: { ruleId: string; severity: string; message: string }) => `${m.ruleId} ${m.severity} ${m.message}`,
    );
    expect(found).toContain('authority-unlinked-mention warning person "Secretary Lovett" is in no authority record');
    expect(found).toContain('authority-variant-unused info variant "Rusk" of person:rusk-dean is found in no text');
    expect(found).toContain('authority-variant-unused info variant "Robert McNamara" of person:mcnamara-robert-s is found in no text');
    expect(found.filter((f: string) => f.includes('variant "McNamara"'))).toEqual([]);
    // Off by default: the same project without the rules configured says nothing about them.
    writeFileSync(join(root, 'marginalia.config.yaml'), 'authorities: [authority.yaml]\nner: none\n');
    expect((await cli(root, 'check')).stdout).not.toContain('authority-');
  });

  it('reports a list without its name column with the file and line, and exits 1', async () => {
    const root = makeProject({
      'marginalia.config.yaml': 'authorities: [authority.yaml]\n',
      'people.csv': 'who,role\n"Rusk, Dean",Secretary\n',
    });
    const r = await cli(root, 'authority', 'import', 'people.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('people.csv:1:1  error  no column "name" in the header  authority-import');
    const mapped = await cli(root, 'authority', 'import', 'people.csv', '--name', 'who', '--description', 'role');
    expect(mapped.stdout).toBe('authority.yaml: 1 record, 1 new\n');
    expect(records(root)[0]).toMatchObject({
      id: 'person:rusk-dean',
      preferred: 'Dean Rusk',
      variants: ['Rusk'],
      description: 'Secretary',
    });
  });

  it('build proposes records; people accept, reject and edit them; a second build loses none of it', async () => {
    const root = makeProject({
      'marginalia.config.yaml': 'authorities: [authority.yaml]\n',
      'corpus/a.txt': 'Ambassador Frederick E. Nolting met Henry Kissinger in Saigon. Nolting said no.\n',
      'corpus/b.txt': 'Professor Kissinger answered Roger Hilsman the next day.\n',
    });
    await cli(root, 'annotate');
    expect((await cli(root, 'authority', 'build')).code).toBe(0);
    const proposed = records(root);
    expect(proposed.map((r) => [r.id, r.preferred, r.variants, r.status])).toEqual([
      ['person:hilsman-roger', 'Roger Hilsman', ['Hilsman'], 'proposed'],
      ['person:kissinger-henry', 'Henry Kissinger', ['Kissinger'], 'proposed'],
      ['person:nolting-frederick-e', 'Frederick E. Nolting', ['Nolting'], 'proposed'],
    ]);
    // A person's decisions and edits.
    const edited = readFileSync(join(root, 'authority.yaml'), 'utf8')
      .replace(/(id: person:kissinger-henry\n(?:.*\n)*?\s+status: )proposed/, '$1accepted')
      .replace(/(id: person:hilsman-roger\n(?:.*\n)*?\s+status: )proposed/, '$1rejected')
      .replace('preferred: Frederick E. Nolting', 'preferred: Frederick Ernest Nolting, Jr.');
    writeFileSync(join(root, 'authority.yaml'), edited);
    await cli(root, 'annotate');
    // The accepted record links its mentions; the rejected one's forms are tagged no more.
    expect(people(root, 'b.txt')).toEqual([['Professor Kissinger', 'person:kissinger-henry']]);
    expect(people(root, 'a.txt')).toContainEqual(['Henry Kissinger', 'person:kissinger-henry']);
    const again = await cli(root, 'authority', 'build');
    expect(again.stdout).toBe('authority.yaml: 3 records, 0 new\n');
    expect(readFileSync(join(root, 'authority.yaml'), 'utf8')).toBe(edited);
  });
});
