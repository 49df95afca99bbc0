import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import type { Sidecar } from '../../src/core/schema.js';
import type { Extractor } from '../../src/extract/index.js';
import { annotateDocument } from '../../src/pipeline/annotate-text.js';
import { linkPlaceEntries, yearOf } from '../../src/pipeline/steps/places.js';
import { loadPlaces } from '../../src/extract/places.js';
import { REPO } from '../helpers.js';

const sidecarOf = (path: string): Sidecar => parse(readFileSync(join(REPO, 'annotations', path), 'utf8'));

describe('the bundled corpus (its committed sidecars)', () => {
  it.each([
    ['frus/frus1969-76v12-d40.txt.yaml', 'Hanoi', 'geonames:1581130'],
    ['frus/frus1961-63v05-d12.txt.yaml', 'Moscow', 'geonames:524901'],
    ['wilson-1986-01-06-schmidt-to-mielke.txt.yaml', 'Berlin', 'geonames:2950159'],
    ['wilson-1986-01-06-schmidt-to-mielke.txt.yaml', 'Ho Chi Minh City', 'geonames:1566083'],
    ['frus/frus1964-68v14-d20.txt.yaml', 'Washington', 'geonames:4140963'],
  ])('%s: %s is %s', (path, text, ref) => {
    const places = sidecarOf(path).entries.filter((e) => e.type === 'place' && e.text === text);
    expect(places.length).toBeGreaterThan(0);
    expect(new Set(places.map((e) => e.ref))).toEqual(new Set([ref]));
  });

  it('the FRUS dateline `Washington, April 2, 1964` is the capital', () => {
    const dateline = sidecarOf('frus/frus1964-68v14-d20.txt.yaml').entries.find((e) => e.type === 'place' && e.text === 'Washington');
    expect(dateline).toMatchObject({ start: expect.any(Number), ref: 'geonames:4140963' });
  });
});

/** An extractor that finds the given place names, as the tagger would. */
const placesOf = (...names: string[]): Extractor => ({
  id: 'test:places',
  description: 'places',
  types: ['place'],
  extract: (doc) =>
    names.map((name) => {
      const start = doc.text.indexOf(name);
      return { type: 'place', start, end: start + name.length, by: 'test:places', priority: 50 };
    }),
});

describe('linkPlaceEntries(doc, entries, table, issued?)', () => {
  const text = 'Saigon, June 3, 1965. The Embassy reported from Dorchester and Atlantis.\n';
  const doc = new Document('corpus/t.txt', text);

  it('links what fits one record, leaves the rest and a person`s entries alone', async () => {
    const { sidecar } = await annotateDocument(doc, undefined, {
      generator: 'g',
      extractors: [placesOf('Saigon', 'Dorchester', 'Atlantis')],
    });
    expect(sidecar.entries.map((e) => [e.text, e.ref])).toEqual([
      ['Saigon', 'geonames:1566083'],
      ['Dorchester', undefined],
      ['Atlantis', undefined],
    ]);
    const human = { type: 'place', start: 0, end: 6, text: 'Saigon', by: 'human' };
    expect(linkPlaceEntries(doc, [human], loadPlaces(), '1965')).toEqual([human]);
  });

  it('yearOf: the year of an EDTF date, or none', () => {
    expect([yearOf('1965-06-03'), yearOf('1860'), yearOf(undefined), yearOf('XXXX-12-28')]).toEqual([1965, 1860, undefined, undefined]);
  });

  it('a ref a person set (even one the table does not know) or removed is human work and survives annotate', async () => {
    const extractors = [placesOf('Saigon', 'Dorchester')];
    const first = await annotateDocument(doc, undefined, { generator: 'g', extractors });
    const [saigon, dorchester] = first.sidecar.entries;
    const { ref: _ref, ...withoutRef } = saigon!;
    const edited: Sidecar = { ...first.sidecar, entries: [withoutRef, { ...dorchester!, ref: 'geonames:999999999' }] };
    for (const previous of [edited, (await annotateDocument(doc, edited, { generator: 'g', extractors })).sidecar]) {
      const { sidecar } = await annotateDocument(doc, previous, { generator: 'g', extractors });
      expect(sidecar.entries.map((e) => [e.text, e.ref, e.by, e.status])).toEqual([
        ['Saigon', undefined, 'human', undefined],
        ['Dorchester', 'geonames:999999999', 'human', undefined],
      ]);
    }
  });

  it('after a new version (another generator) a ref no record of that name has is still a person`s; one the machine may give is its own', async () => {
    const extractors = [placesOf('Saigon', 'Dorchester')];
    const first = await annotateDocument(doc, undefined, { generator: 'g', extractors });
    const [saigon, dorchester] = first.sidecar.entries;
    const edited: Sidecar = {
      ...first.sidecar,
      entries: [
        { ...saigon!, ref: 'geonames:5941761' },
        { ...dorchester!, ref: 'geonames:999999999' },
      ],
    };
    const { sidecar } = await annotateDocument(doc, edited, { generator: 'g2', extractors });
    expect(sidecar.entries.map((e) => [e.text, e.ref, e.by])).toEqual([
      ['Saigon', 'geonames:5941761', 'human'],
      ['Dorchester', 'geonames:999999999', 'human'],
    ]);
    const machineGives: Sidecar = { ...first.sidecar, entries: [saigon!, { ...dorchester!, ref: 'geonames:5941761' }] };
    const again = await annotateDocument(doc, machineGives, { generator: 'g2', extractors });
    expect(again.sidecar.entries.map((e) => [e.text, e.ref, e.by])).toEqual([
      ['Saigon', 'geonames:1566083', 'test:places'],
      ['Dorchester', undefined, 'test:places'],
    ]);
  });
});
