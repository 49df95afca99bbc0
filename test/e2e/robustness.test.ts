import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/document.js';
import { REPO, cli, copyOfBundledCorpus, makeProject, sliceCodePoints } from '../helpers.js';

const BIN = join(REPO, 'bin/marginalia.js');

/** Every file outside annotations/, with a hash of its bytes (links as links). */
/** Every file but the sidecars and the run cache (.marginalia/), with its hash. */
function outsideAnnotations(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    if (name.startsWith('annotations') || name.startsWith('.marginalia')) continue;
    const path = join(root, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) files.set(name, 'link');
    else if (stat.isFile()) files.set(name, sha256Hex(readFileSync(path)));
  }
  return files;
}

const linesOf = (stdout: string) => stdout.trim().split('\n');

describe('a corpus of bad inputs (test/fixtures/bad)', () => {
  it('annotate, validate and check name each bad file once, exit as documented, and touch nothing outside annotations/', async () => {
    const root = makeProject();
    cpSync(join(REPO, 'test/fixtures/bad'), root, { recursive: true });
    symlinkSync('loop.txt', join(root, 'corpus/loop.txt'));
    symlinkSync('/etc/hostname', join(root, 'corpus/outside.txt'));
    writeFileSync(join(root, 'corpus/huge.txt'), 'lorem ipsum dolor sit amet, consectetur adipiscing elit '.repeat(40_000));
    const before = outsideAnnotations(root);

    const annotated = await cli(root, 'annotate');
    expect(annotated.code).toBe(1);
    const byFile = (stdout: string, rule: string) =>
      linesOf(stdout)
        .filter((l) => l.includes(`  ${rule}`))
        .map((l) => l.split(/[: ]/)[0]);
    expect(byFile(annotated.stdout, 'text-encoding')).toEqual(['corpus/invalid-utf8.txt']);
    expect(annotated.stdout).toContain('corpus/invalid-utf8.txt  error  invalid UTF-8 at byte 53 (0xc3)');
    expect(byFile(annotated.stdout, 'text-binary')).toEqual(['corpus/nul.txt', 'corpus/scan.txt']);
    expect(byFile(annotated.stdout, 'text-symlink')).toEqual(['corpus/loop.txt', 'corpus/outside.txt']);
    expect(byFile(annotated.stdout, 'sidecar-not-overwritten')).toEqual(['annotations/bomb.txt.yaml', 'annotations/invalid.txt.yaml']);
    expect(annotated.stdout).toMatch(/annotations\/bomb\.txt\.yaml:1:1 {2}error {2}Excessive alias count/);
    expect(annotated.stdout).toMatch(/annotations\/invalid\.txt\.yaml:12:5 {2}error {2}entries\.0\.colour: unknown key {2}sidecar-schema/);
    // No size cap: a text over the old 2 M-character limit gets NLP like any other, so no warning.
    expect(byFile(annotated.stdout, 'text-too-long-for-nlp')).toEqual([]);
    expect(annotated.stdout).toMatch(/13 texts: 8 written, 0 unchanged, 3 failed, 2 skipped\n$/);

    // The good texts get correct sidecars, whatever their encoding.
    const sidecar = (name: string) => parse(readFileSync(join(root, `annotations/${name}.yaml`), 'utf8'));
    const text = (name: string, encoding: string) =>
      iconv.decode(readFileSync(join(root, `corpus/${name}`)), encoding).replace(/^\uFEFF/, '');
    for (const [name, encoding] of [
      ['utf16le.txt', 'utf-16le'],
      ['utf16be.txt', 'utf-16be'],
      ['cp1252.txt', 'windows-1252'],
      ['latin2.txt', 'iso-8859-2'],
      ['crlf.txt', 'utf-8'],
      ['-rf.txt', 'utf-8'],
    ]) {
      const s = sidecar(name!);
      expect(s.source.encoding, name).toBe(encoding);
      const t = text(name!, encoding!);
      for (const e of s.entries) expect(sliceCodePoints(t, e.start, e.end), `${name} ${e.id}`).toBe(e.text);
    }
    expect(sidecar('cp1252.txt').metadata.issued).toBe('1986-01-06');
    expect(sidecar('utf16le.txt').entries.map((e: { text: string }) => e.text)).toContain('1.5 million marks');
    expect(sidecar('latin2.txt').entries.map((e: { text: string }) => e.text)).toContain('Budapest');
    expect(sidecar('empty.txt').entries).toEqual([]);

    const validated = await cli(root, 'validate');
    expect(validated.code).toBe(1);
    expect(byFile(validated.stdout, 'sidecar-source-outside')).toEqual(['annotations/passwd.txt.yaml']);
    expect(validated.stdout).toMatch(
      /annotations\/passwd\.txt\.yaml:3:9 {2}error {2}source\.path "\.\.\/\.\.\/etc\/passwd" points outside the project; refused/,
    );

    const checked = await cli(root, 'check');
    expect(checked.code).toBe(1);
    expect(byFile(checked.stdout, 'sidecar-invalid')).toEqual(['annotations/bomb.txt.yaml', 'annotations/invalid.txt.yaml']);

    // Nothing outside annotations/ was written, not even through the links.
    expect(outsideAnnotations(root)).toEqual(before);
  }, 60_000);

  it('keeps offsets and line numbers right with CRLF and lone CR line endings', async () => {
    const root = makeProject({
      'corpus/crlf.txt':
        'Title\r\n\r\nBerlin, 6 January 1986.\r\n\r\nThe plan.(1) Then.(2)\rAfter a lone CR.\r\n\r\nNotes\r\n(1) Source: BStU MfS Abt X 348, 257-259.\r\n',
    });
    const r = await cli(root, 'check', '--format', 'json');
    expect(JSON.parse(r.stdout).filter((m: { ruleId: string }) => m.ruleId === 'marker-without-note')).toMatchObject([
      { line: 5, column: 19 },
    ]);
    await cli(root, 'annotate');
    const s = parse(readFileSync(join(root, 'annotations/crlf.txt.yaml'), 'utf8'));
    const t = readFileSync(join(root, 'corpus/crlf.txt'), 'utf8');
    for (const e of s.entries) expect(sliceCodePoints(t, e.start, e.end)).toBe(e.text);
    expect(s.entries.find((e: { type: string }) => e.type === 'note').text).toBe('Source: BStU MfS Abt X 348, 257-259.');
  });
});

function run(
  root: string,
  args: string[],
  onSpawn?: (child: ReturnType<typeof spawn>) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    onSpawn?.(child);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout }));
  });
}

describe('sidecar versions and file names', () => {
  it('refuses a sidecar written by a newer schema with a clear message, and handles Unicode and spaced names', async () => {
    const root = makeProject({
      'corpus/Hà Nội 1986 – báo cáo.txt': 'Hà Nội, 6 January 1986\n\nA report.\n',
      'corpus/new.txt': 'A text.\n',
      'annotations/new.txt.yaml': `schemaVersion: 9\nsource: {path: corpus/new.txt, sha256: "${'0'.repeat(64)}", length: 8}\nentries: []\nfutureField: 1\n`,
    });
    const r = await cli(root, 'annotate');
    expect(r.stdout).toContain(
      'annotations/new.txt.yaml:1:16  error  schemaVersion 9: written by a newer marginalia (this one reads 2); upgrade marginalia  sidecar-version',
    );
    expect(readFileSync(join(root, 'annotations/new.txt.yaml'), 'utf8')).toMatch(/^schemaVersion: 9/);
    const s = parse(readFileSync(join(root, 'annotations/Hà Nội 1986 – báo cáo.txt.yaml'), 'utf8'));
    expect(s.source.path).toBe('corpus/Hà Nội 1986 – báo cáo.txt');
    expect(s.entries.find((e: { type: string }) => e.type === 'date').value).toBe('1986-01-06');
  });
});

describe('interruption and concurrency', () => {
  it('Ctrl-C stops after the current file with a summary and exit 130', async () => {
    const root = copyOfBundledCorpus(false);
    // Interrupt as soon as the first sidecar is written.
    const r = await run(root, ['annotate'], (child) => {
      const poll = setInterval(() => {
        const written =
          existsSync(join(root, 'annotations')) &&
          readdirSync(join(root, 'annotations'), { recursive: true }).some((n) => String(n).endsWith('.txt.yaml'));
        if (written) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 5);
      child.on('exit', () => clearInterval(poll));
    });
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(/\d+ of 14 texts: \d+ written, 0 unchanged, 0 failed \(interrupted\)\n$/);
    const written = readdirSync(join(root, 'annotations'), { recursive: true }).filter((n) => String(n).endsWith('.txt.yaml'));
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(14);
    expect((await cli(root, 'validate')).code).toBe(0);
  });

  it('two annotate runs at once on one corpus corrupt nothing', async () => {
    const root = copyOfBundledCorpus(false);
    const [a, b] = await Promise.all([run(root, ['annotate']), run(root, ['annotate'])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const v = await cli(root, 'validate');
    expect(v.stdout).toBe('✓ 14 sidecars: no problems\n');
    expect(readdirSync(join(root, 'annotations')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
