#!/usr/bin/env node
// A held-out FRUS person measure: ~60 documents of the held-out volumes (scripts/heldout.js) as brat
// gold, for `marginalia eval --gold DIR --types person`. Gold: every persName of the document, plus
// every other exact mention (case-sensitive, whole words) of a string the volume tags as a persName
// anywhere; the longest first where they overlap. Titles stay outside the names, as FRUS prints them.
//   node scripts/frus-heldout.js DIR [--per-volume 20]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HELDOUT_VOLUMES } from './heldout.js';
import { arg, root } from './args.js';

const dir = process.argv[2];
if (!dir || dir.startsWith('--')) throw new Error('usage: frus-heldout.js DIR [--per-volume N] [--data DIR]');
const perVolume = Number(arg('per-volume', 20));
const data = resolve(arg('data', join(root, '../shared/train/frus-all')));
mkdirSync(dir, { recursive: true });

// A few persName elements wrap no name (`Department of State`, `Park Chung Hee puppets`): left out.
const looksLikeName = (s) => s.trim().length > 1 && !/\bof\b|(?:^|\s)\p{Ll}{4,}/u.test(s);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let written = 0;
let mentions = 0;
for (const volume of HELDOUT_VOLUMES) {
  const docs = gunzipSync(readFileSync(join(data, `${volume}.jsonl.gz`)))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const names = new Set();
  for (const d of docs) for (const e of d.entities) if (e.type === 'person' && looksLikeName(e.text)) names.add(e.text);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...names]
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
      .map(escape)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  // Documents (not front matter) of a readable size, evenly spread through the volume.
  const eligible = docs.filter((d) => /-d\d+$/.test(d.id) && d.text.length >= 1500 && d.text.length <= 12000);
  const step = eligible.length / perVolume;
  for (let k = 0; k < perVolume && k < eligible.length; k++) {
    const doc = eligible[Math.floor(k * step)];
    const chars = [...doc.text];
    // Code-point offset of each UTF-16 index.
    const cp = new Map();
    let u = 0;
    chars.forEach((ch, i) => {
      cp.set(u, i);
      u += ch.length;
    });
    cp.set(u, chars.length);
    const spans = doc.entities.filter((e) => e.type === 'person' && looksLikeName(e.text)).map((e) => ({ start: e.start, end: e.end }));
    for (const m of doc.text.matchAll(pattern)) spans.push({ start: cp.get(m.index), end: cp.get(m.index + m[0].length) });
    spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept = [];
    for (const s of spans) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
    kept.sort((a, b) => a.start - b.start);
    const name = doc.id.replace(/[^\w.-]/g, '_');
    writeFileSync(join(dir, `${name}.txt`), doc.text);
    writeFileSync(
      join(dir, `${name}.ann`),
      kept.map((s, i) => `T${i + 1}\tperson ${s.start} ${s.end}\t${chars.slice(s.start, s.end).join('')}\n`).join(''),
    );
    written++;
    mentions += kept.length;
  }
}
process.stderr.write(`wrote ${written} documents, ${mentions} person mentions, to ${dir}\n`);
