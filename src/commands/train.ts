import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sha256Hex } from '../core/document.js';
import { ExitError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Config } from '../io/config.js';
import { setConfigValue } from '../io/config-edit.js';
import { absolute } from '../io/project.js';
import type { LearnedConvention } from '../learning/conventions.js';
import { crossValidate, pipelineAnnotator, type CrossValidation } from '../learning/cross-validate.js';
import { curatedExamples, TAGGER_TYPES, untaughtTypes, type Example, type Uncurated } from '../learning/examples.js';
import { describeConvention, type Convention } from '../pipeline/conventions.js';
import { projectOf } from '../pipeline/project.js';
import { loadModel, serializeModel, shippedModelSha256, type Model } from '../tagger/model.js';
import { tagText, type TaggedSpan } from '../tagger/tag.js';
import { leaving, pulled, train } from '../tagger/train.js';

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

export interface TrainResult extends Omit<CrossValidation, 'conventions'> {
  /** Texts trained on: reviewed ones (complete), and others with decisions (partial), and those decisions. */
  reviewed: number;
  curated: number;
  decisions: number;
  /** What the reviews taught of the project's names and rules, with what each gained over them. */
  conventions: { convention: Convention; description: string; gain: LearnedConvention['gain'] }[];
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

/**
 * Adapt the project's model to its own curated texts: reviewed sidecars are complete gold for
 * the types they name; elsewhere accepted and human entries are positives and rejected ones
 * negatives (weighing less), the rest unknown. Cross-validates the whole pipeline first, learns
 * the project's conventions from the held-out output, and refuses a worse model.
 */
export async function trainProject(options: TrainProjectOptions): Promise<TrainResult> {
  const { config, onProgress } = options;
  const project = projectOf(config);
  if (!project.model) throw new ExitError('train adapts the tagger: set `ner: tagger` in the config');
  const inUse = loadModel(project.model.path);
  const { model: start, sha256: startSha256 } = startingModel(inUse, project.model.sha256);
  const { examples, others } = await curatedExamples(config, onProgress);
  const reviewed = examples.filter((e) => e.complete.length > 0);
  if (reviewed.length < 2)
    throw new ExitError(`train needs at least 2 reviewed documents (there are ${reviewed.length}): see \`marginalia review\``);
  const settings = {
    epochs: options.epochs ?? 4,
    seed: options.seed ?? 1,
    buckets: start.buckets,
    partial: 'latent' as const,
    start,
    ruledOutOnlyLowered: true,
  };
  const k = Math.min(options.folds ?? 5, reviewed.length);
  const annotate = pipelineAnnotator(config);
  const cv = await crossValidate(examples, reviewed, k, { model: inUse, conventions: project.conventions }, settings, annotate, onProgress);
  const rejected = rejectedStrings(examples);
  if (rejected.length) onProgress?.(`never to be tagged again (rejected in ${REJECTED_IN}+ texts, kept in none): ${rejected.join(', ')}`);
  const summary = {
    ...cv,
    reviewed: reviewed.length,
    curated: examples.length - reviewed.length,
    decisions: examples.reduce((n, e) => n + e.decisions, 0),
    conventions: cv.conventions.map((l) => ({ convention: l.convention, description: describeConvention(l.convention), gain: l.gain })),
    rejected,
    messages: [] as Message[],
  };
  if (cv.micro.after.f1 < cv.micro.before.f1 && !options.force) return { ...summary, refused: 'worse' };
  onProgress?.('training on every curated document');
  const untaught = untaughtTypes(examples);
  const model: Model = leaving(pulled(train(examples, start.lexicon, settings, start.period), start, cv.keep), start, untaught);
  const drift = driftOn(others, inUse, model, examples);
  const moved = drift.filter((d) => !d.vouched && d.changed > DRIFT * Math.max(d.before, 1));
  if (moved.length && !options.force) return { ...summary, drift, refused: 'drift' };
  if (options.dryRun) return { ...summary, drift, dryRun: true };
  model.trainedOn = {
    adaptedFrom: startSha256,
    reviewed: reviewed.length,
    curated: examples.length - reviewed.length,
    decisions: summary.decisions,
    epochs: settings.epochs,
    seed: settings.seed,
    keep: cv.keep,
    leaves: untaught,
    rejected,
    conventions: cv.conventions.map((l) => l.convention),
  };
  return { ...summary, drift, written: writeProjectModel(config, model, start) };
}

/**
 * Where adaptation starts: the model in use, unless \`train\` made it from the shipped one; then the
 * shipped one, so that training twice on the same sidecars gives the same model, not a model adapted twice.
 */
function startingModel(inUse: Model, sha256: string): { model: Model; sha256: string } {
  const shipped = shippedModelSha256();
  return inUse.trainedOn.adaptedFrom === shipped ? { model: loadModel(), sha256: shipped } : { model: inUse, sha256 };
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

function driftOn(others: readonly Uncurated[], base: Model, adapted: Model, examples: readonly Example[]): Drift[] {
  const vouched = new Set(examples.flatMap((e) => e.complete));
  const drift = new Map(
    TAGGER_TYPES.map((type) => [type as string, { type, before: 0, after: 0, changed: 0, vouched: vouched.has(type) }]),
  );
  const key = (s: TaggedSpan) => `${s.type}:${s.start}:${s.end}`;
  for (const doc of others) {
    const [a, b] = [base, adapted].map((m) => tagText(m, doc.text, doc.hints));
    // A span of a type nobody vouched for that a vouched type's span took over is no drift of its own.
    const changes = (from: readonly TaggedSpan[], to: readonly TaggedSpan[], count: 'before' | 'after') => {
      const kept = new Set(to.map(key));
      for (const x of from) {
        const d = drift.get(x.type)!;
        d[count]++;
        const taken = !d.vouched && to.some((y) => vouched.has(y.type) && y.start < x.end && x.start < y.end);
        if (!kept.has(key(x)) && !taken) d.changed++;
      }
    };
    changes(a!, b!, 'before');
    changes(b!, a!, 'after');
  }
  return [...drift.values()];
}

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
