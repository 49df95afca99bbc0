import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, copyOfBundledCorpus } from '../helpers.js';

const LETTER = 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml';

describe('review: the reviewed mark and what to review next', () => {
  it('marks a sidecar reviewed, keeps the mark through annotate --force, and takes it away with --undo', async () => {
    const root = copyOfBundledCorpus();
    const before = readFileSync(join(root, LETTER), 'utf8');
    const r = await cli(root, 'review', LETTER, '--by', 'A. Archivist');
    expect([r.code, r.stdout]).toEqual([0, '1 sidecar marked reviewed\n']);
    const marked = readFileSync(join(root, LETTER), 'utf8');
    expect(parse(marked).reviewed).toEqual({ by: 'A. Archivist', at: new Date().toISOString().slice(0, 10) });
    // Only the mark changed, written before the entries.
    expect(marked.replace(/reviewed:\n {2}by: A\. Archivist\n {2}at: \d{4}-\d\d-\d\d\n/, '')).toBe(before);
    expect((await cli(root, 'validate')).code).toBe(0);
    await cli(root, 'annotate', '--force');
    expect(parse(readFileSync(join(root, LETTER), 'utf8')).reviewed.by).toBe('A. Archivist');
    expect((await cli(root, 'review', LETTER)).stdout).toBe('0 sidecars marked reviewed\n');
    await cli(root, 'review', LETTER, '--undo');
    expect(readFileSync(join(root, LETTER), 'utf8')).toBe(before);
  });

  it('--next lists the unreviewed documents, the most doubtful first', async () => {
    const root = copyOfBundledCorpus();
    const listed = JSON.parse((await cli(root, 'review', '--next', '20', '--format', 'json')).stdout);
    expect(listed).toHaveLength(14);
    const doubt = listed.map((d: { uncertainty: number }) => d.uncertainty);
    expect(doubt).toEqual([...doubt].sort((a, b) => b - a));
    expect(doubt[0]).toBeGreaterThan(0);
    // The sum over its machine entries of 1 − confidence, as the sidecar holds them.
    const top = parse(readFileSync(join(root, listed[0].sidecar), 'utf8'));
    const expected = top.entries
      .filter((e: { status: string }) => e.status === 'auto')
      .reduce((s: number, e: { confidence?: number }) => s + (e.confidence === undefined ? 0 : 1 - e.confidence), 0);
    expect(listed[0].uncertainty).toBeCloseTo(expected, 3);
    await cli(root, 'review', listed[0].sidecar);
    const after = JSON.parse((await cli(root, 'review', '--next', '3', '--format', 'json')).stdout);
    expect(after.map((d: { path: string }) => d.path)).toEqual(listed.slice(1, 4).map((d: { path: string }) => d.path));
    expect((await cli(root, 'review', '--next', '0')).code).toBe(2);
  });

  it('marks nothing in bulk without --all, and records who reviewed by default', async () => {
    const root = copyOfBundledCorpus();
    const before = readFileSync(join(root, LETTER), 'utf8');
    for (const args of [[], ['--undo']]) {
      const r = await cli(root, 'review', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('give sidecars, texts or folders, or --all');
    }
    expect(readFileSync(join(root, LETTER), 'utf8')).toBe(before);
    const all = await cli(root, 'review', '--all', '--by', 'Team');
    expect(all.stdout).toBe('14 sidecars marked reviewed\n');
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['config', 'user.name', 'Ada Archivist'], { cwd: root });
    await cli(root, 'review', LETTER, '--undo');
    await cli(root, 'review', LETTER);
    expect(parse(readFileSync(join(root, LETTER), 'utf8')).reviewed.by).toBe('Ada Archivist');
  });
});
