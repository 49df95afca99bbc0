#!/usr/bin/env node
// Long texts: time per MB and peak memory of `annotate --jobs 1` on ONE text of each size,
// in two shapes: `normal` (lines and paragraphs, like a printed volume) and `one-line`
// (no line breaks at all, like an OCR dump). Built from real text: ../shared/train/frus when
// it is there, else the bundled corpus/. Each case runs in its own child process, under a timeout.
//   npm run bench -- --long
//   npm run bench -- --long --sizes 0.1,1,3 --shapes one-line --timeout 300 --json
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, root } from './args.js';

const bin = join(root, 'bin/marginalia.js');
const sizes = arg('sizes', '0.1,1,3,10,30').split(',').map(Number);
const shapes = arg('shapes', 'normal,one-line').split(',');
const timeoutSeconds = Number(arg('timeout', 300));
const json = process.argv.includes('--json');
const keep = process.argv.includes('--keep');

/** The real texts, in a fixed order: FRUS documents if present, else the bundled corpus. */
function sourceTexts() {
  const frus = arg('source', join(root, '../shared/train/frus'));
  const dir = existsSync(frus) ? frus : join(root, 'corpus');
  const names = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  return { dir, texts: names.map((n) => readFileSync(join(dir, n), 'utf8').trim()) };
}

/** One text of `mb` million characters: the sources one after another (repeated when needed). */
function longText(texts, mb, shape) {
  const want = Math.round(mb * 1e6);
  const parts = [];
  let length = 0;
  for (let i = 0; length < want; i++) {
    const t = shape === 'one-line' ? texts[i % texts.length].replace(/\s*[\r\n]+\s*/g, ' ') : texts[i % texts.length];
    parts.push(t);
    length += t.length + 2;
  }
  const text = parts.join(shape === 'one-line' ? ' ' : '\n\n').slice(0, want);
  return shape === 'one-line' ? text : `${text}\n`;
}

/** Entries per MB in the first, middle and last tenth of the text, from the sidecar's lines. */
function entitiesThrough(sidecar, length) {
  const tenth = length / 10;
  const zones = { start: [0, tenth], middle: [4.5 * tenth, 5.5 * tenth], end: [length - tenth, length] };
  const counts = Object.fromEntries(Object.keys(zones).map((z) => [z, { all: 0, nlp: 0, person: 0 }]));
  let entry = {};
  const flush = () => {
    if (entry.start === undefined) return;
    for (const [zone, [from, to]] of Object.entries(zones)) {
      if (entry.start < from || entry.start >= to) continue;
      counts[zone].all++;
      if (entry.by.startsWith('nlp:')) counts[zone].nlp++;
      if (entry.type === 'person') counts[zone].person++;
    }
  };
  for (const line of sidecar.split('\n')) {
    if (line.startsWith('  - ')) {
      flush();
      entry = {};
    }
    const m = /^(?: {2}- | {4})(start|by|type): (.*)$/.exec(line);
    if (m) entry[m[1]] = m[1] === 'start' ? Number(m[2]) : m[2];
  }
  flush();
  const perMB = (n) => +(n / (tenth / 1e6)).toFixed(0);
  return Object.fromEntries(Object.entries(counts).map(([z, c]) => [z, { all: perMB(c.all), nlp: perMB(c.nlp), person: perMB(c.person) }]));
}

/** Stage seconds from `annotate --stats`. */
function stagesOf(stderr) {
  const stages = {};
  for (const m of stderr.matchAll(/^ {2}(\S[^\n]*?)\s+([\d.]+) s/gm)) if (m[1] !== 'wall clock') stages[m[1]] = Number(m[2]);
  return stages;
}

function runCase(texts, mb, shape) {
  const dir = mkdtempSync(join(tmpdir(), `marginalia-long-${shape}-${mb}mb-`));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'marginalia.config.yaml'), 'corpus: corpus\n');
  const text = longText(texts, mb, shape);
  writeFileSync(join(dir, 'corpus', 'long.txt'), text);
  const bytes = Buffer.byteLength(text);
  // GNU time reports the peak RSS and CPU time even when the timeout stops the run (TERM, then KILL).
  const useTime = existsSync('/usr/bin/time');
  const command = [
    ...(useTime ? ['/usr/bin/time', '-f', 'TIME %M %e %U %S'] : []),
    'timeout',
    '--kill-after=5',
    String(timeoutSeconds),
    process.execPath,
    bin,
    'annotate',
    '--jobs',
    '1',
    '--stats',
  ];
  const r = spawnSync(command[0], command.slice(1), { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const time = /TIME (\d+) ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  const statsRss = /peak RSS (\d+) MB/.exec(r.stderr ?? '')?.[1];
  const finished = /wall clock/.test(r.stderr ?? '');
  const result = {
    shape,
    mb: +(bytes / 1e6).toFixed(2),
    finished,
    wallSeconds: time ? Number(time[2]) : undefined,
    cpuSeconds: time ? +(Number(time[3]) + Number(time[4])).toFixed(2) : undefined,
    peakRssMB: time ? Math.round(Number(time[1]) / 1024) : statsRss ? Number(statsRss) : undefined,
    stages: stagesOf(r.stderr ?? ''),
    warnings: (r.stdout ?? '').split('\n').filter((l) => /warning/.test(l)),
  };
  if (finished) {
    const sidecar = readFileSync(join(dir, 'annotations', 'long.txt.yaml'), 'utf8');
    result.sidecarMB = +(Buffer.byteLength(sidecar) / 1e6).toFixed(2);
    result.entitiesPerMB = entitiesThrough(sidecar, [...text].length);
  } else
    result.error = (r.stderr ?? '')
      .split('\n')
      .filter((l) => l && !l.startsWith('TIME'))
      .slice(-3)
      .join(' | ');
  if (!keep) rmSync(dir, { recursive: true, force: true });
  else result.dir = dir;
  return result;
}

const { dir, texts } = sourceTexts();
const results = [];
if (!json) console.log(`long texts from ${dir} (${texts.length} texts), timeout ${timeoutSeconds} s per case`);
for (const shape of shapes) {
  for (const mb of sizes) {
    const r = runCase(texts, mb, shape);
    results.push(r);
    if (!json) console.log(formatRow(r));
  }
}
if (json) console.log(JSON.stringify({ source: dir, timeoutSeconds, results }, null, 2));
else {
  for (const shape of shapes) {
    const one = results.find((r) => r.shape === shape && r.mb >= 0.9 && r.mb <= 1.1 && r.finished);
    const last = results.filter((r) => r.shape === shape && r.finished).at(-1);
    if (one && last && last !== one)
      console.log(
        `${shape}: per-MB CPU time ${last.mb} MB / 1 MB = ${(last.cpuSeconds / last.mb / (one.cpuSeconds / one.mb)).toFixed(2)}×`,
      );
  }
}

function formatRow(r) {
  const perMB = (s) => (s === undefined ? '?' : (s / r.mb).toFixed(2));
  const head = `${r.shape.padEnd(8)} ${String(r.mb).padStart(6)} MB`;
  if (!r.finished) return `${head}  > ${timeoutSeconds} s (killed; peak RSS ${r.peakRssMB ?? '?'} MB so far)  ${r.error ?? ''}`;
  const stages = Object.entries(r.stages)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 6)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
  const e = r.entitiesPerMB;
  return `${head}  wall ${r.wallSeconds} s, cpu ${r.cpuSeconds} s = ${perMB(r.cpuSeconds)} s/MB, peak RSS ${r.peakRssMB} MB, sidecar ${r.sidecarMB} MB | ${stages} | entries/MB start ${e.start.all} (nlp ${e.start.nlp}) middle ${e.middle.all} (nlp ${e.middle.nlp}) end ${e.end.all} (nlp ${e.end.nlp})${r.warnings.length ? ` | ${r.warnings.join(' ')}` : ''}`;
}
