import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sidecarJsonSchema } from '../../src/core/schema.js';
import { REPO, cli, copyOfBundledCorpus, makeProject } from '../helpers.js';

const LETTER = 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt';
const JOURNAL = 'corpus/ptoj-2023-public-security-diplomacy-1945-1975.txt';

function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(join(root, 'annotations'), { recursive: true }) as string[]) {
    if (name.endsWith('.yaml') || name === 'marginalia.schema.json') files.set(name, readFileSync(join(root, 'annotations', name), 'utf8'));
  }
  return files;
}

describe('the bundled corpus', () => {
  it('annotate writes one sidecar per text, byte-identical to the committed ones, and a re-run changes nothing', async () => {
    const root = copyOfBundledCorpus(false);
    const first = await cli(root, 'annotate');
    expect(first.code).toBe(0);
    const written = snapshot(root);
    const texts = readdirSync(join(root, 'corpus'), { recursive: true }).filter((n) => String(n).endsWith('.txt'));
    expect([...written.keys()].filter((k) => k.endsWith('.txt.yaml'))).toHaveLength(texts.length);
    expect(written).toEqual(snapshot(REPO));
    const second = await cli(root, 'annotate', '--force');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`${texts.length} texts: 0 written, ${texts.length} re-extracted with unchanged bytes, 0 failed`);
    expect(snapshot(root)).toEqual(written);
  });

  it('validate passes on the committed sidecars', async () => {
    const r = await cli(REPO, 'validate');
    expect(r.stdout).toMatch(/✓ 14 sidecars: no problems/);
    expect(r.code).toBe(0);
  });

  it('validate names the file, the entry and the line when a span no longer holds its text', async () => {
    const root = copyOfBundledCorpus();
    const sidecarPath = join(root, 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml');
    const sidecar = readFileSync(sidecarPath, 'utf8');
    writeFileSync(sidecarPath, sidecar.replace('    text: Erich Mielke\n', '    text: Erich Mielkx\n'));
    const r = await cli(root, 'validate');
    expect(r.code).toBe(1);
    const mismatch = r.stdout.split('\n').find((l) => l.includes('entry-text-mismatch'))!;
    expect(mismatch).toMatch(
      /^annotations\/wilson-1986-01-06-schmidt-to-mielke\.txt\.yaml:\d+:\d+ {2}error {2}person person-[0-9a-f]{8} "Erich Mielkx" does not match the text at corpus\/wilson-1986-01-06-schmidt-to-mielke\.txt:6:39, which reads "Erich Mielke" {2}entry-text-mismatch$/,
    );
    const sidecarLine = Number(mismatch.split(':')[1]);
    expect(readFileSync(sidecarPath, 'utf8').split('\n')[sidecarLine - 1]).toBe('    text: Erich Mielkx');
  });

  it('check passes on the bundled corpus', async () => {
    const r = await cli(REPO, 'check');
    // The journal article's note (8) really has no page: a warning, which does not fail the run.
    expect(r.stdout).toBe(
      'corpus/ptoj-2023-public-security-diplomacy-1945-1975.txt:98:5  warning  note 8 gives no page  bibliographic-note-incomplete\n14 texts: 0 errors, 1 warning\n',
    );
    expect(r.code).toBe(0);
    expect((await cli(REPO, 'check', '--max-warnings', '0')).code).toBe(1);
  });

  it('check names the orphan marker with its line and column when a note is deleted', async () => {
    const root = copyOfBundledCorpus();
    const text = readFileSync(join(root, JOURNAL), 'utf8');
    writeFileSync(join(root, JOURNAL), text.replace(/\(3\) People’s Security Academy: History[^\n]*\n/, ''));
    await cli(root, 'annotate', JOURNAL);
    const r = await cli(root, 'check', JOURNAL);
    expect(r.code).toBe(1);
    const line = text.split('\n').findIndex((l) => /\(3\)/.test(l) && !l.startsWith('(3)'));
    const column = [...text.split('\n')[line]!.slice(0, text.split('\n')[line]!.indexOf('(3)'))].length + 1;
    const gapLine = text.split('\n').findIndex((l) => l.startsWith('(4), (6), (7)')); // 0-based, one line was deleted above it
    expect(r.stdout).toBe(
      `${JOURNAL}:${line + 1}:${column}  error  note marker 3 has no note 3  marker-without-note\n` +
        `${JOURNAL}:${gapLine}:15  error  note numbering skips 3  note-numbering-gap\n` +
        `${JOURNAL}:${gapLine + 2}:5  warning  note 8 gives no page  bibliographic-note-incomplete\n` +
        '1 text: 2 errors, 1 warning\n',
    );
  });

  it('check reports a missing and a stale sidecar', async () => {
    const root = copyOfBundledCorpus();
    cpSync(join(root, LETTER), join(root, 'corpus/copy.txt'));
    writeFileSync(join(root, JOURNAL), `${readFileSync(join(root, JOURNAL), 'utf8')}\n`);
    const r = await cli(root, 'check', '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((m: { file: string; ruleId: string }) => [m.file, m.ruleId])).toEqual([
      ['annotations/ptoj-2023-public-security-diplomacy-1945-1975.txt.yaml', 'sidecar-stale'],
      ['corpus/copy.txt', 'sidecar-missing'],
      ['corpus/ptoj-2023-public-security-diplomacy-1945-1975.txt', 'bibliographic-note-incomplete'],
    ]);
  });
});

describe('annotate, the summary line', () => {
  it('says texts extracted again with --force gave unchanged bytes, and texts not extracted again are unchanged', async () => {
    const root = makeProject({ 'corpus/a.txt': 'Mielke met Honecker in Berlin on 3 May 1985.\n' });
    expect((await cli(root, 'annotate')).stdout).toBe('1 text: 1 written, 0 unchanged, 0 failed\n');
    expect((await cli(root, 'annotate', '--force')).stdout).toBe('1 text: 0 written, 1 re-extracted with unchanged bytes, 0 failed\n');
    expect((await cli(root, 'annotate')).stdout).toBe('1 text: 0 written, 1 unchanged, 0 failed\n');
  });
});

describe('diff A B', () => {
  it('prints exactly the one re-spanned entry', async () => {
    const a = readFileSync(join(REPO, 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml'), 'utf8');
    const b = a.replace(/( {4}end: 123\n {4}text: )Erich Mielke/, '$1Erich Mielk').replace('    end: 123\n', '    end: 122\n');
    const root = makeProject({ 'a.yaml': a, 'b.yaml': b });
    const r = await cli(root, 'diff', 'a.yaml', 'b.yaml');
    expect(r.stdout).toBe(
      '--- a.yaml\n+++ b.yaml\n~ person 111-123 "Erich Mielke" → person 111-122 "Erich Mielk"  (re-spanned)\nperson: +0 -0 ~1\n',
    );
    expect(r.code).toBe(1);
    expect((await cli(root, 'diff', 'a.yaml', 'a.yaml')).code).toBe(0);
  });

  it('exits 2 on a file that is not a sidecar', async () => {
    const root = makeProject({ 'a.yaml': 'entries: 3\n' });
    const r = await cli(root, 'diff', 'a.yaml', 'a.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.yaml:1:1 {2}schemaVersion: /);
  });
});

describe('the command line', () => {
  it.each([
    'annotate',
    'validate',
    'check',
    'diff',
    'eval',
    'accept',
    'reject',
    'review',
    'export',
    'import',
    'index',
    'view',
    'serve',
    'schema',
    'init',
  ])('%s --help shows an example', async (command) => {
    const r = await cli(REPO, command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Examples:\\n {2}\\$ marginalia ${command}`));
  });

  it('exits 2 on an unknown command or option, and on a path outside the project', async () => {
    expect((await cli(REPO, 'annotat')).code).toBe(2);
    expect((await cli(REPO, 'check', '--nope')).code).toBe(2);
    const r = await cli(REPO, 'check', '/etc');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside the project/);
  });

  it('reports a broken config with its line and column', async () => {
    const root = makeProject({ 'marginalia.config.yaml': 'corpus: texts\ntypes: [Person]\n' });
    const r = await cli(root, 'check');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/marginalia\.config\.yaml:2:9 {2}types\.0: /);
  });

  it('schema prints the JSON Schema committed beside the sidecars', async () => {
    const r = await cli(REPO, 'schema');
    expect(JSON.parse(r.stdout)).toEqual(sidecarJsonSchema());
    expect(r.stdout).toBe(readFileSync(join(REPO, 'annotations/marginalia.schema.json'), 'utf8'));
  });
});

describe('diff A B, regressions', () => {
  it('reports an entry whose text changed under the same span', async () => {
    const a = readFileSync(join(REPO, 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml'), 'utf8');
    const root = makeProject({ 'a.yaml': a, 'b.yaml': a.replace('    text: Erich Mielke\n', '    text: Erich Mielkx\n') });
    const r = await cli(root, 'diff', 'a.yaml', 'b.yaml');
    expect(r.stdout).toContain('~ person 111-123 "Erich Mielke" → person 111-123 "Erich Mielkx"  (text)\n');
    expect(r.code).toBe(1);
  });
});
