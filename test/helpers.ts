import { cpSync, existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/program.js';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = join(REPO, '..', 'shared');

/**
 * The team's shared data (`../shared`) is beside the repository in CI, never on a user's machine:
 * tests that need it skip, saying why, once per file.
 */
export function sharedData(path: string): string | undefined {
  const full = join(SHARED, path);
  if (existsSync(full)) return full;
  console.warn(`skipped: ${path} is not beside the repository (../shared/${path})`);
  return undefined;
}

/** A fresh project folder with the given files (paths relative to its root), a config (empty: the defaults) and a corpus folder. */
export function makeProject(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'marginalia-'));
  mkdirSync(join(root, 'corpus'));
  writeFileSync(join(root, 'marginalia.config.yaml'), '');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A project holding a copy of the bundled corpus (and, optionally, its sidecars). */
export function copyOfBundledCorpus(withAnnotations = true): string {
  const root = makeProject();
  cpSync(join(REPO, 'corpus'), join(root, 'corpus'), { recursive: true });
  if (withAnnotations) cpSync(join(REPO, 'annotations'), join(root, 'annotations'), { recursive: true });
  return root;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in this process, as bin/marginalia.js does. */
export async function cli(cwd: string, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** Slice a string by code points, as Python and brat do. */
export const sliceCodePoints = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

/** Debian's Chromium, which the browser tests drive with playwright-core; they skip, saying why, where it is absent. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Headless Chromium as the browser tests need it: no sandbox, no GPU, no background traffic. */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
