#!/usr/bin/env node
// Train the name tagger shipped in models/tagger.bin from the openly licensed data in
// ../shared/train (LitBank CC BY 4.0; GUM's CC BY genres; FRUS, public domain). Never reads
// ../shared/eval. The same data and seed give the same bytes.
//   npm run train                       # writes models/tagger.bin
//   npm run train -- --data DIR --out FILE --epochs 8 --seed 1
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { isHeldOut } from './heldout.js';
import { arg, root } from './args.js';

const data = resolve(arg('data', join(root, '../shared/train')));
const out = resolve(arg('out', join(root, 'models/tagger.bin')));
const epochs = Number(arg('epochs', 8));
const seed = Number(arg('seed', 1));
const sources = arg('sources', 'litbank,gum,frus,frus-all').split(',');
// Documents taken from each volume of frus-all (persons complete there: a capital without a persName is no person).
const perVolume = Number(arg('frus-all-docs', 6));
const partial = arg('partial', 'complete');
// The period table (scripts/period-table.js): word clusters and casing of period text; `--period none` trains without.
const periodPath = arg('period', join(root, 'models/period.bin'));
if (/[\\/]eval(?:[\\/]|$)/.test(data)) throw new Error(`${data}: the evaluation data is never trained on`);
if (!existsSync(join(data, 'litbank')))
  throw new Error(`${data}: no training data here (give --data DIR, the folder of litbank/, gum/, frus/)`);

const { readLitBank, readGum, readFrus, readFrusAll } = await import(join(root, 'dist/training/corpora.js'));
const { train } = await import(join(root, 'dist/tagger/train.js'));
const { serializeModel } = await import(join(root, 'dist/tagger/model.js'));
const { buildLexicon, wordClasses } = await import(join(root, 'dist/tagger/lexicon.js'));
const { parsePeriod } = await import(join(root, 'dist/tagger/period.js'));
const { loadGazetteer, placeBands } = await import(join(root, 'dist/tagger/gazetteer.js'));
const period = periodPath === 'none' ? undefined : parsePeriod(readFileSync(resolve(periodPath)));
// compromise's word lists (first names, places, organizations, common words) become word classes in the model.
const nlp = (await import('compromise')).default;
const { extract, evidenceExtractorsFor, extractContext, rulePacks } = await import(join(root, 'dist/extract/index.js'));
const { Document } = await import(join(root, 'dist/core/document.js'));

const started = performance.now();
const files = (dir, suffix) =>
  readdirSync(join(data, dir))
    // The held-out FRUS volumes (scripts/heldout.js) are never trained on.
    .filter((f) => f.endsWith(suffix) && !isHeldOut(f))
    .sort();
// GUM's bio and voyage genres are CC BY-SA: left out, so that the model carries no share-alike terms.
const shareAlike = /^GUM_(?:bio|voyage)_/;
const all = [
  ...files('litbank', '.tsv').map((f) => ({ source: 'litbank', ...readLitBank(readFileSync(join(data, 'litbank', f), 'utf8')) })),
  ...files('gum', '.conllu')
    .filter((f) => !shareAlike.test(f))
    .map((f) => ({ source: 'gum', ...readGum(readFileSync(join(data, 'gum', f), 'utf8')) })),
  ...files('frus', '.txt').map((f) => ({
    source: 'frus',
    ...readFrus(readFileSync(join(data, 'frus', f), 'utf8'), readFileSync(join(data, 'frus', f.replace(/\.txt$/, '.ann')), 'utf8')),
  })),
];
if (sources.includes('frus-all')) {
  const inFrus = new Set(files('frus', '.txt').map((f) => f.replace(/\.txt$/, '')));
  for (const f of files('frus-all', '.jsonl.gz')) {
    const volume = gunzipSync(readFileSync(join(data, 'frus-all', f)))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    // Only volumes whose editors tagged persons throughout (some tag none: there, no name would be a person).
    let chars = 0;
    let persons = 0;
    for (const d of volume) {
      chars += d.text.length;
      persons += d.entities.filter((e) => e.type === 'person').length;
    }
    if (persons / chars < 5e-4) continue;
    // Documents of a readable size naming someone, not already in frus/, evenly spread through the volume.
    const eligible = volume.filter(
      (d) =>
        /-d\d+$/.test(d.id) &&
        !inFrus.has(d.id) &&
        d.text.length >= 1000 &&
        d.text.length <= 12000 &&
        d.entities.some((e) => e.type === 'person'),
    );
    const step = eligible.length / perVolume;
    const chosen = Array.from({ length: Math.min(perVolume, eligible.length) }, (_, k) => eligible[Math.floor(k * step)]);
    all.push(...readFrusAll(volume, chosen).map((t) => ({ source: 'frus-all', ...t })));
  }
}
const texts = all.filter((t) => sources.includes(t.source));
// The rules' spans are the tagger's evidence (stacking): made here as annotate makes them.
const packs = rulePacks();
const rules = evidenceExtractorsFor(packs);
for (const [i, t] of texts.entries()) {
  t.hints = (await extract(new Document(`t${i}.txt`, t.text), rules)).map(({ type, start, end, by }) => ({ type, start, end, by }));
}
const lexicon = buildLexicon(
  texts.map((t) => t.text),
  extractContext(packs),
  wordClasses(nlp.model().one.lexicon),
  // GeoNames' one-word place names (models/gazetteer.tsv.gz) and their sizes: a feature, as the word lists are.
  placeBands(loadGazetteer()),
);
const count = (source) => texts.filter((t) => t.source === source).length;
const model = train(
  texts,
  lexicon,
  {
    epochs,
    seed,
    buckets: 1 << 18,
    partial,
    onEpoch: (epoch, errors, sentences) => process.stderr.write(`epoch ${epoch}: ${errors} of ${sentences} sentences wrong\n`),
  },
  period,
);
model.trainedOn = {
  litbank: count('litbank'),
  gum: count('gum'),
  frus: count('frus'),
  'frus-all': count('frus-all'),
  partial,
  epochs,
  seed,
  buckets: 1 << 18,
  ...(period ? { period: period.builtFrom } : {}),
};
// The table is read from beside the model: written there too when the model goes elsewhere.
if (period && resolve(dirname(out), 'period.bin') !== resolve(periodPath))
  writeFileSync(join(dirname(out), 'period.bin'), readFileSync(resolve(periodPath)));
const bytes = serializeModel(model);
writeFileSync(out, bytes);
process.stderr.write(
  `wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${texts.length} texts, ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
