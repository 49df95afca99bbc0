import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardOf } from '../../src/commands/annotate.js';
import { REPO, cli, copyOfBundledCorpus } from '../helpers.js';

const BIN = join(REPO, 'bin/marginalia.js');
const SHARDS_OF_FOUR = [2, 1, 1, 3];

function sidecarBytes(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of (readdirSync(join(root, 'annotations'), { recursive: true }) as string[]).filter((n) => n.endsWith('.yaml'))) {
    files.set(name, readFileSync(join(root, 'annotations', name), 'utf8'));
  }
  return files;
}

describe('scale', () => {
  it('--jobs 2 writes the same bytes as --jobs 1', () => {
    const [one, two] = [copyOfBundledCorpus(false), copyOfBundledCorpus(false)];
    expect(spawnSync(process.execPath, [BIN, 'annotate', '--jobs', '1'], { cwd: one }).status).toBe(0);
    // A worker per text however small (the bundled corpus alone is not worth two).
    expect(spawnSync(process.execPath, [BIN, 'annotate', '--jobs', '2', '--worker-bytes', '0'], { cwd: two }).status).toBe(0);
    expect(sidecarBytes(two)).toEqual(sidecarBytes(one));
    expect(sidecarBytes(one)).toEqual(sidecarBytes(REPO));
  }, 60_000);

  it('shards 1/3, 2/3 and 3/3 together write exactly the files of one unsharded run', async () => {
    const whole = copyOfBundledCorpus(false);
    const sharded = copyOfBundledCorpus(false);
    await cli(whole, 'annotate');
    const counts = [];
    for (const k of [1, 2, 3]) {
      const r = await cli(sharded, 'annotate', '--shard', `${k}/3`);
      expect(r.code).toBe(0);
      counts.push(Number(/^(\d+) texts?:/m.exec(r.stdout)![1]));
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBe(14);
    expect(counts.every((n) => n > 0 && n < 14)).toBe(true);
    expect(sidecarBytes(sharded)).toEqual(sidecarBytes(whole));
    // A text's shard depends on its path alone, the same on every machine: these values are fixed.
    expect(['corpus/a.txt', 'corpus/b.txt', 'corpus/c.txt', 'corpus/frus/x.txt'].map((p) => shardOf(p, 3))).toEqual(SHARDS_OF_FOUR);
    expect((await cli(sharded, 'annotate', '--shard', '4/3')).code).toBe(2);
  });

  it('a re-run with nothing changed does not extract again, and --stats names the stages', async () => {
    const root = copyOfBundledCorpus();
    // With no run cache, annotate extracts once to see what a person may have deleted; then the cache vouches.
    spawnSync(process.execPath, [BIN, 'annotate', '--jobs', '1'], { cwd: root, encoding: 'utf8' });
    const r = spawnSync(process.execPath, [BIN, 'annotate', '--stats', '--jobs', '1'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toBe('14 texts: 0 written, 14 unchanged, 0 failed\n');
    expect(r.stderr).toMatch(/stage times/);
    expect(r.stderr).not.toMatch(/nlp:tagger/);
    const forced = spawnSync(process.execPath, [BIN, 'annotate', '--stats', '--force', '--jobs', '1'], { cwd: root, encoding: 'utf8' });
    expect(forced.stderr).toMatch(/ {2}nlp:tagger +\d+\.\d{3} s/);
    expect(forced.stderr).toMatch(/ {2}read +\d/);
  }, 60_000);
});

describe('the run cache', () => {
  it('lets a no-change re-run and check skip the YAML, and never hides a hand edit', async () => {
    const root = copyOfBundledCorpus(false);
    await cli(root, 'annotate');
    const cache = JSON.parse(readFileSync(join(root, '.marginalia/cache.json'), 'utf8'));
    expect(Object.keys(cache.entries)).toHaveLength(14);
    expect((await cli(root, 'annotate')).stdout).toBe('14 texts: 0 written, 14 unchanged, 0 failed\n');
    // A person rejects the journal's marker 3: check must read the sidecar, not trust the cache.
    const path = join(root, 'annotations/ptoj-2023-public-security-diplomacy-1945-1975.txt.yaml');
    const { parse } = await import('yaml');
    const sidecar = parse(readFileSync(path, 'utf8'));
    sidecar.entries.find((e: { type: string; n?: string }) => e.type === 'note-marker' && e.n === '3').status = 'rejected';
    writeFileSync(path, JSON.stringify(sidecar));
    const r = await cli(root, 'check', '--format', 'json');
    expect(JSON.parse(r.stdout).map((m: { ruleId: string }) => m.ruleId)).toContain('note-without-marker');
  });
});
