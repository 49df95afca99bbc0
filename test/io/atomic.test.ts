import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePiecesAtomic } from '../../src/io/atomic.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('writePiecesAtomic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-atomic-'));
  const path = join(dir, 'a.yaml');
  const pieces = ['head: 1\n', 'entries:\n', '  - text: é😀\n', '  - text: b\n'];
  const whole = pieces.join('');

  it('writes the pieces in a new file and gives the hash of their bytes', () => {
    expect(writePiecesAtomic(path, pieces)).toEqual({ sha256: sha(whole), written: true });
    expect(readFileSync(path, 'utf8')).toBe(whole);
  });

  it('writes nothing when the pieces are the bytes already there', () => {
    const before = statSync(path);
    expect(writePiecesAtomic(path, pieces, whole)).toEqual({ sha256: sha(whole), written: false });
    expect(statSync(path).ino).toBe(before.ino);
  });

  it('writes what differs from the bytes there, however they differ, and leaves no temporary file', () => {
    for (const [next, previous] of [
      [['head: 1\n', 'entries:\n', '  - text: c\n'], whole],
      [['head: 1\n'], whole],
      [[...pieces, '  - text: d\n'], whole],
      [['other\n', ...pieces.slice(1)], whole],
      [[], whole],
    ] as const) {
      writeFileSync(path, previous);
      expect(writePiecesAtomic(path, next, previous)).toEqual({ sha256: sha(next.join('')), written: true });
      expect(readFileSync(path, 'utf8')).toBe(next.join(''));
    }
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('writes pieces longer than one batch whole', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `  - text: entry number ${i}\n`);
    expect(writePiecesAtomic(path, long, whole).written).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(long.join(''));
  });

  it('leaves the file as it was when rendering fails half-way', () => {
    writeFileSync(path, whole);
    function* failing() {
      yield 'x: 1\n';
      throw new Error('render');
    }
    expect(() => writePiecesAtomic(path, failing(), whole)).toThrow('render');
    expect(readFileSync(path, 'utf8')).toBe(whole);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});
