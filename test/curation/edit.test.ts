import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Sidecar } from '../../src/core/schema.js';
import { editEntries } from '../../src/curation/edit.js';
import { loadConfig } from '../../src/io/config.js';
import { cli, copyOfBundledCorpus } from '../helpers.js';

const WILSON = 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt';
const WILSON_SIDECAR = 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml';

describe("editEntries: { op: 'link', id, ref }", () => {
  it('links a place to a record or to none, accepted; the pick survives annotate; refuses other types and unknown records', async () => {
    const root = copyOfBundledCorpus();
    const config = loadConfig(root);
    const sidecar = (): Sidecar => parse(readFileSync(join(root, WILSON_SIDECAR), 'utf8'));
    const places = sidecar().entries.filter((e) => e.type === 'place' && e.ref === 'geonames:2950159');
    const [berlin, hanoi] = [places[0]!, sidecar().entries.find((e) => e.ref === 'geonames:1581130')!];
    editEntries(config, WILSON_SIDECAR, [
      { op: 'link', id: berlin.id!, ref: 'geonames:4500771' },
      { op: 'link', id: hanoi.id!, ref: null },
    ]);
    const picked = () => sidecar().entries.filter((e) => e.id === berlin.id || e.id === hanoi.id);
    const before = picked();
    expect(before.map((e) => [e.text, e.ref, e.status])).toEqual([
      ['Berlin', 'geonames:4500771', 'accepted'],
      ['Hanoi', undefined, 'accepted'],
    ]);
    const r = await cli(root, 'annotate', '--force', WILSON);
    expect(r.code).toBe(0);
    expect(picked()).toEqual(before);

    const person = sidecar().entries.find((e) => e.type === 'person')!;
    expect(() => editEntries(config, WILSON_SIDECAR, [{ op: 'link', id: person.id!, ref: 'geonames:2950159' }])).toThrow(
      `entry ${person.id} is a person: only places are linked to a GeoNames record`,
    );
    expect(() => editEntries(config, WILSON_SIDECAR, [{ op: 'link', id: berlin.id!, ref: 'geonames:999999999' }])).toThrow(
      'geonames:999999999 is no record of the place table',
    );
    expect(() => editEntries(config, WILSON_SIDECAR, [{ op: 'link', id: berlin.id!, ref: 'wd:Q64' } as never])).toThrow(/is not an edit/);
  });
});
