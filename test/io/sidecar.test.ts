import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/commands/annotate.js';
import { projectOf } from '../../src/pipeline/project.js';
import { extractContext } from '../../src/extract/index.js';
import { loadConfig } from '../../src/io/config.js';
import { datesExtractor } from '../../src/extract/dates.js';
import { moneyExtractor } from '../../src/extract/money.js';
import { notesExtractor } from '../../src/extract/note-candidates.js';
import { referencesExtractor } from '../../src/extract/references.js';
import type { Entry, Sidecar } from '../../src/core/schema.js';
import { REPO, cli, makeProject, sliceCodePoints } from '../helpers.js';

const RULES_ONLY = [notesExtractor, referencesExtractor, datesExtractor, moneyExtractor].map((create) => create(extractContext([])));
const LETTER = 'Berlin, 6 January 1986\n\nWe paid 700,000.- Marks.(1)\n\nNotes\n(1) Source: BStU MfS Abt X 348, 257-259.\n';
const readSidecar = (root: string, path: string): Sidecar => parse(readFileSync(join(root, path), 'utf8'));

describe('annotate → sidecar', () => {
  it('writes exactly the expected bytes for a small fixture', async () => {
    const root = makeProject({ 'corpus/letter.txt': LETTER });
    const config = loadConfig(root);
    await annotate({ config, extractors: RULES_ONLY });
    // The generator line names the tool version and a hash of the rule packs, which change between releases.
    const expected = readFileSync(join(REPO, 'test/fixtures/letter.txt.yaml'), 'utf8').replace(
      '{{generator}}',
      projectOf(config).generator(RULES_ONLY.map((e) => e.id)),
    );
    expect(readFileSync(join(root, 'annotations/letter.txt.yaml'), 'utf8')).toBe(expected);
  });

  it('counts offsets in code points, past astral characters and combining marks', async () => {
    const text = '𝔄𝔅 😀 Cafe\u0301 — Berlin, 6 January 1986. 👩‍👩‍👧 paid 1.5 million marks.';
    const root = makeProject({ 'corpus/astral.txt': text });
    await annotate({ config: loadConfig(root), extractors: RULES_ONLY });
    const { entries } = readSidecar(root, 'annotations/astral.txt.yaml');
    expect(entries.map((e) => [e.type, e.start, e.end, e.text])).toEqual([
      ['date', 21, 35, '6 January 1986'],
      ['money', 48, 65, '1.5 million marks'],
    ]);
    for (const e of entries) expect(sliceCodePoints(text, e.start, e.end)).toBe(e.text);
  });

  it('keeps ids of entries when unrelated text is inserted before them', async () => {
    const root = makeProject({ 'corpus/letter.txt': LETTER });
    const config = loadConfig(root);
    await annotate({ config, extractors: RULES_ONLY });
    const before = readSidecar(root, 'annotations/letter.txt.yaml').entries;
    writeFileSync(join(root, 'corpus/letter.txt'), `A new first paragraph.\n\n${LETTER}`);
    await annotate({ config, extractors: RULES_ONLY });
    const after = readSidecar(root, 'annotations/letter.txt.yaml').entries;
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(after.map((e) => e.start - before.find((b) => b.id === e.id)!.start)).toEqual(after.map(() => 24));
  });
});

describe('human work survives annotate', () => {
  async function projectWithHumanWork() {
    const root = makeProject({ 'corpus/letter.txt': LETTER });
    const config = loadConfig(root);
    await annotate({ config, extractors: RULES_ONLY });
    const path = join(root, 'annotations/letter.txt.yaml');
    const sidecar = readSidecar(root, 'annotations/letter.txt.yaml');
    const money = sidecar.entries.find((e) => e.type === 'money')!;
    const added: Entry = { type: 'place', start: 0, end: 6, text: 'Berlin', by: 'human' };
    const rejected: Entry = { ...money, status: 'rejected', comment: 'not a sum, a price list' };
    sidecar.entries = [added, ...sidecar.entries.filter((e) => e !== money), rejected];
    writeFileSync(path, `# hand-edited\n${JSON.stringify(sidecar)}`);
    return { root, config, path, rejectedId: money.id };
  }

  it.each([[false], [true]])('keeps an added and a rejected entry (force: %s)', async (force) => {
    const { root, config, rejectedId } = await projectWithHumanWork();
    await annotate({ config, extractors: RULES_ONLY, force });
    const entries = readSidecar(root, 'annotations/letter.txt.yaml').entries;
    expect(entries.filter((e) => e.type === 'place')).toMatchObject([{ start: 0, end: 6, text: 'Berlin', by: 'human' }]);
    expect(entries.filter((e) => e.type === 'money')).toMatchObject([
      { id: rejectedId, status: 'rejected', comment: 'not a sum, a price list' },
    ]);
  });

  it('keeps a human entry as orphaned when its text is deleted, and restores it when the text returns', async () => {
    const { root, config } = await projectWithHumanWork();
    writeFileSync(join(root, 'corpus/letter.txt'), LETTER.replace('Berlin', 'Bonn'));
    const run1 = await annotate({ config, extractors: RULES_ONLY });
    expect(run1.messages.map((m) => m.ruleId)).toEqual(['entry-orphaned']);
    const orphaned = readSidecar(root, 'annotations/letter.txt.yaml').entries.find((e) => e.text === 'Berlin');
    // A human entry carries no decision of its own: none is made up for it.
    expect(orphaned).toMatchObject({ status: 'orphaned', by: 'human' });
    expect(orphaned).not.toHaveProperty('previousStatus');
    writeFileSync(join(root, 'corpus/letter.txt'), `Intro.\n${LETTER}`);
    await annotate({ config, extractors: RULES_ONLY });
    expect(readSidecar(root, 'annotations/letter.txt.yaml').entries.find((e) => e.text === 'Berlin')).toMatchObject({
      start: 7,
      end: 13,
      by: 'human',
    });
    expect(readSidecar(root, 'annotations/letter.txt.yaml').entries.find((e) => e.text === 'Berlin')).not.toHaveProperty('status');
  });

  it('refuses to overwrite a sidecar it cannot parse, and says where the problem is', async () => {
    const root = makeProject({ 'corpus/letter.txt': LETTER, 'annotations/letter.txt.yaml': 'schemaVersion: 1\nentries: [\n' });
    const r = await cli(root, 'annotate');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/annotations\/letter\.txt\.yaml:3:1 {2}error {2}.* {2}sidecar-syntax/);
    expect(readFileSync(join(root, 'annotations/letter.txt.yaml'), 'utf8')).toBe('schemaVersion: 1\nentries: [\n');
  });
});
