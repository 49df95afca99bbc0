import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, makeProject } from '../helpers.js';

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
    // Scored against the reviewed documents' own persons: every live one is gold.
    const gold = reviewed.flatMap((path) =>
      parse(readFileSync(join(root, path), 'utf8')).entries.filter(
        (e: { type: string; status: string }) => e.type === 'person' && e.status !== 'rejected' && e.status !== 'orphaned',
      ),
    );
    expect(result.scores.find((x: { type: string }) => x.type === 'person').gold).toBe(gold.length);
    expect(trained.stderr).toContain('fold 1/3');
    expect(readFileSync(join(root, 'marginalia.config.yaml'), 'utf8')).toContain('model: models/tagger.bin');
    const model = readFileSync(join(root, 'models/tagger.bin'));
    await cli(root, 'annotate');
    expect(persons(root, 'd4.txt')).not.toContain('Nodis');
    // Not a person is not a place either: what the reviewers ruled out becomes no name at all.
    const d4 = parse(readFileSync(join(root, 'annotations/d4.txt.yaml'), 'utf8')).entries;
    expect(d4.filter((e: { text: string; status: string }) => e.text === 'Nodis' && e.status !== 'rejected')).toEqual([]);
    expect(persons(root, 'd4.txt')).toEqual(expect.arrayContaining(['Rusk', 'Gromyko']));
    // The reviewers' decisions survive the re-annotation the new model causes.
    expect(parse(readFileSync(join(root, reviewed[0]!), 'utf8')).reviewed).toBeDefined();
    // The same sidecars, the same model.
    expect((await cli(twin, 'train')).code).toBe(0);
    expect(readFileSync(join(twin, 'models/tagger.bin')).equals(model)).toBe(true);
  });

  it('gold complete for persons only teaches no place to be never tagged again; the config keeps its bytes', async () => {
    const config = '# our project\ntypes: [ ship ]   # vessels too\n';
    const root = makeProject({
      ...Object.fromEntries([1, 2, 3].map((i) => [`corpus/frus/d${i}.txt`, TELEGRAM(i) + 'The Ambassador flew from Paris to Tokyo.\n'])),
      'corpus/news/n1.txt': 'The train from Paris reached Tokyo on Monday, with Rusk aboard.\n',
      'marginalia.config.yaml': config,
    });
    await cli(root, 'annotate');
    const places = (name: string) =>
      parse(readFileSync(join(root, `annotations/${name}.yaml`), 'utf8'))
        .entries.filter((e: { type: string; status: string }) => e.type === 'place' && e.status !== 'rejected')
        .map((e: { text: string }) => e.text);
    const newsPlaces = places('news/n1.txt');
    expect(newsPlaces).toEqual(expect.arrayContaining(['Paris', 'Tokyo']));
    for (const i of [1, 2, 3]) {
      const text = TELEGRAM(i) + 'The Ambassador flew from Paris to Tokyo.\n';
      const at = text.indexOf('Rusk');
      writeFileSync(join(root, 'gold.ann'), `T1\tperson ${at} ${at + 4}\tRusk\n`);
      const r = await cli(root, 'import', 'gold.ann', '--from', 'brat', '--text', `corpus/frus/d${i}.txt`, '--complete', 'person');
      expect(r.stdout).not.toContain('place');
      expect(places(`frus/d${i}.txt`)).toEqual(expect.arrayContaining(['Paris', 'Tokyo']));
    }
    const dry = await cli(root, 'train', '--dry-run', '--format', 'json');
    expect(JSON.parse(dry.stdout)).toMatchObject({ reviewed: 3, dryRun: true });
    // What the new model would change where nobody looked: the newspaper, per type, persons alone vouched for.
    const drift = JSON.parse(dry.stdout).drift as { type: string; before: number; after: number; changed: number; vouched: boolean }[];
    expect(drift.map((d) => [d.type, d.vouched])).toEqual([
      ['person', true],
      ['place', false],
      ['org', false],
    ]);
    expect(drift.find((d) => d.type === 'place')!.before).toBe(2);
    expect(JSON.parse(dry.stdout).rejected.filter((r: string) => r.startsWith('place:'))).toEqual([]);
    expect(existsSync(join(root, 'models'))).toBe(false);
    expect((await cli(root, 'train', '--force')).code).toBe(0);
    expect(readFileSync(join(root, 'marginalia.config.yaml'), 'utf8')).toBe(`${config}model: models/tagger.bin\n`);
    await cli(root, 'annotate');
    expect(places('news/n1.txt')).toEqual(newsPlaces);
  });

  it('learns the conventions of an archive from its reviews, and every later annotate follows them', async () => {
    const names = ['Wilson Stallings', 'Rizup Rawles', 'Benjamin Ballard', 'James Coster', 'John Voisht', 'Reuben Lassiter'];
    const letter = (name: string, i: number) =>
      `Norfolk, May ${i + 1}.\n\nSir, yesterday ${name}, Esq. wrote to the committee that the road is open.\n`;
    const root = makeProject(Object.fromEntries(names.map((name, i) => [`corpus/l${i}.txt`, letter(name, i)])));
    await cli(root, 'annotate');
    for (const [i, name] of names.slice(0, 5).entries()) {
      const text = letter(name, i);
      const at = text.indexOf(name);
      writeFileSync(join(root, 'gold.ann'), `T1\tperson ${at} ${at + name.length + 6}\t${name}, Esq.\n`);
      const r = await cli(root, 'import', 'gold.ann', '--from', 'brat', '--text', `corpus/l${i}.txt`, '--complete', 'person,date');
      expect(r.code, r.stderr).toBe(0);
    }
    expect(persons(root, 'l5.txt')).toEqual(['Reuben Lassiter']);
    const trained = await cli(root, 'train', '--format', 'json');
    expect(trained.code, trained.stderr).toBe(0);
    const result = JSON.parse(trained.stdout);
    expect(result).toMatchObject({ reviewed: 5, curated: 0, decisions: 0, folds: 5, written: 'models/tagger.bin' });
    expect(result.scores.map((s: { type: string; gold: number }) => [s.type, s.gold])).toEqual([
      ['person', 5],
      ['date', 0],
    ]);
    expect(result.fuzzy.after.f1).toBeGreaterThanOrEqual(result.fuzzy.before.f1);
    expect(result.micro.after.f1).toBe(1);
    expect(result.documents).toEqual({ better: 5, worse: 0 });
    await cli(root, 'annotate');
    expect(persons(root, 'l5.txt')).toEqual(['Reuben Lassiter, Esq.']);
    // Training again on the same sidecars adapts the shipped model again, not the adapted one: the same bytes.
    const model = readFileSync(join(root, 'models/tagger.bin'));
    expect((await cli(root, 'train')).code).toBe(0);
    expect(readFileSync(join(root, 'models/tagger.bin')).equals(model)).toBe(true);
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
