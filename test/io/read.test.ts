import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/document.js';
import type { Sidecar } from '../../src/core/schema.js';
import { loadConfig } from '../../src/io/config.js';
import { readPreviousSidecar } from '../../src/io/read.js';
import { serializeSidecar } from '../../src/io/sidecar.js';
import { makeProject } from '../helpers.js';

const sidecar: Sidecar = {
  schemaVersion: 2,
  generator: 'g1',
  source: { path: 'corpus/a.txt', sha256: 'a'.repeat(64), length: 6 },
  metadata: { title: 'entries:\nnot the key' },
  reviewed: { by: 'ann', at: '2026-01-02' },
  entries: [{ id: 'person-12345678', type: 'person', start: 0, end: 4, text: 'Rusk', by: 'nlp:tagger', status: 'auto' }],
};
const bytes = serializeSidecar(sidecar, 'annotations/a.txt.yaml', 'annotations/marginalia.schema.json');

describe('readPreviousSidecar', () => {
  const root = makeProject({ 'corpus/a.txt': 'Rusk.\n', 'annotations/a.txt.yaml': bytes });
  const config = loadConfig(root);
  const path = 'annotations/a.txt.yaml';

  it('reads only the head of the very bytes annotate wrote when they hold no human work, the rest of what it says the same', () => {
    const head = readPreviousSidecar(config, path, sha256Hex(bytes), true);
    expect(head.untouched).toBe(true);
    expect(head.raw).toBe(bytes);
    expect(head.value).toEqual({ ...sidecar, entries: [] });
  });

  it('reads the whole sidecar when its bytes are not those annotate wrote, or its entries are asked for', () => {
    const whole = { raw: bytes, exists: true, value: sidecar, messages: [] };
    expect(readPreviousSidecar(config, path, sha256Hex('other bytes'), true)).toMatchObject({ ...whole, untouched: false });
    expect(readPreviousSidecar(config, path, undefined, true)).toMatchObject({ ...whole, untouched: false });
    expect(readPreviousSidecar(config, path, sha256Hex(bytes), false)).toMatchObject({ ...whole, untouched: true });
  });

  it('says when there is no sidecar', () => {
    expect(readPreviousSidecar(config, 'annotations/b.txt.yaml', 'x', true)).toMatchObject({
      exists: false,
      raw: undefined,
      untouched: false,
    });
  });
});
