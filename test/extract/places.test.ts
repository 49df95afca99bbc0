import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/document.js';
import { SHIPPED_PLACES, loadPlaces, placesSha256 } from '../../src/extract/places.js';
import { REPO } from '../helpers.js';

describe('the shipped place table', () => {
  it('is what scripts/places.js builds, byte for byte (gzip mtime 0)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'marginalia-places-')), 'places.tsv.gz');
    execFileSync(process.execPath, [join(REPO, 'scripts/places.js'), '--out', out], { stdio: 'pipe' });
    expect(sha256Hex(readFileSync(out))).toBe(sha256Hex(readFileSync(fileURLToPath(SHIPPED_PLACES))));
  }, 20_000);

  it('loadPlaces: the records, their names, and the fingerprint placesSha256 gives without parsing', () => {
    const table = loadPlaces();
    expect(table.records.size).toBe(49158);
    expect(table.byName.get('saigon')).toEqual([{ record: table.records.get(1566083), until: 1976 }]);
    expect(table.byName.get('washington')?.some((n) => n.record.name === 'Washington, D.C.')).toBe(true);
    expect(placesSha256()).toBe(table.sha256);
    expect(loadPlaces()).toBe(table);
  });
});
