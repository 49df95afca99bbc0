import { spawn } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO, cli, copyOfBundledCorpus } from './helpers.js';

const BIN = join(REPO, 'bin/marginalia.js');
const KILLS = 100;

function sidecars(root: string): string[] {
  return (readdirSync(join(root, 'annotations'), { recursive: true }) as string[]).filter((n) => n.endsWith('.txt.yaml'));
}

/** Start `annotate --force` and SIGKILL it after `delay` ms. */
function killDuring(root: string, delay: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'annotate', '--force'], { cwd: root, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A corpus (rules only, so that a run is short) whose every sidecar holds a human entry. */
async function corpusWithHumanWork(): Promise<string> {
  const root = copyOfBundledCorpus(false);
  cpSync(join(REPO, 'corpus'), join(root, 'corpus/copy'), { recursive: true });
  writeFileSync(join(root, 'marginalia.config.yaml'), 'nlp: false\n');
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

describe('annotate killed while it writes', () => {
  it(`never leaves a truncated or empty sidecar, and never loses a human entry (${KILLS} kills)`, async () => {
    // Two corpora killed side by side: each lane takes half the kills.
    const lanes = await Promise.all([corpusWithHumanWork(), corpusWithHumanWork()]);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    await Promise.all(
      lanes.map(async (root) => {
        for (let i = 0; i < KILLS / lanes.length; i++) {
          await killDuring(root, Math.floor(random() * 450));
          for (const name of sidecars(root)) {
            const bytes = readFileSync(join(root, 'annotations', name), 'utf8');
            expect(bytes.length, name).toBeGreaterThan(0);
            expect(
              parse(bytes).entries.filter((e: { comment?: string }) => e.comment === 'kill test'),
              name,
            ).toHaveLength(1);
          }
        }
      }),
    );
    for (const root of lanes) {
      const validation = await cli(root, 'validate');
      expect(validation.code, validation.stdout).toBe(0);
    }
  }, 180_000);
});
