import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Entry, Sidecar } from '../../src/core/schema.js';
import { REPO, cli, makeProject, sharedData } from '../helpers.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const LETTER = 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt';
const readSidecar = (root: string): Sidecar =>
  parse(readFileSync(join(root, 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml'), 'utf8'));
const essence = (entries: Entry[]) =>
  entries
    .filter((e) => e.status !== 'rejected')
    .map((e) => [e.type, e.start, e.end, e.text, e.value ?? e.n ?? (e.amount !== undefined ? `${e.amount} ${e.currency}` : null)])
    .sort(
      (a, b) => (a[1] as number) - (b[1] as number) || String(a[0]).localeCompare(String(b[0])) || String(a[4]).localeCompare(String(b[4])),
    );

function projects() {
  const from = makeProject();
  cpSync(join(REPO, 'corpus'), join(from, 'corpus'), { recursive: true });
  cpSync(join(REPO, 'annotations'), join(from, 'annotations'), { recursive: true });
  const to = makeProject();
  cpSync(join(REPO, 'corpus'), join(to, 'corpus'), { recursive: true });
  return { from, to };
}

describe('export and import', () => {
  it('brat: export then import gives back the same entries', async () => {
    const { from, to } = projects();
    expect((await cli(from, 'export', LETTER, '--format', 'brat', '--out', 'out')).code).toBe(0);
    cpSync(join(from, 'out'), join(to, 'out'), { recursive: true });
    const r = await cli(to, 'import', 'out/corpus/wilson-1986-01-06-schmidt-to-mielke.ann', '--from', 'brat', '--text', LETTER);
    expect(r.code).toBe(0);
    const before = readSidecar(from).entries;
    const after = readSidecar(to).entries;
    expect(essence(after).map((e) => e.slice(0, 4))).toEqual(essence(before).map((e) => e.slice(0, 4)));
    expect(after.every((e) => e.by === 'human')).toBe(true);
    // Amounts travel as AnnotatorNotes text ("700000 DEM"); every other value comes back as it was.
    expect(essence(after).filter((e) => e[0] !== 'money')).toEqual(essence(before).filter((e) => e[0] !== 'money'));
  });

  it('W3C Web Annotation: export then import gives back the same entries, and positions are code points', async () => {
    const { from, to } = projects();
    await cli(from, 'export', LETTER, '--format', 'webanno', '--out', 'out');
    const annotations = JSON.parse(readFileSync(join(from, 'out/corpus/wilson-1986-01-06-schmidt-to-mielke.jsonld'), 'utf8'));
    expect(annotations[0]).toMatchObject({
      type: 'Annotation',
      body: [
        { purpose: 'tagging', value: 'date' },
        { purpose: 'describing', value: '1986-01-06' },
      ],
    });
    cpSync(join(from, 'out'), join(to, 'out'), { recursive: true });
    expect(
      (await cli(to, 'import', 'out/corpus/wilson-1986-01-06-schmidt-to-mielke.jsonld', '--from', 'webanno', '--text', LETTER)).code,
    ).toBe(0);
    expect(essence(readSidecar(to).entries).filter((e) => e[0] !== 'money')).toEqual(
      essence(readSidecar(from).entries).filter((e) => e[0] !== 'money'),
    );
  });

  it('import re-anchors a drifted span by its quote, and refuses one that matches nowhere', async () => {
    const { to } = projects();
    writeFileSync(join(to, 'a.ann'), 'T1\tperson 112 124\tErich Mielke\n');
    expect((await cli(to, 'import', 'a.ann', '--from', 'brat', '--text', LETTER)).code).toBe(0);
    expect(readSidecar(to).entries.find((e) => e.by === 'human')).toMatchObject({ start: 111, end: 123, text: 'Erich Mielke' });
    writeFileSync(join(to, 'b.ann'), 'T1\tperson 10 20\tNobody Here\n');
    const r = await cli(to, 'import', 'b.ann', '--from', 'brat', '--text', LETTER);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'b.ann  error  person "Nobody Here" at 10-20 does not match corpus/wilson-1986-01-06-schmidt-to-mielke.txt, nor anywhere else in it  import-mismatch',
    );
  });

  it('jsonl and CSL-JSON', async () => {
    const { from } = projects();
    const jsonl = (await cli(from, 'export', LETTER, '--format', 'jsonl')).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const text = readFileSync(join(from, LETTER), 'utf8');
    expect(jsonl).toHaveLength(1);
    const entries = readSidecar(from).entries;
    for (const [s, e, label] of jsonl[0].ents)
      expect(entries.find((x) => x.start === s && x.end === e && x.type === label)?.text).toBe([...text].slice(s, e).join(''));
    expect(jsonl[0].ents).toContainEqual([111, 123, 'person']);
    const csl = JSON.parse(
      (await cli(from, 'export', 'corpus/ptoj-2023-public-security-diplomacy-1945-1975.txt', '--format', 'csl')).stdout,
    );
    expect(csl.find((c: { note: string }) => c.note.endsWith('note 1'))).toMatchObject({
      type: 'book',
      title: 'Complete Works',
      author: [{ literal: 'Ho Chi Minh' }],
      issued: { 'date-parts': [[2011]] },
      page: '256',
    });
  });
});

describe('TEI and CoNLL', () => {
  it('the TEI of every bundled document parses as XML and its text content is the source text', async () => {
    const { DOMParser } = await import('@xmldom/xmldom');
    const { from } = projects();
    expect((await cli(from, 'export', '--format', 'tei', '--out', 'tei')).code).toBe(0);
    const texts = (readdirSync(join(from, 'corpus'), { recursive: true }) as string[]).filter((n) => n.endsWith('.txt'));
    expect(texts).toHaveLength(14);
    for (const name of texts) {
      const xml = readFileSync(join(from, 'tei/corpus', name.replace(/\.txt$/, '.xml')), 'utf8');
      const errors: string[] = [];
      const dom = new DOMParser({ onError: (level: string, message: string) => errors.push(`${level}: ${message}`) }).parseFromString(
        xml,
        'text/xml',
      );
      expect(errors, name).toEqual([]);
      const body = dom.getElementsByTagName('ab')[0]!;
      expect(body.textContent, name).toBe(readFileSync(join(from, 'corpus', name), 'utf8'));
    }
    const letter = new DOMParser().parseFromString(
      readFileSync(join(from, 'tei/corpus/wilson-1986-01-06-schmidt-to-mielke.xml'), 'utf8'),
      'text/xml',
    );
    const names = Array.from(letter.getElementsByTagName('persName')).map((e) => e.textContent);
    expect(names).toContain('Erich Mielke');
    const dates = Array.from(letter.getElementsByTagName('date')).map((e) => [
      e.textContent,
      e.getAttribute('when') || `${e.getAttribute('from')}/${e.getAttribute('to')}`,
    ]);
    expect(dates).toContainEqual(['26.11. - 4.12.1985', '1985-11-26/1985-12-04']);
    expect(letter.getElementsByTagName('note')[0]!.getAttribute('n')).toBe('1');
  });

  it('CoNLL marks entity tokens B- and I-', async () => {
    const { from } = projects();
    const conll = (await cli(from, 'export', 'corpus/frus/frus1964-68v14-d20.txt', '--format', 'conll')).stdout;
    expect(conll).toContain('National\tB-org\nSecurity\tI-org\nCouncil\tI-org\nMeeting\tO\n');
  });
});

describe('marginalia index', () => {
  it('lists people and organizations across the corpus with mentions, aliases, documents and dates', async () => {
    const r = await cli(REPO, 'index', '--types', 'person,org', '--format', 'json');
    expect(r.code).toBe(0);
    const entities = JSON.parse(r.stdout);
    const find = (name: string) => entities.find((e: { name: string }) => e.name === name);
    expect(find('Erich Mielke')).toMatchObject({
      type: 'person',
      cluster: 'person:mielke',
      aliases: ['Erich Mielke', 'Comrade Minister Mielke'],
      documents: ['corpus/wilson-1986-01-06-schmidt-to-mielke.txt'],
      first: '1986-01-06',
      last: '1986-01-06',
    });
    expect(find('Pham Hung')).toMatchObject({ type: 'person', mentions: 3, documents: ['corpus/wilson-1986-01-06-schmidt-to-mielke.txt'] });
    expect(find('Ministry of State Security of the German Democratic Republic')).toMatchObject({
      type: 'org',
      documents: ['corpus/wilson-1986-01-06-schmidt-to-mielke.txt'],
    });
    const csv = (await cli(REPO, 'index', '--types', 'person', '--format', 'csv')).stdout.split('\n');
    expect(csv[0]).toBe('type,name,cluster,mentions,aliases,documents,first,last,lat,lon');
    expect(csv).toContain(
      'person,Erich Mielke,person:mielke,3,Erich Mielke | Comrade Minister Mielke,corpus/wilson-1986-01-06-schmidt-to-mielke.txt,1986-01-06,1986-01-06,,',
    );
  });
});

describe('places: index and GeoJSON', () => {
  it('index lists a linked place with its record and coordinates', async () => {
    const places = JSON.parse((await cli(REPO, 'index', '--types', 'place', '--format', 'json')).stdout);
    expect(places.find((e: { cluster: string }) => e.cluster === 'geonames:1581130')).toMatchObject({
      name: 'Hanoi',
      place: { name: 'Hanoi', country: 'VN', admin: '44', lat: 21.0245, lon: 105.84117 },
    });
    const text = (await cli(REPO, 'index', '--types', 'place')).stdout;
    expect(text).toContain('geonames:1581130 Hanoi, VN 44 (21.0245, 105.84117)');
  });

  it('export --format geojson: one Point per linked record, longitude first, forms, mentions and documents', async () => {
    const r = await cli(REPO, 'export', '--format', 'geojson');
    expect(r.code).toBe(0);
    const collection = JSON.parse(r.stdout);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBeGreaterThanOrEqual(10);
    const hanoi = collection.features.find((f: { id: string }) => f.id === 'geonames:1581130');
    expect(hanoi.geometry).toEqual({ type: 'Point', coordinates: [105.84117, 21.0245] });
    expect(hanoi.properties).toEqual({
      ref: 'geonames:1581130',
      name: 'Hanoi',
      country: 'VN',
      forms: ['Hanoi', 'Ha Noi'],
      mentions: 11,
      documentCount: 3,
      documents: [
        'corpus/frus/frus1969-76v12-d40.txt',
        'corpus/ptoj-2023-public-security-diplomacy-1945-1975.txt',
        'corpus/wilson-1986-01-06-schmidt-to-mielke.txt',
      ],
    });
  });

  it('a ref the place table does not know is reported and left out; a place without a record is not mapped', async () => {
    const root = makeProject({ 'corpus/a.txt': 'Hanoi and Atlantis.\n' });
    const sidecar = (entries: string) =>
      `schemaVersion: 2\nsource:\n  path: corpus/a.txt\n  sha256: ${sha256('Hanoi and Atlantis.\n')}\n  length: 20\nentries:\n${entries}`;
    const place = (start: number, end: number, text: string, ref?: string) =>
      `  - id: p${start}\n    type: place\n    start: ${start}\n    end: ${end}\n    text: ${text}\n${ref ? `    ref: ${ref}\n` : ''}    by: human\n`;
    mkdirSync(join(root, 'annotations'));
    writeFileSync(join(root, 'annotations/a.txt.yaml'), sidecar(place(0, 5, 'Hanoi', 'geonames:999999999') + place(10, 18, 'Atlantis')));
    const r = await cli(root, 'export', '--format', 'geojson');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ type: 'FeatureCollection', features: [] });
    expect(r.stderr).toContain('place "Hanoi" (p0): geonames:999999999 is no record of the place table; left out');
    const index = await cli(root, 'index', '--types', 'place', '--format', 'json');
    expect(index.code).toBe(0);
    expect(JSON.parse(index.stdout).map((e: { cluster: string; place?: unknown }) => [e.cluster, e.place])).toEqual([
      ['place:atlantis', undefined],
      ['geonames:999999999', undefined],
    ]);
  });
});

describe('interoperability with other tools', () => {
  it('CSL-JSON loads in citation-js and renders as a bibliography', async () => {
    const { Cite } = await import('@citation-js/core');
    await import('@citation-js/plugin-csl');
    const r = await cli(REPO, 'export', 'corpus/ptoj-2023-public-security-diplomacy-1945-1975.txt', '--format', 'csl');
    const cite = new Cite(JSON.parse(r.stdout));
    expect(cite.data.length).toBe(9);
    const bibliography = cite.format('bibliography', { format: 'text', template: 'apa' });
    expect(bibliography).toContain('Ho Chi Minh. (2011). Complete Works');
  });

  const hipeDev = sharedData('eval/hipe-dev');
  it.skipIf(!hipeDev)(
    'brat exported from sidecars of hipe-dev texts scores exactly as the sidecars do',
    async () => {
      const gold = hipeDev!;
      const root = makeProject({ 'marginalia.config.yaml': 'ner: none\n' });
      cpSync(gold, join(root, 'corpus'), { recursive: true, filter: (p) => !p.endsWith('.ann') });
      await cli(root, 'annotate');
      await cli(root, 'export', '--format', 'brat', '--out', 'brat');
      const fromSidecars = JSON.parse(
        (await cli(root, 'eval', '--gold', gold, '--pred', 'annotations', '--types', 'person,place,org,date', '--format', 'json')).stdout,
      );
      const fromBrat = JSON.parse(
        (await cli(root, 'eval', '--gold', gold, '--pred', 'brat/corpus', '--types', 'person,place,org,date', '--format', 'json')).stdout,
      );
      expect(fromSidecars.micro.predicted).toBeGreaterThan(100);
      expect({ types: fromBrat.types, micro: fromBrat.micro }).toEqual({ types: fromSidecars.types, micro: fromSidecars.micro });
    },
    60_000,
  );
});
