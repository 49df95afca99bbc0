#!/usr/bin/env node
// Benchmarks of marginalia against the library it stands on, all measured in this run.
//   npm run bench                 # a 20 MB corpus built from the bundled and ../shared/eval texts
//   npm run bench -- --mb 5 --json
//   npm run bench -- --long        # one long text of 0.1 … 30 MB, one-line and normal
//   npm run bench -- --mb 1 --train   # also `train` on 80 and 400 reviewed documents: time and peak memory
// Prints: raw compromise MB/s (with and without compromise-dates) next to the tagger alone and
// marginalia's extraction with each engine (rules only, rules + tagger, rules + compromise) on the same sample; `annotate --jobs 1` and `--jobs 2` on the whole corpus; a re-run with nothing
// changed; a re-annotation with the sidecars there (`--force`) against the fresh run; `--jobs 1` and `--jobs 2` on 80 small texts;
// `check` with the run cache and without it (a fresh clone); peak memory, and that of one 6 MB and one 30 MB text
// (scripts/bench-long.js; `--no-long` leaves them out); start-up time of `--help` against `node -e 0`.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { arg, root } from './args.js';

// `--long`: one long text per size and shape instead (scripts/bench-long.js).
if (process.argv.includes('--long')) {
  await import('./bench-long.js');
  process.exit(0);
}
const bin = join(root, 'bin/marginalia.js');
const targetMB = Number(arg('mb', 20));
const sampleMB = Number(arg('sample-mb', 1));
const json = process.argv.includes('--json');

function sources() {
  // Real archival text: the bundled corpus, the shared examples and evaluation texts, and the 6 MB of FRUS training texts.
  const dirs = [
    join(root, 'corpus'),
    join(root, '../shared/eval/hipe-dev'),
    join(root, '../shared/eval/frus-dev'),
    join(root, '../shared/examples'),
    join(root, '../shared/train/frus'),
  ];
  return dirs.filter(existsSync).flatMap((dir) =>
    readdirSync(dir, { recursive: true })
      .filter((n) => String(n).endsWith('.txt'))
      .map((n) => readFileSync(join(dir, String(n)), 'utf8')),
  );
}

/** A corpus of at least `mb` MB: the source texts copied round-robin (temporary, never committed). */
function buildCorpus(mb) {
  const dir = mkdtempSync(join(tmpdir(), `marginalia-bench-${mb}mb-`));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'marginalia.config.yaml'), 'corpus: corpus\n');
  const texts = sources();
  let bytes = 0;
  for (let i = 0; bytes < mb * 1e6; i++) {
    const text = texts[i % texts.length];
    writeFileSync(join(dir, 'corpus', `${String(i).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

function timeCommand(cwd, ...args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - start) / 1000;
  const rss = /peak RSS (\d+) MB/.exec(r.stderr)?.[1];
  return { seconds, status: r.status, peakRssMB: rss ? Number(rss) : undefined };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const results = {};
const { dir, bytes } = buildCorpus(targetMB);
const mb = bytes / 1e6;
results.corpusMB = +mb.toFixed(2);

// 1. Raw compromise and marginalia's extraction on the same sample, in this process.
{
  const nlp = (await import('compromise')).default;
  const withDates = nlp.extend((await import('compromise-dates')).default) ?? nlp;
  const { Document } = await import(join(root, 'dist/core/document.js'));
  const { extract, extractorsFor, rulePacks } = await import(join(root, 'dist/extract/index.js'));
  const { resolve } = await import(join(root, 'dist/pipeline/resolve.js'));
  const { loadModel, tagText } = await import(join(root, 'dist/extract/tagger.js'));
  const engines = Object.fromEntries(['none', 'tagger', 'compromise'].map((ner) => [ner, extractorsFor(rulePacks(), { ner })]));
  const sample = [];
  let sampleBytes = 0;
  // Every source in turn, so that the sample mixes newspapers, FRUS and the bundled texts.
  const all = sources();
  const mixed = all.map((_, i) => all[(i * 7919) % all.length]);
  for (const t of mixed) {
    if (sampleBytes >= sampleMB * 1e6) break;
    sample.push(t);
    sampleBytes += Buffer.byteLength(t);
  }
  const rate = async (fn) => {
    await fn(sample[0]);
    const start = performance.now();
    for (const t of sample) await fn(t);
    return sampleBytes / 1e6 / ((performance.now() - start) / 1000);
  };
  const raw = (text) => {
    const doc = nlp(text);
    for (const view of [doc.people(), doc.places(), doc.organizations(), doc.money()]) view.json({ offset: true });
  };
  const rawDates = (text) => {
    const doc = withDates(text);
    for (const view of [doc.people(), doc.places(), doc.organizations(), doc.money(), doc.dates()]) view.json({ offset: true });
  };
  const ours = (ner) => async (text) => {
    const doc = new Document('bench', text);
    resolve(doc, await extract(doc, engines[ner]));
  };
  const model = loadModel();
  results.sampleMB = +(sampleBytes / 1e6).toFixed(2);
  results.rawCompromiseMBps = await rate(raw);
  results.rawCompromiseWithDatesMBps = await rate(rawDates);
  results.taggerAloneMBps = await rate((text) => tagText(model, text));
  results.extractRulesOnlyMBps = await rate(ours('none'));
  results.extractRulesTaggerMBps = await rate(ours('tagger'));
  results.extractRulesCompromiseMBps = await rate(ours('compromise'));
  results.marginaliaExtractMBps = results.extractRulesTaggerMBps;
}

// 2. The command line on the whole corpus.
const copy = (name) => {
  const d = `${dir}-${name}`;
  cpSync(dir, d, { recursive: true });
  return d;
};
const jobs2Dir = copy('jobs2');
const jobs1 = timeCommand(dir, 'annotate', '--jobs', '1', '--stats');
const jobs2 = timeCommand(jobs2Dir, 'annotate', '--jobs', '2', '--stats');
const rerun = timeCommand(dir, 'annotate', '--jobs', '1', '--stats');
const reannotate = timeCommand(dir, 'annotate', '--jobs', '1', '--force', '--stats');
const check = timeCommand(dir, 'check');
// A fresh CI checkout has no run cache: check reads the committed sidecars themselves.
rmSync(join(dir, '.marginalia'), { recursive: true, force: true });
const checkNoCache = timeCommand(dir, 'check');
results.annotateJobs1MBps = mb / jobs1.seconds;
results.annotateJobs2MBps = mb / jobs2.seconds;
results.jobs2Speedup = jobs1.seconds / jobs2.seconds;
results.rerunSeconds = rerun.seconds;
results.rerunShareOfFullRun = rerun.seconds / jobs1.seconds;
results.reannotateSeconds = reannotate.seconds;
results.reannotateVsFreshRun = reannotate.seconds / jobs1.seconds;
results.checkMBps = mb / check.seconds;
results.checkNoCacheMBps = mb / checkNoCache.seconds;
results.peakRssMB = { jobs1: jobs1.peakRssMB, jobs2: jobs2.peakRssMB };
results.ratioVsRawCompromise = results.annotateJobs1MBps / results.rawCompromiseMBps;
results.ratioVsRawCompromiseWithDates = results.annotateJobs1MBps / results.rawCompromiseWithDatesMBps;
results.extractRatioVsRawCompromise = results.marginaliaExtractMBps / results.rawCompromiseMBps;

// 2b. Many small texts: workers are started only when they pay (--jobs 2 never slower than --jobs 1).
{
  const small = mkdtempSync(join(tmpdir(), 'marginalia-bench-small-'));
  mkdirSync(join(small, 'corpus'));
  writeFileSync(join(small, 'marginalia.config.yaml'), 'corpus: corpus\n');
  const texts = sources().filter((t) => Buffer.byteLength(t) < 8000);
  for (let i = 0; i < 80; i++) writeFileSync(join(small, 'corpus', `${String(i).padStart(3, '0')}.txt`), texts[i % texts.length]);
  results.smallTextsJobs1Seconds = timeCommand(small, 'annotate', '--jobs', '1', '--force').seconds;
  results.smallTextsJobs2Seconds = timeCommand(small, 'annotate', '--jobs', '2', '--force').seconds;
  rmSync(small, { recursive: true, force: true });
}

// 2c. One long text: peak memory of a 6 MB and a 30 MB text (each in its own run of scripts/bench-long.js).
if (!process.argv.includes('--no-long')) {
  const r = spawnSync(
    process.execPath,
    [join(root, 'scripts/bench-long.js'), '--sizes', '6,30', '--shapes', 'normal', '--json', '--timeout', '900'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const long = JSON.parse(r.stdout || '{"results":[]}').results;
  results.longText = Object.fromEntries(
    long.map((c) => [
      `${Math.round(c.mb)}MB`,
      { peakRssMB: c.peakRssMB, wallSeconds: c.wallSeconds, cpuSeconds: c.cpuSeconds, finished: c.finished },
    ]),
  );
}

// 3. Start-up: --help against a bare node.
const startup = (args) =>
  median(
    Array.from({ length: 9 }, () => {
      const start = performance.now();
      spawnSync(process.execPath, args);
      return performance.now() - start;
    }),
  );
results.nodeStartMs = startup(['-e', '0']);
results.helpStartMs = startup([bin, '--help']);
results.helpVsNode = results.helpStartMs / results.nodeStartMs;

for (const d of [dir, jobs2Dir]) rmSync(d, { recursive: true, force: true });
for (const [k, v] of Object.entries(results)) if (typeof v === 'number') results[k] = +v.toFixed(3);

if (json) console.log(JSON.stringify(results, null, 2));
else {
  const rows = [
    ['corpus', `${results.corpusMB} MB (sample for in-process rates: ${results.sampleMB} MB)`],
    ['raw compromise (people, places, orgs, money)', `${results.rawCompromiseMBps} MB/s`],
    ['raw compromise + compromise-dates', `${results.rawCompromiseWithDatesMBps} MB/s`],
    [
      'the tagger alone, same sample',
      `${results.taggerAloneMBps} MB/s (${(results.taggerAloneMBps / results.rawCompromiseMBps).toFixed(1)}× raw)`,
    ],
    ['extraction: rules only (ner: none)', `${results.extractRulesOnlyMBps} MB/s`],
    ['extraction: rules + tagger (default)', `${results.extractRulesTaggerMBps} MB/s (${results.extractRatioVsRawCompromise}× raw)`],
    ['extraction: rules + compromise', `${results.extractRulesCompromiseMBps} MB/s`],
    [
      'annotate --jobs 1',
      `${results.annotateJobs1MBps} MB/s (${results.ratioVsRawCompromise}× raw, ${results.ratioVsRawCompromiseWithDates}× raw with dates)`,
    ],
    ['annotate --jobs 2', `${results.annotateJobs2MBps} MB/s (${results.jobs2Speedup}× jobs 1)`],
    ['re-run, nothing changed', `${results.rerunSeconds} s (${(results.rerunShareOfFullRun * 100).toFixed(1)}% of the full run)`],
    ['re-annotate, sidecars there (--force)', `${results.reannotateSeconds} s (${results.reannotateVsFreshRun}× the fresh run)`],
    ['80 small texts, --jobs 1 / --jobs 2', `${results.smallTextsJobs1Seconds} s / ${results.smallTextsJobs2Seconds} s`],
    ['check, with the run cache', `${results.checkMBps} MB/s`],
    ['check, no cache (fresh clone)', `${results.checkNoCacheMBps} MB/s`],
    ['peak RSS', `jobs 1: ${results.peakRssMB.jobs1} MB, jobs 2: ${results.peakRssMB.jobs2} MB`],
    ...Object.entries(results.longText ?? {}).map(([size, c]) => [
      `one ${size} text, annotate --jobs 1`,
      c.finished
        ? `peak RSS ${c.peakRssMB} MB, wall ${c.wallSeconds} s, cpu ${c.cpuSeconds} s`
        : `not finished (peak RSS ${c.peakRssMB} MB)`,
    ]),
    ['--help start-up', `${results.helpStartMs.toFixed(0)} ms vs node -e 0 ${results.nodeStartMs.toFixed(0)} ms (${results.helpVsNode}×)`],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(46)} ${v}`);
  console.log(JSON.stringify(results));
}

// 4. With --memory: peak memory of `annotate --jobs 1` on a 20 MB and a 100 MB corpus.
if (process.argv.includes('--memory')) {
  const peaks = {};
  for (const size of [20, 100]) {
    const corpus = buildCorpus(size);
    peaks[size] = timeCommand(corpus.dir, 'annotate', '--jobs', '1', '--stats').peakRssMB;
    rmSync(corpus.dir, { recursive: true, force: true });
  }
  console.log(
    `peak RSS, annotate --jobs 1: 20 MB corpus ${peaks[20]} MB, 100 MB corpus ${peaks[100]} MB (${((peaks[100] / peaks[20] - 1) * 100).toFixed(1)}% more)`,
  );
}

// 5. With --train: `train` on 80 and 400 reviewed documents (FRUS training texts, annotated, then marked reviewed).
if (process.argv.includes('--train')) {
  const frus = join(root, '../shared/train/frus');
  if (!existsSync(frus)) console.log('train bench skipped: ../shared/train/frus is not beside the repository');
  else
    for (const n of [80, 400]) {
      const dir = mkdtempSync(join(tmpdir(), 'marginalia-train-'));
      mkdirSync(join(dir, 'corpus'));
      writeFileSync(join(dir, 'marginalia.config.yaml'), '');
      for (const f of readdirSync(frus)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .slice(0, n))
        cpSync(join(frus, f), join(dir, 'corpus', f));
      spawnSync(process.execPath, [bin, 'annotate', '--jobs', '2'], { cwd: dir });
      spawnSync(process.execPath, [bin, 'review', '--all', '--by', 'bench'], { cwd: dir });
      // GNU time gives the peak memory of the child; without it, the time alone. On one core, as the issue asks.
      const gnuTime = existsSync('/usr/bin/time');
      const oneCore = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', '-c', '0'] : [];
      const command = [...(gnuTime ? ['/usr/bin/time', '-f', '%M'] : []), ...oneCore, process.execPath, bin, 'train'];
      const start = performance.now();
      const r = spawnSync(command[0], command.slice(1), { cwd: dir, encoding: 'utf8' });
      const seconds = (performance.now() - start) / 1000;
      if (r.status !== 0 && r.status !== 1)
        throw new Error(`train on ${n} documents failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
      const peak = gnuTime ? Math.round(Number(r.stderr.trim().split('\n').pop()) / 1024) : undefined;
      console.log(
        `train, ${n} reviewed documents${oneCore.length ? ', one core' : ''}: ${seconds.toFixed(1)} s${peak ? `, peak RSS ${peak} MB` : ''}`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
}
