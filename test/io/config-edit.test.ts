import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAuthorityFile, setConfigValue } from '../../src/io/config-edit.js';
import { makeProject } from '../helpers.js';

describe('minimal edits of the config', () => {
  it('sets a key, replacing only its value, and keeps every other byte', () => {
    const config = '# ours\ntypes: [ ship ]   # vessels\nmodel: old.bin  # trained\n';
    const root = makeProject({ 'marginalia.config.yaml': config });
    setConfigValue(root, 'model', 'models/tagger.bin');
    expect(readFileSync(join(root, 'marginalia.config.yaml'), 'utf8')).toBe(config.replace('old.bin', 'models/tagger.bin'));
  });

  it('adds a key at the end when it is not there, and a file to a flow list of authorities once', () => {
    const root = makeProject({ 'marginalia.config.yaml': 'authorities: []  # none yet' });
    setConfigValue(root, 'model', 'models/tagger.bin');
    expect(listAuthorityFile(root, 'authority.yaml')).toBe('authority.yaml');
    expect(listAuthorityFile(root, 'authority.yaml')).toBeUndefined();
    expect(readFileSync(join(root, 'marginalia.config.yaml'), 'utf8')).toBe(
      'authorities: [authority.yaml]  # none yet\nmodel: models/tagger.bin\n',
    );
  });
});
