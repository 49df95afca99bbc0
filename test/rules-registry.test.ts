import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES, RULES, YAML_KINDS, isRegistered } from '../src/checks/registry.js';
import { REPO, cli, makeProject } from './helpers.js';

const sources = (readdirSync(join(REPO, 'src'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(REPO, 'src', f), 'utf8') }));

/** Every rule id written literally where a message is made, and every kind of YAML file read. */
function emittedIds(): { ids: Map<string, string>; yamlKinds: Set<string>; templates: string[] } {
  const ids = new Map<string, string>();
  const yamlKinds = new Set<string>();
  const templates: string[] = [];
  const patterns = [
    /ruleId: '([a-z0-9-]+)'/g,
    /finding\('([a-z0-9-]+)'/g,
    /report\('([a-z0-9-]+)'/g,
    /fail\([^\n]*?, '([a-z][a-z0-9-]+)'\)/g,
    /ruleId: missing \? '([a-z0-9-]+)' : '([a-z0-9-]+)'/g,
  ];
  for (const { file, text } of sources) {
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) for (const id of m.slice(1)) ids.set(id, file);
    for (const m of text.matchAll(/parseYaml\([^;]*?,\s*'([a-z]+)'\s*(?:,|\))/g)) yamlKinds.add(m[1]!);
    for (const m of text.matchAll(/ruleId: `([^`]+)`/g)) templates.push(m[1]!);
  }
  return { ids, yamlKinds, templates };
}

describe('the rule registry (checks/registry.ts)', () => {
  it('holds every rule id the code can emit, and every kind of YAML file it reads', () => {
    const { ids, yamlKinds, templates } = emittedIds();
    const unregistered = [...ids].filter(([id]) => !isRegistered(id)).map(([id, file]) => `${id} (${file})`);
    expect(unregistered).toEqual([]);
    expect([...yamlKinds].sort()).toEqual([...YAML_KINDS].sort());
    // The only computed ids are the YAML families, registered for each kind.
    expect([...new Set(templates)].sort()).toEqual(['${ruleId}-schema', '${ruleId}-syntax', '${ruleId}-too-large', '${ruleId}-version']);
    const families = YAML_KINDS.flatMap((kind) => ['schema', 'syntax', 'too-large', 'version'].map((suffix) => `${kind}-${suffix}`));
    // …and nothing else: a registered id that nothing emits is a stale entry.
    const emitted = new Set([...ids.keys(), ...CHECK_RULES.map((r) => r.id), ...families]);
    expect(RULES.map((r) => r.id).filter((id) => !emitted.has(id))).toEqual([]);
  });

  it('every message of annotate, validate and check on a corpus of bad inputs carries a registered id', async () => {
    const root = makeProject({ 'marginalia.config.yaml': 'ner: none\n' });
    cpSync(join(REPO, 'test/fixtures/bad'), root, { recursive: true });
    writeFileSync(join(root, 'corpus/notes.txt'), 'A claim (1) and another (3).\n\nNotes\n(1) Ibid., p. 4.\n(2) Smith.\n');
    for (const command of ['annotate', 'validate', 'check']) {
      const { stdout } = await cli(root, command, '--format', 'json');
      const messages = JSON.parse(stdout);
      const list = Array.isArray(messages) ? messages : messages.messages;
      expect(list.length, command).toBeGreaterThan(0);
      for (const m of list) expect(isRegistered(m.ruleId), `${command}: ${m.ruleId}`).toBe(true);
    }
  });

  it('check --list-rules lists every registered rule, and SARIF describes each with its help', async () => {
    const root = makeProject({ 'corpus/a.txt': 'Text (1).\n' });
    const listed = JSON.parse((await cli(root, 'check', '--list-rules', '--format', 'json')).stdout);
    expect(listed.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    const text = (await cli(root, 'check', '--list-rules')).stdout;
    for (const r of RULES) expect(text).toContain(r.id);
    const sarif = JSON.parse((await cli(root, 'check', '--format', 'sarif')).stdout);
    const descriptors = sarif.runs[0].tool.driver.rules;
    expect(descriptors.map((d: { id: string }) => d.id)).toEqual(RULES.map((r) => r.id));
    expect(descriptors.every((d: { help: { text: string } }) => d.help.text.length > 0)).toBe(true);
    for (const result of sarif.runs[0].results) expect(result.ruleIndex).toBeTypeOf('number');
  });

  it('lets the config set the severity of any rule, not only citation rules', async () => {
    const root = makeProject({ 'corpus/a.txt': 'Text.\n', 'marginalia.config.yaml': 'check:\n  rules:\n    sidecar-missing: warning\n' });
    const result = await cli(root, 'check');
    expect(result.stdout).toContain('corpus/a.txt  warning  no sidecar');
    expect(result.code).toBe(0);
    writeFileSync(join(root, 'marginalia.config.yaml'), 'check:\n  rules:\n    sidecar-missing: off\n');
    expect((await cli(root, 'check')).stdout).not.toContain('sidecar-missing');
  });
});
