#!/usr/bin/env node
// The learning curve of `train`: for each k, a scratch project of a gold folder's texts in which
// the first k (in name order, after rotating the list) are imported as reviewed, `train` run as a
// user runs it (a model it refuses is not written), and the other texts scored before and after.
// The gold is only measured against, in scratch folders under the system's temp directory.
//   npm run curve -- --gold ../shared/eval/hipe-dev --types person,place,org,date,work --declare work --k 10,20,40 --rotate 0,40
//   npm run curve -- --gold ../shared/eval/topres-dev --types place --declare building --k 10,17 --rotate 0,17 --json
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { arg, root } from './args.js';

const bin = join(root, 'bin/marginalia.js');
const goldArg = arg('gold');
if (!goldArg) throw new Error('give --gold DIR, a folder of NAME.txt + NAME.ann (brat standoff)');
const gold = resolve(goldArg);
const types = arg('types', 'person,place,org');
// Types of the gold that are no built-in type of marginalia (`work`, `building`): declared in the scratch config.
const declare = arg('declare', '');
const ks = arg('k', '10,20,40').split(',').map(Number);
const rotations = arg('rotate', '0').split(',').map(Number);
const json = process.argv.includes('--json');

const run = (cwd, ...args) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status === null || r.status > 1) throw new Error(`marginalia ${args.join(' ')} failed in ${cwd}: ${r.stderr.trim()}`);
  return r;
};
const micro = (cwd, goldDir) => {
  const r = JSON.parse(run(cwd, 'eval', '--gold', goldDir, '--types', types, '--format', 'json').stdout);
  return { strict: r.micro.strictScore.f1, fuzzy: r.micro.fuzzyScore.f1 };
};

const texts = readdirSync(gold)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const points = [];
for (const rotation of rotations) {
  const order = [...texts.slice(rotation), ...texts.slice(0, rotation)];
  for (const k of ks) {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-curve-'));
    // A project as `init` starts it, with the gold's other types declared.
    run(dir, 'init');
    const config = join(dir, 'marginalia.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^types: \[\]/m, `types: [${declare}]`));
    const heldOut = join(dir, 'held-out');
    mkdirSync(heldOut);
    for (const [i, f] of order.entries()) {
      copyFileSync(join(gold, f), join(dir, 'corpus', f));
      if (i >= k)
        for (const ext of ['.txt', '.ann']) copyFileSync(join(gold, basename(f, '.txt') + ext), join(heldOut, basename(f, '.txt') + ext));
    }
    run(dir, 'annotate', '--jobs', '2');
    const before = micro(dir, heldOut);
    for (const f of order.slice(0, k))
      run(
        dir,
        'import',
        join(gold, basename(f, '.txt') + '.ann'),
        '--from',
        'brat',
        '--text',
        `corpus/${f}`,
        '--complete',
        types,
        '--by',
        'gold',
      );
    const trained = run(dir, 'train', '--format', 'json');
    const result = JSON.parse(trained.stdout);
    run(dir, 'annotate', '--jobs', '2');
    const after = micro(dir, heldOut);
    points.push({
      rotation,
      k,
      scored: texts.length - k,
      before,
      after,
      written: Boolean(result.written),
      refused: result.refused,
      keep: result.keep,
      conventions: result.conventions.length,
    });
    if (!json)
      console.log(
        `k=${String(k).padStart(3)} rotate ${rotation}: strict ${before.strict.toFixed(3)} -> ${after.strict.toFixed(3)}, fuzzy ${before.fuzzy.toFixed(3)} -> ${after.fuzzy.toFixed(3)} on ${texts.length - k} texts (${result.written ? `model written, keeps ${result.keep}, ${result.conventions.length} conventions` : `refused: ${result.refused}`})`,
      );
    rmSync(dir, { recursive: true, force: true });
  }
}
if (json) console.log(JSON.stringify(points, null, 2));
