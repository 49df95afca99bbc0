import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, isRegistered } from '../../src/rules/registry.js';
import { oneLine, render } from '../../src/rules/rule.js';
import { YAML_KINDS } from '../../src/rules/yaml.js';
import { REPO, cli, makeProject } from '../helpers.js';

describe('the rule registry (rules/registry.ts)', () => {
  it('registers every rule any module of src/rules exports: a rule left out of its list fails here', async () => {
    const registered = new Set(RULES.map((r) => r.id));
    const modules = readdirSync(join(REPO, 'src/rules')).filter((f) => f.endsWith('.ts'));
    let exported = 0;
    for (const file of modules) {
      const module: Record<string, unknown> = await import(/* @vite-ignore */ pathToFileURL(join(REPO, 'src/rules', file)).href);
      for (const [name, value] of Object.entries(module)) {
        const id = (value as { meta?: { id?: unknown } } | null)?.meta?.id;
        if (typeof id !== 'string') continue;
        exported++;
        expect(registered.has(id), `${file}: ${name} (${id}) is not in the registry`).toBe(true);
      }
    }
    expect(exported).toBeGreaterThan(40);
  });

  it('holds each rule once, with a template for every message id, and only one-line messages', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const kind of YAML_KINDS)
      for (const suffix of ['syntax', 'schema', 'version', 'too-large']) expect(isRegistered(`${kind}-${suffix}`)).toBe(true);
    for (const rule of RULES) {
      expect(Object.keys(rule.messages).length, rule.id).toBeGreaterThan(0);
      for (const template of Object.values(rule.messages)) {
        const data = Object.fromEntries([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => [m[1]!, 'x\ny']));
        expect(render(template, data)).not.toContain('\n');
      }
    }
    expect(() => render('a {{b}}', {})).toThrow(/no value for \{\{b\}\}/);
    expect(render('"{{q}}" at {{at}}', { q: 'x'.repeat(200), at: 'y'.repeat(200) })).toBe(`"${'x'.repeat(59)}…" at ${'y'.repeat(200)}`);
    expect(oneLine('a\nb')).toBe('a\\nb');
  });

  it('every message of annotate, validate and check on a corpus of bad inputs carries a registered id', async () => {
    const root = makeProject({ 'marginalia.config.yaml': 'ner: none\n' });
    cpSync(join(REPO, 'test/fixtures/bad'), root, { recursive: true });
    writeFileSync(join(root, 'corpus/notes.txt'), 'A claim (1) and another (3).\n\nNotes\n(1) Ibid., p. 4.\n(2) Smith.\n');
    const fired = new Set<string>();
    for (const command of ['annotate', 'validate', 'check']) {
      const { stdout } = await cli(root, command, '--format', 'json');
      const messages = JSON.parse(stdout);
      const list = Array.isArray(messages) ? messages : messages.messages;
      expect(list.length, command).toBeGreaterThan(0);
      for (const m of list) fired.add(m.ruleId);
      for (const m of list) {
        expect(isRegistered(m.ruleId), `${command}: ${m.ruleId}`).toBe(true);
        // Made by report() from its rule's template, not as a literal.
        const rule = RULES.find((r) => r.id === m.ruleId)!;
        expect(Object.keys(rule.messages), `${command}: ${m.ruleId}`).toContain(m.messageId);
        expect(m.source, m.ruleId).toBe(rule.source);
        expect(m.message).not.toContain('\n');
      }
    }
    // The bad inputs do make these rules speak: the loop above checks more than whatever happened to fire.
    expect([...fired].sort()).toEqual([
      'ibid-without-antecedent',
      'marker-without-note',
      'note-without-marker',
      'sidecar-invalid',
      'sidecar-not-overwritten',
      'sidecar-schema',
      'sidecar-source-missing',
      'sidecar-source-outside',
      'sidecar-syntax',
      'text-binary',
      'text-encoding',
    ]);
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
