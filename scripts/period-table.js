#!/usr/bin/env node
// The period table (models/period.bin) the tagger and the pipeline read: for the most frequent
// word forms of period text (../shared/train/frus-all, held-out volumes left out, and
// ../shared/train/chronam-1916; never ../shared/eval), a hierarchical word cluster (k-means over
// ±1 context vectors, as prefixes at three depths) and casing statistics (how often the word is
// capitalized inside a sentence, written in lower case, or a capitalized head after `the`).
// Streams the gzipped JSON lines; the same data and seed give the same bytes.
//   node scripts/period-table.js [--data DIR] [--out FILE] [--words 50000] [--seed 1]
import { createReadStream, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { isHeldOut } from './heldout.js';
import { arg, root } from './args.js';

const data = resolve(arg('data', join(root, '../shared/train')));
const out = resolve(arg('out', join(root, 'models/period.bin')));
const VOCABULARY = Number(arg('words', 50000));
const seed = Number(arg('seed', 1));
if (/[\\/]eval(?:[\\/]|$)/.test(data)) throw new Error(`${data}: the evaluation data is never read`);
const { serializePeriod } = await import(join(root, 'dist/tagger/period.js'));
const { random } = await import(join(root, 'dist/tagger/train.js'));
const started = performance.now();
const log = (s) => process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s: ${s}\n`);

const files = [
  ...readdirSync(join(data, 'frus-all'))
    .filter((f) => f.endsWith('.jsonl.gz') && !isHeldOut(f))
    .sort()
    .map((f) => join(data, 'frus-all', f)),
  ...readdirSync(join(data, 'chronam-1916'))
    .filter((f) => f.endsWith('.jsonl.gz'))
    .sort()
    .map((f) => join(data, 'chronam-1916', f)),
];

async function* texts() {
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line).text;
  }
}

// Words (OCR line-end hyphenation joined), and the marks that end a sentence or a line.
const TOKEN = /[\p{L}](?:[\p{L}\p{M}'’]|-(?:[ \t]*\n[ \t]*)?(?=\p{L}))*|[.!?:;]|\n/gu;
const norm = (w) => w.replace(/-[ \t]*\n[ \t]*/g, '').replace(/’/g, "'");

/** Each word of a text with whether it stands inside a sentence (not first, not after a line break). */
function* words(text) {
  let inside = false;
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if (t === '\n' || (t.length === 1 && '.!?:;'.includes(t))) {
      inside = false;
      continue;
    }
    yield [norm(t), inside];
    inside = true;
  }
}

// Pass 1: frequencies of the lower-case forms.
const frequency = new Map();
let tokens = 0;
for await (const text of texts()) {
  for (const [w] of words(text)) {
    const k = w.toLowerCase();
    frequency.set(k, (frequency.get(k) ?? 0) + 1);
    tokens++;
  }
}
log(`${tokens} words, ${frequency.size} forms`);
const ranked = [...frequency].filter(([w]) => w.length > 1 || /\p{L}/u.test(w)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
frequency.clear();
const vocab = ranked.slice(0, VOCABULARY).map(([w]) => w);
const counts = ranked.slice(0, VOCABULARY).map(([, c]) => c);
const id = new Map(vocab.map((w, i) => [w, i]));
// Context words: the most frequent forms, each side; the rest share one slot.
const CONTEXT = 300;
const DIM = 2 * (CONTEXT + 1);
const context = new Uint32Array(vocab.length * DIM);
const CASES = 5; // inside a sentence: capitalized, lower case, all capitals; capitalized after `the`; capitalized then not followed by a capital
const cases = new Uint32Array(vocab.length * CASES);

// Pass 2: context counts and casing.
for await (const text of texts()) {
  let prev = -1;
  let prevWord = '';
  let pending = -1; // a capitalized word after `the`, waiting to see whether a capitalized word follows
  for (const [w, inside] of words(text)) {
    const k = w.toLowerCase();
    const i = id.get(k) ?? -1;
    const capital = /^\p{Lu}/u.test(w);
    if (pending >= 0 && !capital) cases[pending * CASES + 3]++;
    pending = -1;
    if (i >= 0) {
      if (inside) {
        const allCaps = w.length > 1 && !/\p{Ll}/u.test(w);
        cases[i * CASES + (allCaps ? 2 : capital ? 0 : 1)]++;
        if (capital && !allCaps && prevWord === 'the') pending = i;
      }
      if (prev >= 0) {
        context[prev * DIM + CONTEXT + 1 + (i < CONTEXT ? i : CONTEXT)]++;
        const p = id.get(prevWord);
        context[i * DIM + (p !== undefined && p < CONTEXT ? p : CONTEXT)]++;
      }
    }
    prev = i;
    prevWord = k;
  }
}
log('contexts counted');

// Vectors: log counts, unit length, projected to 64 dimensions (a seeded random projection).
const next = random(seed);
const D = 64;
const projection = new Float64Array(DIM * D).map(() => (next() < 0.5 ? -1 : 1));
const n = vocab.length;
const vectors = new Float64Array(n * D);
const row = new Float64Array(DIM);
for (let i = 0; i < n; i++) {
  let norm2 = 0;
  for (let j = 0; j < DIM; j++) {
    row[j] = Math.log1p(context[i * DIM + j]);
    norm2 += row[j] * row[j];
  }
  const scale = norm2 ? 1 / Math.sqrt(norm2) : 0;
  for (let j = 0; j < DIM; j++) {
    const x = row[j] * scale;
    if (!x) continue;
    for (let d = 0; d < D; d++) vectors[i * D + d] += x * projection[j * D + d];
  }
  let len = 0;
  for (let d = 0; d < D; d++) len += vectors[i * D + d] ** 2;
  len = Math.sqrt(len) || 1;
  for (let d = 0; d < D; d++) vectors[i * D + d] /= len;
}
log('vectors projected');

/** k-means of the given rows into k clusters (seeded; frequent words first as initial centres). */
function kmeans(rows, k, iterations = 12) {
  const assign = new Int32Array(rows.length);
  if (rows.length <= k) return rows.map((_, j) => j);
  const centres = new Float64Array(k * D);
  // Initial centres: k rows spread over the (frequency-ordered) rows, a seeded offset each.
  for (let c = 0; c < k; c++) {
    const r = rows[Math.min(rows.length - 1, Math.floor(((c + next()) * rows.length) / k))];
    centres.set(vectors.subarray(r * D, r * D + D), c * D);
  }
  for (let it = 0; it < iterations; it++) {
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j] * D;
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += vectors[r + d] * centres[c * D + d];
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      assign[j] = arg;
    }
    centres.fill(0);
    for (let j = 0; j < rows.length; j++) for (let d = 0; d < D; d++) centres[assign[j] * D + d] += vectors[rows[j] * D + d];
    for (let c = 0; c < k; c++) {
      let len = 0;
      for (let d = 0; d < D; d++) len += centres[c * D + d] ** 2;
      len = Math.sqrt(len);
      if (len) for (let d = 0; d < D; d++) centres[c * D + d] /= len;
    }
  }
  return [...assign];
}

// Three depths: 16 clusters, 16 in each (256), 4 in each of those (1,024): a word's cluster id
// is 4 + 4 + 2 bits, so its prefixes are its clusters at every depth.
const cluster = new Uint16Array(n);
const all = Array.from({ length: n }, (_, i) => i);
const top = kmeans(all, 16);
for (let a = 0; a < 16; a++) {
  const rowsA = all.filter((_, j) => top[j] === a);
  const mid = kmeans(rowsA, 16);
  for (let b = 0; b < 16; b++) {
    const rowsB = rowsA.filter((_, j) => mid[j] === b);
    const low = kmeans(rowsB, 4);
    rowsB.forEach((r, j) => (cluster[r] = (a << 6) | (b << 2) | low[j]));
  }
}
log('clustered');

const bytes = serializePeriod({
  words: vocab,
  counts: Uint32Array.from(counts),
  clusters: cluster,
  cases,
  builtFrom: {
    frus: files.filter((f) => f.includes('frus-all')).length,
    chronam: files.filter((f) => f.includes('chronam')).length,
    tokens,
    seed,
  },
});
writeFileSync(out, bytes);
log(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB`);
