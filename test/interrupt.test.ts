import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO, cli, copyOfBundledCorpus } from './helpers.js';

const BIN = join(REPO, 'bin/marginalia.js');
/** At most this many kills aimed at a write (one lands inside it about one time in three), then kills at random moments. */
const MAX_AIMED = 12;
const RANDOM = 6;

const sidecars = (root: string) =>
  (readdirSync(join(root, 'annotations'), { recursive: true }) as string[]).filter((n) => n.endsWith('.txt.yaml'));
const temporaries = (root: string) =>
  (readdirSync(join(root, 'annotations'), { recursive: true }) as string[]).filter((n) => n.endsWith('.tmp'));

/**
 * Start `annotate --force` and SIGKILL it: after `delay` ms, or (`delay` undefined) the moment a
 * temporary file of the long text's sidecar appears, that is while that sidecar is being written.
 */
function killDuring(root: string, delay?: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'annotate', '--force'], { cwd: root, stdio: 'ignore' });
    const kill = () => child.kill('SIGKILL');
    const watcher =
      delay === undefined
        ? watch(join(root, 'annotations'), { recursive: true }, (_, name) => name?.startsWith('.a-long.txt.yaml.') && kill())
        : undefined;
    const timer = setTimeout(kill, delay ?? 30_000);
    child.on('exit', () => {
      clearTimeout(timer);
      watcher?.close();
      resolve();
    });
  });
}

/** A corpus (rules only, so that a run is short) whose every sidecar holds a human entry; one long text, written first, makes a long write. */
async function corpusWithHumanWork(): Promise<string> {
  const root = copyOfBundledCorpus(false);
  const letter = readFileSync(join(REPO, 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt'), 'utf8');
  writeFileSync(join(root, 'corpus/a-long.txt'), letter.repeat(60));
  writeFileSync(join(root, 'marginalia.config.yaml'), 'ner: none\n');
  await cli(root, 'annotate');
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
  it(`never leaves a truncated or empty sidecar, and never loses a human entry (kills aimed at a write, then ${RANDOM} at random)`, async () => {
    const root = await corpusWithHumanWork();
    // Aimed kills until two have landed inside a write: a temporary file left behind is the proof.
    let attempts = 0;
    let midWrite = 0;
    while (midWrite < 2 && attempts < MAX_AIMED) {
      attempts++;
      await killDuring(root);
      if (temporaries(root).length) midWrite++;
      expectIntact(root);
    }
    expect(midWrite, `${attempts} aimed kills`).toBe(2);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < RANDOM; i++) {
      await killDuring(root, 200 + Math.floor(random() * 1500));
      expectIntact(root);
    }
    const validation = await cli(root, 'validate');
    expect(validation.code, validation.stdout).toBe(0);
    // The next run takes the killed writes' temporary files away.
    await cli(root, 'annotate');
    expect(temporaries(root)).toEqual([]);
    expectIntact(root);
  }, 150_000);
});
