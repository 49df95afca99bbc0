import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CURATION_RUNS, PROPERTY_RUNS, humanWorkSurvivesEdits, machineCurationSurvives } from '../properties.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Entry, Sidecar } from '../../src/core/schema.js';
import { REPO, cli, copyOfBundledCorpus, sliceCodePoints } from '../helpers.js';

const LETTER = 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt';
const LETTER_SIDECAR = 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml';
const readSidecar = (root: string, path = LETTER_SIDECAR): Sidecar => parse(readFileSync(join(root, path), 'utf8'));
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
  });

describe('re-anchoring human entries (property)', () => {
  it(`never loses a human entry: each is at a span holding its text, or orphaned (${PROPERTY_RUNS} runs)`, async () => {
    await fc.assert(humanWorkSurvivesEdits(), { numRuns: PROPERTY_RUNS });
  }, 120_000);

  it(`keeps every hand edit of machine entries whose text recurs: retypes, moved boundaries, deletions, other words (${CURATION_RUNS} runs)`, async () => {
    await fc.assert(machineCurationSurvives(), { numRuns: CURATION_RUNS });
  }, 120_000);
});

describe('editing a corpus text keeps hand-made entries, and diff shows only real changes', () => {
  it('adding a paragraph at the top and fixing a typo inside a name', async () => {
    const root = copyOfBundledCorpus();
    const text = readFileSync(join(root, LETTER), 'utf8');
    // A person adds an entry on a misspelt name and confirms a machine entry.
    writeFileSync(join(root, LETTER), text.replace('Comrade Pham Hung expressed', 'Comrade Pham Hnug expressed'));
    await cli(root, 'annotate');
    const typoAt = [...readFileSync(join(root, LETTER), 'utf8')].join('').indexOf('Pham Hnug');
    const sidecar = readSidecar(root);
    const start = [...readFileSync(join(root, LETTER), 'utf8').slice(0, typoAt)].length;
    sidecar.entries.push({ type: 'person', start, end: start + 9, text: 'Pham Hnug', by: 'human', comment: 'the minister' });
    writeFileSync(join(root, LETTER_SIDECAR), JSON.stringify(sidecar));
    expect((await cli(root, 'accept', LETTER_SIDECAR, '--type', 'money')).stdout).toBe('3 entries accepted in 1 sidecar\n');
    await cli(root, 'annotate');
    const before = join(root, 'before.yaml');
    cpSync(join(root, LETTER_SIDECAR), before);

    // An editor fixes the typo and adds a paragraph at the top.
    writeFileSync(join(root, LETTER), `An editorial preface of one line.\n\n${text}`);
    expect((await cli(root, 'annotate')).code).toBe(0);
    const after = readSidecar(root);
    const minister = after.entries.find((e) => e.comment === 'the minister')!;
    expect(minister).toMatchObject({ text: 'Pham Hung', by: 'human' });
    expect(sliceCodePoints(readFileSync(join(root, LETTER), 'utf8'), minister.start, minister.end)).toBe('Pham Hung');
    expect(after.entries.filter((e) => e.type === 'money').map((e) => e.status)).toEqual(['accepted', 'accepted', 'accepted']);

    const r = await cli(root, 'diff', 'before.yaml', LETTER_SIDECAR, '--format', 'json');
    const [doc] = JSON.parse(r.stdout).documents;
    // Offsets moved by the preface are no change; the typo fix is.
    expect(doc.changed.map((c: { before: Entry; after: Entry; changes: string[] }) => [c.before.text, c.after.text, c.changes])).toEqual([
      ['Pham Hnug', 'Pham Hung', ['re-spanned']],
    ]);
    expect(doc.removed).toEqual([]);
    expect(doc.added).toEqual([]);
  });
});

describe('diff across folders and git revisions', () => {
  it('--rev compares the working tree with a revision, read through git', async () => {
    const root = copyOfBundledCorpus();
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'corpus');
    const sidecar = readSidecar(root);
    const target = sidecar.entries.find((e) => e.type === 'money')!;
    target.end -= 1;
    target.text = target.text.slice(0, -1);
    writeFileSync(join(root, LETTER_SIDECAR), JSON.stringify(sidecar));
    const r = await cli(root, 'diff', '--rev', 'HEAD');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `--- HEAD:annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml\n+++ annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml\n` +
        `~ money ${target.start}-${target.end + 1} "${target.text}s" → money ${target.start}-${target.end} "${target.text}"  (re-spanned)\nmoney: +0 -0 ~1\n`,
    );
    git(root, 'checkout', '-q', '--', '.');
    expect((await cli(root, 'diff', '--rev', 'HEAD')).code).toBe(0);
  });

  it('works as a git diff driver, as the README sets it up', async () => {
    const root = copyOfBundledCorpus();
    git(root, 'init', '-q');
    writeFileSync(join(root, '.gitattributes'), 'annotations/**/*.yaml diff=marginalia\n');
    git(root, 'config', 'diff.marginalia.command', `node ${join(REPO, 'bin/marginalia.js')} diff`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'corpus');
    const sidecar = readSidecar(root);
    sidecar.entries = sidecar.entries.filter((e) => e.text !== 'Berlin');
    writeFileSync(join(root, LETTER_SIDECAR), JSON.stringify(sidecar));
    const out = git(root, 'diff', '--', LETTER_SIDECAR);
    expect(out).toContain(`--- a/${LETTER_SIDECAR}\n+++ b/${LETTER_SIDECAR}\n- place `);
    expect(out).toContain('"Berlin"');
    expect(out).toContain('place: +0 -1 ~0');
  });

  it('agreement of a folder with itself is 1.0; dropping one entry lowers recall by exactly 1/N', async () => {
    const root = copyOfBundledCorpus();
    cpSync(join(root, 'annotations'), join(root, 'b'), { recursive: true });
    const same = JSON.parse((await cli(root, 'diff', 'annotations', 'b', '--agreement', '--format', 'json')).stdout);
    for (const row of same) expect([row.type, row.strictScore.f1, row.partialScore.f1]).toEqual([row.type, 1, 1]);
    const sidecar = readSidecar(root, LETTER_SIDECAR.replace('annotations', 'b'));
    const dropped = sidecar.entries.findIndex((e) => e.type === 'place');
    sidecar.entries.splice(dropped, 1);
    writeFileSync(join(root, LETTER_SIDECAR.replace('annotations', 'b')), JSON.stringify(sidecar));
    const rows = JSON.parse((await cli(root, 'diff', 'annotations', 'b', '--agreement', '--format', 'json')).stdout);
    const place = rows.find((r: { type: string }) => r.type === 'place');
    expect(place.strictScore.recall).toBeCloseTo(1 - 1 / place.a, 12);
    expect(place.strictScore.precision).toBe(1);
    expect(
      rows.filter((r: { type: string }) => r.type !== 'place').every((r: { strictScore: { f1: number } }) => r.strictScore.f1 === 1),
    ).toBe(true);
  });
});

describe('accept, reject and --review', () => {
  it('a rejected entry stays rejected and --review lists only what the machine newly added', async () => {
    const root = copyOfBundledCorpus();
    const r = await cli(root, 'reject', '--type', 'person', '--text', 'Schmidt');
    expect(r.stdout).toBe('3 entries rejected in 1 sidecar\n');
    await cli(root, 'annotate', '--force');
    expect(
      readSidecar(root)
        .entries.filter((e) => e.text === 'Schmidt')
        .map((e) => e.status),
    ).toEqual(['rejected', 'rejected', 'rejected']);
    writeFileSync(join(root, LETTER), `${readFileSync(join(root, LETTER), 'utf8')}\n\nSigned in Leipzig on 3 March 1986.\n`);
    const review = await cli(root, 'annotate', '--review');
    expect(review.stdout).toMatch(
      /annotations\/wilson-1986-01-06-schmidt-to-mielke\.txt\.yaml\n {2}\+ place-[0-9a-f]{8} {2}place \d+-\d+ "Leipzig" {2}rule:places\/cities\n {2}\+ date-[0-9a-f]{8} {2}date \d+-\d+ "3 March 1986" = 1986-03-03 {2}rule:dates\/day-month-year\n/,
    );
    expect((await cli(root, 'accept')).code).toBe(2);
  });

  it('a --text or --type that matches no entry is said, and exits 1; entries decided already are said so, exit 0', async () => {
    const root = copyOfBundledCorpus();
    const none = await cli(root, 'accept', '--text', 'no-such-string');
    expect([none.code, none.stdout]).toEqual([
      1,
      'annotations  warning  no entry has the text "no-such-string": nothing accepted  selection-empty\nsidecars: 0 errors, 1 warning\n0 entries accepted in 0 sidecars\n',
    ]);
    const ships = await cli(root, 'reject', '--type', 'ship', LETTER_SIDECAR);
    expect([ships.code, ships.stdout.split('\n')[0]]).toEqual([
      1,
      `${LETTER_SIDECAR}  warning  no ship entry: nothing rejected  selection-empty`,
    ]);
    expect((await cli(root, 'reject', '--type', 'person', '--text', 'Schmidt')).stdout).toBe('3 entries rejected in 1 sidecar\n');
    const again = await cli(root, 'reject', '--type', 'person', '--text', 'Schmidt');
    expect([again.code, again.stdout]).toEqual([0, '0 entries rejected in 0 sidecars (the 3 entries selected were rejected already)\n']);
  });
});

describe('index --types', () => {
  it('refuses a type the project does not declare, exit 2, and says an empty index of declared types, exit 1', async () => {
    const root = copyOfBundledCorpus();
    const undeclared = await cli(root, 'index', '--types', 'ship');
    expect([undeclared.code, undeclared.stdout, undeclared.stderr]).toEqual([
      2,
      '',
      'marginalia: --types: "ship" is not an entity type of this project (person, org, place, date, money, acronym, reference; declare more under `types:` in the config)\n',
    ]);
    writeFileSync(join(root, 'marginalia.config.yaml'), 'types: [ship]\n');
    const empty = await cli(root, 'index', '--types', 'ship');
    expect([empty.code, empty.stderr]).toEqual([
      1,
      'annotations  warning  no ship entity: the index is empty  selection-empty\nindex: 0 errors, 1 warning\n',
    ]);
  });
});
