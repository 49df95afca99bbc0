import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, makeProject } from './helpers.js';

const TELEGRAM = (i: number) =>
  `Telegram ${i}.\n\nThe Turks said that Pravda had attacked Rusk. The crew of the Pueblo was held. Nodis reported that Exdis met Gromyko.\n`;
const persons = (root: string, name: string) =>
  parse(readFileSync(join(root, `annotations/${name}.yaml`), 'utf8'))
    .entries.filter((e: { type: string; status: string }) => e.type === 'person' && e.status !== 'rejected')
    .map((e: { text: string }) => e.text);

describe('train: the archive teaches the tagger', () => {
  it('a string rejected as a person in three reviewed documents is no person in a fourth, deterministically', async () => {
    const root = makeProject(Object.fromEntries([1, 2, 3, 4].map((i) => [`corpus/d${i}.txt`, TELEGRAM(i)])));
    await cli(root, 'annotate');
    expect(persons(root, 'd4.txt')).toContain('Nodis');
    const reviewed = [1, 2, 3].map((i) => `annotations/d${i}.txt.yaml`);
    for (const path of reviewed) await cli(root, 'reject', path, '--type', 'person', '--text', 'Nodis');
    await cli(root, 'review', ...reviewed);
    const twin = makeProject();
    cpSync(root, twin, { recursive: true });
    const trained = await cli(root, 'train', '--format', 'json');
    expect(trained.code, trained.stderr).toBe(0);
    const result = JSON.parse(trained.stdout);
    expect(result).toMatchObject({ reviewed: 3, curated: 0, folds: 3, rejected: ['person:Nodis'], written: 'models/tagger.bin' });
    expect(result.micro.after.f1).toBeGreaterThanOrEqual(result.micro.before.f1);
    expect(trained.stderr).toContain('fold 1/3');
    expect(readFileSync(join(root, 'marginalia.config.yaml'), 'utf8')).toContain('model: models/tagger.bin');
    const model = readFileSync(join(root, 'models/tagger.bin'));
    await cli(root, 'annotate');
    expect(persons(root, 'd4.txt')).not.toContain('Nodis');
    expect(persons(root, 'd4.txt')).toEqual(expect.arrayContaining(['Rusk', 'Gromyko']));
    // The reviewers' decisions survive the re-annotation the new model causes.
    expect(parse(readFileSync(join(root, reviewed[0]!), 'utf8')).reviewed).toBeDefined();
    // The same sidecars, the same model.
    expect((await cli(twin, 'train')).code).toBe(0);
    expect(readFileSync(join(twin, 'models/tagger.bin')).equals(model)).toBe(true);
  });

  it('needs reviewed documents, and says so', async () => {
    const root = makeProject({ 'corpus/a.txt': TELEGRAM(1) });
    await cli(root, 'annotate');
    const r = await cli(root, 'train');
    expect([r.code, r.stderr]).toEqual([
      2,
      'marginalia: train needs at least 2 reviewed documents (there are 0): see `marginalia review`\n',
    ]);
  });
});
