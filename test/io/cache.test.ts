import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/document.js';
import { CACHE_FILE, isCached, loadCache, saveCache } from '../../src/io/cache.js';
import { loadConfig } from '../../src/io/config.js';
import { makeProject } from '../helpers.js';

describe('the run cache', () => {
  it('vouches for a sidecar only while its text, its bytes and the generator are the ones it saw', () => {
    const root = makeProject({ 'corpus/a.txt': 'Rusk.\n', 'annotations/a.txt.yaml': 'entries: []\n' });
    const config = loadConfig(root);
    const cache = loadCache(config);
    expect(cache.size).toBe(0);
    const entry = {
      textSha256: sha256Hex(readFileSync(join(root, 'corpus/a.txt'))),
      sidecarSha256: sha256Hex(readFileSync(join(root, 'annotations/a.txt.yaml'))),
      generator: 'g1',
      human: false,
    };
    cache.set('annotations/a.txt.yaml', entry);
    saveCache(config, cache);
    const again = loadCache(config);
    expect(isCached(config, again, 'corpus/a.txt', 'annotations/a.txt.yaml', 'g1')).toEqual(entry);
    expect(isCached(config, again, 'corpus/a.txt', 'annotations/a.txt.yaml', 'g2')).toBeUndefined();
    writeFileSync(join(root, 'annotations/a.txt.yaml'), 'entries: [] # edited\n');
    expect(isCached(config, again, 'corpus/a.txt', 'annotations/a.txt.yaml', 'g1')).toBeUndefined();
  });

  it('reads a cache of another version or a broken one as empty', () => {
    const root = makeProject();
    mkdirSync(join(root, '.marginalia'));
    const config = loadConfig(root);
    writeFileSync(join(root, CACHE_FILE), '{"version": 0, "entries": {"x": {}}}');
    expect(loadCache(config).size).toBe(0);
    writeFileSync(join(root, CACHE_FILE), '{broken');
    expect(loadCache(config).size).toBe(0);
  });
});
