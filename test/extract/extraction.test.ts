import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import { acronymsExtractor, longFormFor } from '../../src/extract/acronyms.js';
import { extract, extractContext, extractorsFor, rulePacks } from '../../src/extract/index.js';
import { clusterPersons } from '../../src/pipeline/clusters.js';
import { resolve } from '../../src/pipeline/resolve.js';
import { titleStage } from '../../src/pipeline/titles.js';
import { compileTitles } from '../../src/core/titles.js';
import type { Entry } from '../../src/core/schema.js';
import { REPO, cli, makeProject } from '../helpers.js';

const packs = rulePacks();
const extractors = extractorsFor(packs);
const titles = titleStage(compileTitles(extractContext(packs).list('titles')), 'include');

async function entitiesOf(path: string): Promise<Entry[]> {
  const doc = new Document(path, readFileSync(join(REPO, path), 'utf8'));
  const people = clusterPersons(titles(doc, resolve(doc, await extract(doc, extractors))));
  return people.filter((e) => e.type !== 'note' && e.type !== 'note-marker');
}

const has = (entries: Entry[], type: string, text: string, extra: Partial<Entry> = {}) =>
  expect(
    entries.filter((e) => e.type === type && e.text === text).map((e) => ({ ...e, ...extra })),
    `${type} "${text}"`,
  ).toContainEqual(expect.objectContaining({ type, text, ...extra }));

describe('the archive record (Wilson Center, 1986)', () => {
  let entries: Entry[];
  beforeAll(async () => {
    entries = await entitiesOf('corpus/wilson-1986-01-06-schmidt-to-mielke.txt');
  });

  it('finds the people, with their titles where the text gives them', () => {
    for (const name of [
      'Schmidt',
      'Erich Mielke',
      'Martin Grossheim',
      "Sean O'Grady",
      'Comrade Vo van Mang',
      'Comrade Pham Hung',
      'Comrade Minister Pham Hung',
      'Phạm Văn Quyền',
    ])
      has(entries, 'person', name);
    expect(entries.filter((e) => e.type === 'person').map((e) => e.text)).not.toContain('Major');
  });

  it('finds the organizations and places', () => {
    for (const org of [
      'Technical Operations Sector',
      'Vietnamese Ministry of the Interior',
      'Leon Levy Foundation',
      'Main Departments H 18 and A 23',
      'Head Department H 18',
    ])
      has(entries, 'org', org);
    for (const place of ['Berlin', 'Hanoi', 'Ho Chi Minh City', 'Vung-Tau']) has(entries, 'place', place);
    expect(entries.find((e) => e.text === 'State Security' && e.type === 'place')).toBeUndefined();
  });

  it('finds dates with EDTF values and sums with amount and currency', () => {
    has(entries, 'date', 'January 6, 1986', { value: '1986-01-06' });
    has(entries, 'date', '6 January 1986', { value: '1986-01-06' });
    has(entries, 'date', '26.11. - 4.12.1985', { value: '1985-11-26/1985-12-04' });
    has(entries, 'date', 'April 1984', { value: '1984-04' });
    has(entries, 'date', '1986/87', { value: '1986/1987' });
    has(entries, 'date', '28.10.1980', { value: '1980-10-28' });
    has(entries, 'money', '1.5 million marks', { amount: 1_500_000, currency: 'DEM' });
    has(entries, 'money', '700,000.- Marks', { amount: 700_000, currency: 'DEM' });
    has(entries, 'money', '1 million Marks', { amount: 1_000_000, currency: 'DEM' });
  });

  it('expands the bracketed acronyms and gives references their parts', () => {
    has(entries, 'acronym', 'OTS', { value: 'Technical Operations Sector' });
    has(entries, 'acronym', 'Mdl', { value: 'Ministry of Interior' });
    has(entries, 'acronym', 'SRV', { value: 'Socialist Republic of Vietnam' });
    has(entries, 'reference', 'BStU MfS Abt X 348, 257-259', {
      parts: { archive: 'BStU', collection: 'MfS Abt X', unit: '348', folios: '257-259' },
    });
  });

  it('clusters the mentions of one person', () => {
    const mielke = entries.filter((e) => e.type === 'person' && /Mielke/.test(e.text));
    expect(mielke.length).toBeGreaterThanOrEqual(3);
    expect(new Set(mielke.map((e) => e.cluster))).toEqual(new Set(['person:mielke']));
  });
});

describe('the journal article (PTOJ, 2023)', () => {
  let entries: Entry[];
  beforeAll(async () => {
    entries = await entitiesOf('corpus/ptoj-2023-public-security-diplomacy-1945-1975.txt');
  });

  it('finds its date ranges and dates', () => {
    has(entries, 'date', '1945 - 1975', { value: '1945/1975' });
    has(entries, 'date', '1945-1975', { value: '1945/1975' });
    has(entries, 'date', 'September 2, 1945', { value: '1945-09-02' });
    has(entries, 'date', 'March 4, 2022', { value: '2022-03-04' });
  });

  it('finds its people, organizations and places', () => {
    has(entries, 'person', 'Ho Chi Minh');
    for (const org of ['Ministry of Public Security', 'Central Public Security Bureau', 'INTERPOL']) has(entries, 'org', org);
    for (const place of ['Vietnam', 'Laos', 'Cambodia', 'Hanoi', 'Soviet Union', 'China']) has(entries, 'place', place);
  });
});

describe('acronyms', () => {
  it('longFormFor(shortForm, before) finds the Schwartz–Hearst long form', () => {
    expect(longFormFor('OTS', 'was led by the Office of Technical Services')).toBe('Office of Technical Services');
    expect(longFormFor('OTS', 'a German Operativ-Technischer Sektor')).toBe('Operativ-Technischer Sektor');
    expect(longFormFor('HMM', 'a hidden Markov model')).toBe('hidden Markov model');
    expect(longFormFor('XYZ', 'nothing that matches here')).toBeUndefined();
  });

  it('expands an acronym defined in parentheses everywhere in the text, and skips headlines and Roman numerals', () => {
    const text = 'A JAIL THREAT FOR ATTORNEY\n\nThe Office of Strategic Services (OSS) grew. Later the OSS closed in part XIV.';
    const found = acronymsExtractor(extractContext(packs)).extract(new Document('t', text)) as {
      start: number;
      end: number;
      value?: string;
    }[];
    expect(found.map((c) => [text.slice(c.start, c.end), c.value])).toEqual([
      ['OSS', 'Office of Strategic Services'],
      ['OSS', 'Office of Strategic Services'],
    ]);
  });
});

describe('rule packs', () => {
  it('a user pack adds a gazetteer of a type declared in the config', async () => {
    const root = makeProject({
      'marginalia.config.yaml': 'types: [ship]\nrules: [rules/ships.yaml]\n',
      'rules/ships.yaml':
        'name: ships\nrules:\n  - id: navy\n    type: ship\n    priority: 60\n    gazetteer:\n      - { name: USS Maddox, id: wd:Q1146346 }\n',
      'corpus/t.txt': 'On August 2, 1964, the USS Maddox was attacked.\n',
    });
    expect((await cli(root, 'annotate')).code).toBe(0);
    const sidecar = readFileSync(join(root, 'annotations/t.txt.yaml'), 'utf8');
    expect(sidecar).toContain(
      '    type: ship\n    start: 23\n    end: 33\n    text: USS Maddox\n    cluster: wd:Q1146346\n    by: rule:ships/navy\n',
    );
    expect((await cli(root, 'validate')).code).toBe(0);
  });

  it('a broken pack is refused with its file, line and column', async () => {
    const root = makeProject({
      'marginalia.config.yaml': 'rules: [rules/bad.yaml]\n',
      'rules/bad.yaml': 'name: bad\nrules:\n  - id: x\n    type: place\n    regex: "(unclosed"\n',
      'corpus/t.txt': 'text\n',
    });
    const r = await cli(root, 'annotate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rules\/bad\.yaml:5:12 {2}rules\.0\.regex: Invalid regular expression/);
    const root2 = makeProject({
      'marginalia.config.yaml': 'rules: [rules/bad.yaml]\n',
      'rules/bad.yaml': 'name: bad\nrules:\n  - id: x\n    type: place\n    priority: high\n    regex: x\n',
      'corpus/t.txt': 'x\n',
    });
    const r2 = await cli(root2, 'annotate');
    expect(r2.stderr).toMatch(/rules\/bad\.yaml:5:15 {2}rules\.0\.priority: /);
  });
});

describe('OCR tolerance', () => {
  it('matches names broken by line-end hyphenation and long s read as f, with spans in the original text', async () => {
    const text = 'He sailed from Mich¬ igan to Maffachufetts and then to Vir- ginia.';
    const doc = new Document('t', text);
    const places = resolve(doc, await extract(doc, extractors)).filter((e) => e.type === 'place');
    expect(places.sort((a, b) => a.start - b.start).map((e) => e.text)).toEqual(['Mich¬ igan', 'Maffachufetts', 'Vir- ginia']);
  });
});

describe('cross-references', () => {
  it('finds references to other documents and notes of the edition', async () => {
    const text = 'See footnote 5, Document 207, and footnotes 5 and 8 above; also Foreign Relations, 1961-1963, vol. III, Document 281.';
    const doc = new Document('t', text);
    const xrefs = resolve(doc, await extract(doc, extractors))
      .filter((e) => e.type === 'xref')
      .sort((a, b) => a.start - b.start);
    expect(xrefs.map((e) => e.text)).toEqual([
      'footnote 5, Document 207',
      'footnotes 5',
      '8',
      'Foreign Relations, 1961-1963, vol. III, Document 281',
    ]);
  });
});
