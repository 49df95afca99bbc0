import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

const folders = () =>
  readdirSync(join(REPO, 'src'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

/** ESLint's messages for a file written into src/ for the time of the lint. */
async function lintProbe(path: string, code: string): Promise<ESLint.LintResult['messages']> {
  const file = join(REPO, path);
  writeFileSync(file, code);
  try {
    const [result] = await new ESLint({ cwd: REPO }).lintFiles([file]);
    return result!.messages;
  } finally {
    rmSync(file, { force: true });
  }
}

describe('the import boundaries of src/ (src/README.md)', () => {
  it('fail the lint when core/ imports from commands/: the rule cannot silently disappear', async () => {
    const messages = await lintProbe(
      `src/core/house-probe-${process.pid}.ts`,
      "import { check } from '../commands/check.js';\n\nexport const probe = check;\n",
    );
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: 'no-restricted-imports',
        severity: 2,
        message: expect.stringContaining('core/ may import no other folder of src/, not commands/'),
      }),
    ]);
  }, 60_000);

  it('give every folder of src/ its boundary in eslint.config.js and a paragraph in src/README.md', async () => {
    const readme = readFileSync(join(REPO, 'src', 'README.md'), 'utf8');
    const eslint = new ESLint({ cwd: REPO });
    for (const folder of folders()) {
      expect(readme, folder).toContain(`**${folder}/**`);
      const config = await eslint.calculateConfigForFile(join(REPO, 'src', folder, 'probe.ts'));
      // Every folder's block forbids at least the library's entry point (src/index.ts).
      expect(JSON.stringify(config.rules['no-restricted-imports']), folder).toContain('src/index.ts is the library');
    }
  }, 60_000);
});
