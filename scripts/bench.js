#!/usr/bin/env node
// Throughput of marginalia's extraction next to raw compromise, on the same texts in the same run.
// Usage: npm run bench [-- --json]   (run `npm run build` first; figures are MB/s of UTF-8 text)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { Document } = await import(join(root, 'dist/document.js'));
const { extract, extractorsFor, rulePacks } = await import(join(root, 'dist/extract/index.js'));
const { resolve } = await import(join(root, 'dist/resolve.js'));
const nlp = (await import('compromise')).default;

function texts(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((n) => String(n).endsWith('.txt'))
    .map((n) => readFileSync(join(dir, String(n)), 'utf8'));
}

const sets = {
  'bundled corpus': texts(join(root, 'corpus')),
  'hipe-dev': texts(join(root, '../shared/eval/hipe-dev')),
  'frus-dev': texts(join(root, '../shared/eval/frus-dev')),
};

/** compromise as one would run it by hand: people, places, organizations, money, with offsets. */
function rawCompromise(text) {
  const doc = nlp(text);
  for (const view of [doc.people(), doc.places(), doc.organizations(), doc.money()]) view.json({ offset: true });
}

const extractors = extractorsFor(rulePacks());
async function marginalia(text) {
  const doc = new Document('bench', text);
  resolve(doc, await extract(doc, extractors));
}

async function measure(fn, docs) {
  const bytes = docs.reduce((n, t) => n + Buffer.byteLength(t), 0);
  await fn(docs[0] ?? ''); // warm up
  const start = performance.now();
  for (const t of docs) await fn(t);
  const seconds = (performance.now() - start) / 1000;
  return { mb: bytes / 1e6, seconds, mbPerSecond: bytes / 1e6 / seconds };
}

const rows = [];
for (const [name, docs] of Object.entries(sets)) {
  if (docs.length === 0) continue;
  const raw = await measure(rawCompromise, docs);
  const ours = await measure(marginalia, docs);
  rows.push({ texts: name, documents: docs.length, mb: +raw.mb.toFixed(3), rawCompromiseMBps: +raw.mbPerSecond.toFixed(3), marginaliaMBps: +ours.mbPerSecond.toFixed(3), ratio: +(ours.mbPerSecond / raw.mbPerSecond).toFixed(2) });
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  console.log('texts            docs      MB   raw compromise MB/s   marginalia MB/s   ratio');
  for (const r of rows) console.log(`${r.texts.padEnd(15)} ${String(r.documents).padStart(5)} ${r.mb.toFixed(3).padStart(7)}   ${r.rawCompromiseMBps.toFixed(3).padStart(19)}   ${r.marginaliaMBps.toFixed(3).padStart(15)}   ${r.ratio.toFixed(2).padStart(5)}`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
