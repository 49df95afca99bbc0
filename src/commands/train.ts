import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { sidecarState } from '../core/currency.js';
import { dirname, join } from 'node:path';
import { sha256Hex, type Document } from '../core/document.js';
import { ExitError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import type { Entry } from '../core/schema.js';
import { evidenceExtractorsOf, extract } from '../extract/index.js';
import { prf } from '../core/scoring.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Config } from '../io/config.js';
import { setConfigValue } from '../io/config-edit.js';
import { absolute, collectTargets } from '../io/project.js';
import { readDocument, readSidecar } from '../io/read.js';
import { projectOf } from '../pipeline/project.js';
import { loadModel, serializeModel, type Model } from '../tagger/model.js';
import { tagText } from '../tagger/tag.js';
import { train, type TrainOptions, type TrainingText } from '../tagger/train.js';

const TYPES = ['person', 'place', 'org'] as const;
/** Where `train` writes the project's model, beside its period table. */
export const PROJECT_MODEL = 'models/tagger.bin';

export interface TrainProjectOptions {
  config: Config;
  folds?: number;
  epochs?: number;
  seed?: number;
  /** Write the model even when cross-validation says it is worse. */
  force?: boolean;
  /** Cross-validate and say what would be learned, writing nothing. */
  dryRun?: boolean;
  onProgress?: (message: string) => void;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

export interface TrainResult {
  /** Texts trained on: reviewed ones (complete), and others with decisions (partial). */
  reviewed: number;
  curated: number;
  folds: number;
  /** Cross-validated, on the reviewed texts: the model before (the one in use) and after adaptation. */
  scores: { type: string; gold: number; before: Score; after: Score }[];
  micro: { before: Score; after: Score };
  /** `type:text` rejected in reviewed texts and never kept as that type: never tagged so again. */
  rejected: string[];
  /**
   * Per type, the tagger's spans in the documents nobody curated, before and after: what the
   * new model would change where no one looked. `vouched`: some review holds the type complete.
   */
  drift?: Drift[];
  written?: string;
  /** Not written: cross-validation found it worse, or it moves a type nobody vouched for. */
  refused?: 'worse' | 'drift';
  dryRun?: boolean;
  messages: Message[];
}

interface Example extends TrainingText {
  path: string;
  /** The types a person declared complete here (a review, an import's `--complete`): scored in cross-validation. */
  complete: readonly string[];
}

/**
 * Adapt the project's model to its own curated texts: reviewed sidecars are complete gold for
 * people, places and organizations; elsewhere accepted and human entries are positives and
 * rejected ones negatives, the rest unknown. Cross-validates first and refuses a worse model.
 */
export async function trainProject(options: TrainProjectOptions): Promise<TrainResult> {
  const { config } = options;
  const project = projectOf(config);
  if (!project.model) throw new ExitError('train adapts the tagger: set `ner: tagger` in the config');
  const base = loadModel(project.model.path);
  const { examples, others } = await curatedExamples(config, options.onProgress);
  const reviewed = examples.filter((e) => e.complete.length > 0);
  if (reviewed.length < 2)
    throw new ExitError(`train needs at least 2 reviewed documents (there are ${reviewed.length}): see \`marginalia review\``);
  const settings = {
    epochs: options.epochs ?? 4,
    seed: options.seed ?? 1,
    buckets: base.buckets,
    partial: 'latent' as const,
    start: base,
    ruledOutOnlyLowered: true,
  };
  const k = Math.min(options.folds ?? 5, reviewed.length);
  const { scores, micro } = crossValidate(examples, reviewed, k, base, settings, options.onProgress);
  const rejected = rejectedStrings(examples);
  const messages: Message[] = [];
  if (rejected.length)
    options.onProgress?.(`never to be tagged again (rejected in ${REJECTED_IN}+ texts, kept in none): ${rejected.join(', ')}`);
  const summary = { reviewed: reviewed.length, curated: examples.length - reviewed.length, folds: k, scores, micro, rejected, messages };
  if (micro.after.f1 < micro.before.f1 && !options.force) return { ...summary, refused: 'worse' };
  options.onProgress?.('training on every curated document');
  const model: Model = train(examples, base.lexicon, settings, base.period);
  const drift = driftOn(others, base, model, examples);
  const moved = drift.filter((d) => !d.vouched && d.changed > DRIFT * Math.max(d.before, 1));
  if (moved.length && !options.force) return { ...summary, drift, refused: 'drift' };
  if (options.dryRun) return { ...summary, drift, dryRun: true };
  model.trainedOn = {
    adaptedFrom: project.model.sha256,
    reviewed: reviewed.length,
    curated: examples.length - reviewed.length,
    epochs: settings.epochs,
    seed: settings.seed,
    rejected,
  };
  return { ...summary, drift, written: writeProjectModel(config, model, base) };
}

/** k-fold over the reviewed examples: the model in use and the adapted one scored on each held-out fold, per type and micro. */
function crossValidate(
  examples: readonly Example[],
  reviewed: readonly Example[],
  k: number,
  base: Model,
  settings: TrainOptions,
  onProgress?: (message: string) => void,
): Pick<TrainResult, 'scores' | 'micro'> {
  const counts = new Map<string, { gold: number; before: [number, number]; after: [number, number] }>(
    TYPES.map((t) => [t, { gold: 0, before: [0, 0], after: [0, 0] }]),
  );
  for (let fold = 0; fold < k; fold++) {
    onProgress?.(`fold ${fold + 1}/${k}`);
    const held = new Set(reviewed.filter((_, i) => i % k === fold));
    const adapted = train(
      examples.filter((e) => !held.has(e)),
      base.lexicon,
      settings,
      base.period,
    );
    for (const e of held) {
      tally(counts, e, tagText(base, e.text, e.hints), 'before');
      tally(counts, e, tagText(adapted, e.text, e.hints), 'after');
    }
  }
  const scores = [...counts].map(([type, c]) => ({ type, gold: c.gold, before: score(c.before, c.gold), after: score(c.after, c.gold) }));
  const sum = (key: 'before' | 'after', i: 0 | 1) => [...counts.values()].reduce((n, c) => n + c[key][i], 0);
  const gold = [...counts.values()].reduce((n, c) => n + c.gold, 0);
  return {
    scores,
    micro: { before: score([sum('before', 0), sum('before', 1)], gold), after: score([sum('after', 0), sum('after', 1)], gold) },
  };
}

export interface Drift {
  type: string;
  before: number;
  after: number;
  /** Spans found by one model and not the other. */
  changed: number;
  vouched: boolean;
}

/** A type nobody vouched for may change in this share of its spans in uncurated documents before train refuses. */
const DRIFT = 0.1;

interface Uncurated {
  text: string;
  hints: TrainingText['hints'];
}

function driftOn(others: readonly Uncurated[], base: Model, adapted: Model, examples: readonly Example[]): Drift[] {
  const vouched = new Set(examples.flatMap((e) => e.complete));
  const drift = new Map(TYPES.map((type) => [type as string, { type, before: 0, after: 0, changed: 0, vouched: vouched.has(type) }]));
  for (const doc of others) {
    const spans = (m: Model) => new Set(tagText(m, doc.text, doc.hints).map((s) => `${s.type}:${s.start}:${s.end}`));
    const a = spans(base);
    const b = spans(adapted);
    const of = (key: string) => drift.get(key.slice(0, key.indexOf(':')))!;
    for (const x of a) {
      of(x).before++;
      if (!b.has(x)) of(x).changed++;
    }
    for (const x of b) {
      of(x).after++;
      if (!a.has(x)) of(x).changed++;
    }
  }
  return [...drift.values()];
}

/**
 * The project's texts with their curated entries, in corpus order (so the same sidecars give the
 * same model), and the others (nobody curated them: where the new model's changes go unseen).
 */
async function curatedExamples(
  config: Config,
  onProgress?: (message: string) => void,
): Promise<{ examples: Example[]; others: Uncurated[] }> {
  const rules = evidenceExtractorsOf(projectOf(config).extract);
  const examples: Example[] = [];
  const others: Uncurated[] = [];
  const hintsOf = async (doc: Document) => (await extract(doc, rules)).map(({ type, start, end, by }) => ({ type, start, end, by }));
  const targets = collectTargets(config, [], config.root);
  for (const [i, target] of targets.entries()) {
    const doc = readDocument(config, target.text).value;
    const sidecar = readSidecar(config, target.sidecar).value;
    if (!doc || !sidecar || sidecarState(sidecar, doc.sha256) === 'stale') continue;
    const named = sidecar.entries.filter((e) => (TYPES as readonly string[]).includes(e.type));
    // A review holds the types it names complete (all when it names none); decisions count everywhere.
    const complete: readonly string[] = sidecar.reviewed ? TYPES.filter((t) => sidecar.reviewed!.types?.includes(t) ?? true) : [];
    const decided = new Set(named.filter((e) => e.status === 'accepted' || e.status === 'rejected' || e.by === 'human'));
    if (complete.length === 0 && decided.size === 0) {
      others.push({ text: doc.text, hints: await hintsOf(doc) });
      continue;
    }
    const live = named.filter((e) => (complete.includes(e.type) || decided.has(e)) && e.status !== 'rejected' && e.status !== 'orphaned');
    onProgress?.(`reading ${i + 1}/${targets.length}: ${target.text}`);
    const hints = await hintsOf(doc);
    const partial = complete.length < TYPES.length;
    examples.push({
      path: target.text,
      complete,
      text: doc.text,
      spans: live.map((e) => utf16(doc, e)),
      rejected: named.filter((e) => e.status === 'rejected').map((e) => utf16(doc, e)),
      partial,
      ...(partial && complete.length ? { completeTypes: complete } : {}),
      hints,
    });
  }
  return { examples, others };
}

const utf16 = (doc: Document, e: Entry) => ({ type: e.type, start: doc.toIndex(e.start), end: doc.toIndex(e.end) });

function tally(
  counts: Map<string, { gold: number; before: [number, number]; after: [number, number] }>,
  example: Example,
  predicted: readonly { type: string; start: number; end: number }[],
  key: 'before' | 'after',
): void {
  const gold = new Set(example.spans.map((s) => `${s.type}:${s.start}:${s.end}`));
  // Only the types the example holds complete are scored: elsewhere a miss may be no error.
  for (const type of example.complete) {
    const c = counts.get(type)!;
    const mine = predicted.filter((p) => p.type === type);
    if (key === 'before') c.gold += example.spans.filter((s) => s.type === type).length;
    c[key][0] += mine.filter((p) => gold.has(`${p.type}:${p.start}:${p.end}`)).length;
    c[key][1] += mine.length;
  }
}

function score([matched, predicted]: [number, number], gold: number): Score {
  const { precision, recall, f1 } = prf(matched, predicted, gold);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Rejected in this many texts before a string is never tagged as that type again: once may be a slip. */
const REJECTED_IN = 2;

/**
 * Strings rejected as a type in several texts and never kept as that type in any. A rejection
 * is a person's decision (`reject`, `serve`, a deletion by hand) or follows from a type they
 * declared complete (`review`, `import --complete`): never from a type nobody vouched for.
 */
function rejectedStrings(examples: readonly Example[]): string[] {
  const kept = new Set(examples.flatMap((e) => e.spans.map((s) => `${s.type}:${e.text.slice(s.start, s.end)}`)));
  const texts = new Map<string, number>();
  for (const e of examples)
    for (const r of new Set((e.rejected ?? []).map((r) => `${r.type}:${e.text.slice(r.start, r.end)}`)))
      texts.set(r, (texts.get(r) ?? 0) + 1);
  return [...texts]
    .filter(([r, n]) => n >= REJECTED_IN && !kept.has(r))
    .map(([r]) => r)
    .sort();
}

/** The model in the project's models/ beside the period table it reads, and named in the config. */
function writeProjectModel(config: Config, model: Model, base: Model): string {
  const path = absolute(config, PROJECT_MODEL);
  mkdirSync(dirname(path), { recursive: true });
  const table = base.periodFile?.file;
  if (table) {
    const from = join(dirname(projectOf(config).model!.path), table);
    const to = join(dirname(path), table);
    if (from !== to && (!existsSync(to) || sha256Hex(readFileSync(to)) !== base.periodFile!.sha256)) copyFileSync(from, to);
  }
  writeFileAtomic(path, serializeModel(model));
  if (config.model !== PROJECT_MODEL) {
    setConfigValue(config.root, 'model', PROJECT_MODEL);
  }
  return PROJECT_MODEL;
}
