import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { sha256Hex } from '../core/document.js';
import { parsePlaces, type PlaceTable } from '../core/places.js';

/** GeoNames' records of places of 5,000 people or more, countries and continents (scripts/places.js). */
export const SHIPPED_PLACES = new URL('../../models/places.tsv.gz', import.meta.url);

const loaded = new Map<string, PlaceTable>();

/** The place table, read once per process (some 49,000 records, about 150 ms). */
export function loadPlaces(path: string | URL = SHIPPED_PLACES): PlaceTable {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  let table = loaded.get(file);
  if (!table) {
    const bytes = readFileSync(file);
    loaded.set(file, (table = parsePlaces(gunzipSync(bytes).toString('utf8'), sha256Hex(bytes))));
  }
  return table;
}

const hashes = new Map<string, string>();

/** The table's fingerprint without parsing it: for the generator, which every command asks for. */
export function placesSha256(path: string | URL = SHIPPED_PLACES): string {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  let hash = loaded.get(file)?.sha256 ?? hashes.get(file);
  if (!hash) hashes.set(file, (hash = sha256Hex(readFileSync(file))));
  return hash;
}
