import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO, cli, copyOfBundledCorpus } from '../helpers.js';

const BIN = join(REPO, 'bin/marginalia.js');
const PAUSE = join(REPO, 'test/fixtures/pause-write.mjs');
const LETTER = 'wilson-1986-01-06-schmidt-to-mielke.txt';
/** Kills at random moments of a run: when its k-th sidecar write begins, k drawn with a fixed seed. */
const RANDOM = Number(process.env.MARGINALIA_KILLS ?? 1);
/** Texts of the bundled corpus kept: enough writes to kill among, few enough that a run is short. */
const KEEP = [LETTER, 'ptoj-2023-public-security-diplomacy-1945-1975.txt', 'frus/frus1961-63v05-d12.txt', 'frus/frus1964-68v14-d20.txt'];

const files = (root: string) => (readdirSync(join(root, 'annotations'), { recursive: true }) as string[]).map(String);
const sidecars = (root: string) => files(root).filter((n) => n.endsWith('.txt.yaml'));
const temporaries = (root: string) => files(root).filter((n) => n.endsWith('.tmp'));

/**
 * Run `annotate --force` and SIGKILL it when `killNow` says so, judging each line of its standard
 * error and each file event under annotations/: event-driven, never a fixed delay.
 */
function annotateUntilKilled(
  root: string,
  env: Record<string, string>,
  killNow: (event: { line?: string; file?: string }) => boolean,
): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', PAUSE, BIN, 'annotate', '--force', '--jobs', '1'], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let killed = false;
    const judge = (event: { line?: string; file?: string }) => {
      if (!killed && killNow(event)) killed = child.kill('SIGKILL');
    };
    const watcher = watch(join(root, 'annotations'), { recursive: true }, (_, file) => file && judge({ file: String(file) }));
    let pending = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop()!;
      for (const line of lines) judge({ line });
    });
    child.on('error', reject);
    child.on('exit', () => {
      watcher.close();
      resolve({ killed });
    });
  });
}

/** Every sidecar rewritten as JSON (the same data, other bytes), so that the next forced run writes each one again. */
function dirty(root: string): void {
  for (const name of sidecars(root)) {
    const path = join(root, 'annotations', name);
    writeFileSync(path, JSON.stringify(parse(readFileSync(path, 'utf8'))));
  }
}

/** A small corpus (rules only, so that a run is short) whose every sidecar holds a human entry. */
async function corpusWithHumanWork(): Promise<string> {
  const root = copyOfBundledCorpus(false);
  for (const name of readdirSync(join(root, 'corpus'), { recursive: true }).map(String))
    if (name.endsWith('.txt') && !KEEP.includes(name)) rmSync(join(root, 'corpus', name));
  writeFileSync(join(root, 'marginalia.config.yaml'), 'ner: none\n');
  expect((await cli(root, 'annotate', '--jobs', '1')).stdout).toBe(`${KEEP.length} texts: ${KEEP.length} written, 0 unchanged, 0 failed\n`);
  for (const name of sidecars(root)) {
    const path = join(root, 'annotations', name);
    const sidecar = parse(readFileSync(path, 'utf8'));
    const text = readFileSync(join(root, sidecar.source.path), 'utf8');
    const word = /\p{L}{4,}/u.exec(text)!;
    const start = [...text.slice(0, word.index)].length;
    sidecar.entries.push({ type: 'place', start, end: start + [...word[0]].length, text: word[0], by: 'human', comment: 'kill test' });
    writeFileSync(path, JSON.stringify(sidecar));
  }
  return root;
}

function expectIntact(root: string): void {
  expect(sidecars(root)).toHaveLength(KEEP.length);
  for (const name of sidecars(root)) {
    const bytes = readFileSync(join(root, 'annotations', name), 'utf8');
    expect(bytes.length, name).toBeGreaterThan(0);
    expect(
      parse(bytes).entries.filter((e: { comment?: string }) => e.comment === 'kill test'),
      name,
    ).toHaveLength(1);
  }
}

describe('annotate killed while it writes', () => {
  it(`never leaves a truncated or empty sidecar, and never loses a human entry (killed inside two writes, then at ${RANDOM} random writes)`, async () => {
    const root = await corpusWithHumanWork();
    // Killed inside the letter's write: with its temporary file empty, then written but not renamed.
    for (const point of ['open', 'rename']) {
      dirty(root);
      const before = readFileSync(join(root, 'annotations', `${LETTER}.yaml`), 'utf8');
      const run = await annotateUntilKilled(root, { PAUSE_WRITE: `${LETTER}.yaml:${point}` }, (e) => e.line === `paused at ${point}`);
      expect(run.killed, point).toBe(true);
      // The temporary file left behind proves the kill landed inside the write; the sidecar is the old one.
      expect(temporaries(root).filter((t) => t.includes(LETTER)).length, point).toBeGreaterThan(0);
      expect(readFileSync(join(root, 'annotations', `${LETTER}.yaml`), 'utf8'), point).toBe(before);
      expectIntact(root);
    }
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < RANDOM; i++) {
      dirty(root);
      const k = 1 + Math.floor(random() * KEEP.length);
      let writes = 0;
      const started = new Set<string>();
      await annotateUntilKilled(root, {}, ({ file }) => {
        if (!file?.endsWith('.tmp') || started.has(file)) return false;
        started.add(file);
        return ++writes === k;
      });
      expectIntact(root);
    }
    const validation = await cli(root, 'validate');
    expect(validation.code, validation.stdout).toBe(0);
    // The next run takes the killed writes' temporary files away.
    await cli(root, 'annotate', '--jobs', '1');
    expect(temporaries(root)).toEqual([]);
    expectIntact(root);
  }, 300_000);
});
