import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { YAML_LIMITS } from '../../src/io/yaml-source.js';
import { cli, copyOfBundledCorpus } from '../helpers.js';

const SIDECAR = 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml';
const limit = YAML_LIMITS.exactParseBytes;
afterEach(() => {
  YAML_LIMITS.exactParseBytes = limit;
});

describe('a sidecar larger than the general YAML limit', () => {
  it('is read by every command when annotate wrote it: the tool reads every sidecar it writes', async () => {
    const root = copyOfBundledCorpus();
    // Most bundled sidecars are now "too large" for the general parser (the rule packs are not).
    YAML_LIMITS.exactParseBytes = 10_000;
    for (const args of [['annotate'], ['annotate', '--force'], ['index'], ['view', '--out', 'site'], ['validate'], ['check']]) {
      const r = await cli(root, ...args);
      expect([r.code, r.stdout + r.stderr], args.join(' ')).toEqual([0, expect.not.stringContaining('too-large')]);
    }
  });

  it('in a form annotate does not write, is refused the same way by every command, saying why', async () => {
    const root = copyOfBundledCorpus();
    const flow = stringify(parse(readFileSync(join(root, SIDECAR), 'utf8')), { collectionStyle: 'flow' });
    writeFileSync(join(root, SIDECAR), flow);
    YAML_LIMITS.exactParseBytes = 10_000;
    for (const args of [['annotate'], ['index'], ['validate'], ['check']]) {
      const r = await cli(root, ...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stdout + r.stderr, args.join(' ')).toContain('file is larger than 10000 bytes, the most read as general YAML');
    }
    expect(readFileSync(join(root, SIDECAR), 'utf8')).toBe(flow);
  });
});
