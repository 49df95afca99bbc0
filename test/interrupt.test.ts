import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO, cli, copyOfBundledCorpus } from './helpers.js';

const BIN = join(REPO, 'bin/marginalia.js');

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

describe('annotate killed while it writes', () => {
  it('never leaves a truncated or empty sidecar, and never loses a human entry', async () => {
    const root = copyOfBundledCorpus();
    cpSync(join(REPO, 'corpus'), join(root, 'corpus/copy'), { recursive: true });
    await cli(root, 'annotate');
    // A person adds an entry to every sidecar.
    for (const name of sidecars(root)) {
      const path = join(root, 'annotations', name);
      const sidecar = parse(readFileSync(path, 'utf8'));
      const text = sidecar.source.length > 0 ? readFileSync(join(root, sidecar.source.path), 'utf8') : '';
      const word = /\p{L}{4,}/u.exec(text)!;
      sidecar.entries.push({ type: 'place', start: [...text.slice(0, word.index)].length, end: [...text.slice(0, word.index)].length + [...word[0]].length, text: word[0], by: 'human', comment: 'kill test' });
      writeFileSync(path, JSON.stringify(sidecar));
    }
    for (const delay of [150, 300, 450, 600, 900]) {
      await killDuring(root, delay);
      for (const name of sidecars(root)) {
        const bytes = readFileSync(join(root, 'annotations', name), 'utf8');
        expect(bytes.length, name).toBeGreaterThan(0);
        const sidecar = parse(bytes);
        expect(sidecar.entries.filter((e: { comment?: string }) => e.comment === 'kill test'), name).toHaveLength(1);
      }
      const validation = await cli(root, 'validate');
      expect(validation.code, validation.stdout).toBe(0);
    }
  }, 60_000);
});
