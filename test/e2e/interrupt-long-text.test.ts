import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, makeProject } from '../helpers.js';

const BIN = join(REPO, 'bin/marginalia.js');

describe('Ctrl-C while one long text is annotated', () => {
  it('stops the text in progress, writes nothing half-done, and exits 130', async () => {
    const letter = readFileSync(join(REPO, 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt'), 'utf8');
    // Some 4 MB: tens of seconds of annotation, interrupted after the first second.
    const root = makeProject({ 'corpus/long.txt': letter.repeat(500) });
    const child = spawn(process.execPath, [BIN, 'annotate', '--jobs', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => child.kill('SIGINT'), 1500);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearTimeout(timer);
    expect(code).toBe(130);
    expect(stdout).toBe('0 of 1 text: 0 written, 0 unchanged, 0 failed (interrupted)\n');
    const annotations = join(root, 'annotations');
    const files = existsSync(annotations) ? (readdirSync(annotations, { recursive: true }) as string[]) : [];
    expect(files.filter((f) => f.endsWith('.txt.yaml') || f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
