import { prf } from '../core/scoring.js';
import { extractorsOf } from '../extract/index.js';
import type { Config } from '../io/config.js';
import { annotateDocument } from '../pipeline/annotate-text.js';
import { runContext } from '../pipeline/context.js';
import { applyConventions, type Convention, type ConventionSpan } from '../pipeline/conventions.js';
import { projectOf } from '../pipeline/project.js';
import type { Model } from '../tagger/model.js';
import { leaving, pulled, train, type TrainOptions } from '../tagger/train.js';
import { learnConventions, type LearnedConvention } from './conventions.js';
import { countsOf, sum, utility, type Counts } from './counts.js';
import { untaughtTypes, type Example } from './examples.js';

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  /** Per type a review holds complete, strict: the model in use, and the adapted one with its conventions. */
  scores: { type: string; gold: number; before: Score; after: Score }[];
  micro: { before: Score; after: Score };
  fuzzy: { before: Score; after: Score };
  /** Reviewed documents the adapted model annotates better and worse (matches, strict and fuzzy, minus false alarms). */
  documents: { better: number; worse: number };
}

export interface CrossValidation extends Scores {
  folds: number;
  /** The share of what the reviews moved that the model keeps (tagger/train.ts `pulled`), chosen here among KEEPS. */
  keep: number;
  /** The adapted model without the conventions, micro strict and fuzzy F1: what the conventions add. */
  withoutConventions: { strict: number; fuzzy: number };
  /** Learned from every fold's held-out output; empty when cross-validation found they do not help. */
  conventions: LearnedConvention[];
}

/** The shares of adaptation tried: on hipe-dev (64 reviewed pages a fold) 0.7 scored best, FRUS and TopRes keep more. */
export const KEEPS = [0.5, 0.75, 1] as const;

/** What annotate would find in an example with this model and these conventions: spans of the types it is scored on. */
export type Annotator = (model: Model, conventions: readonly Convention[], example: Example) => Promise<ConventionSpan[]>;

/** The whole pipeline (rules, tagger, resolution, conventions) as annotate runs it, with a model in memory. */
export function pipelineAnnotator(config: Config): Annotator {
  const project = projectOf(config);
  const contexts = new WeakMap<Model, ReturnType<typeof runContext>>();
  return async (model, conventions, example) => {
    let context = contexts.get(model);
    if (!context) contexts.set(model, (context = runContext(config, true, extractorsOf({ ...project.extract, model }, 'tagger'))));
    const { sidecar } = await annotateDocument(example.doc, undefined, { ...context, conventions });
    const { doc } = example;
    return sidecar.entries
      .filter((e) => example.scored.includes(e.type))
      .map((e) => ({ type: e.type, start: doc.toIndex(e.start), end: doc.toIndex(e.end), by: e.by }));
  };
}

/**
 * k-fold over the reviewed examples, of the whole pipeline: each fold's documents annotated by
 * the model in use, and by a model adapted on the other folds (every curated example but these)
 * with the conventions learned from the other folds' held-out output. Conventions are kept only
 * when they score better so.
 */
export async function crossValidate(
  examples: readonly Example[],
  reviewed: readonly Example[],
  k: number,
  inUse: { model: Model; conventions: readonly Convention[] },
  settings: TrainOptions,
  annotate: Annotator,
  onProgress?: (message: string) => void,
): Promise<CrossValidation> {
  const untaught = untaughtTypes(examples);
  const before = new Map<Example, ConventionSpan[]>();
  const held = new Map(KEEPS.map((keep) => [keep, new Map<Example, ConventionSpan[]>()]));
  const foldOf = new Map(reviewed.map((e, i) => [e, i % k]));
  const start = settings.start!;
  for (let fold = 0; fold < k; fold++) {
    onProgress?.(`fold ${fold + 1}/${k}`);
    const out = reviewed.filter((e) => foldOf.get(e) === fold);
    const adapted = train(
      examples.filter((e) => !out.includes(e)),
      start.lexicon,
      settings,
      start.period,
    );
    for (const keep of KEEPS) {
      const model = leaving(pulled(adapted, start, keep), start, untaught);
      for (const e of out) held.get(keep)!.set(e, await annotate(model, [], e));
    }
    for (const e of out) before.set(e, await annotate(inUse.model, inUse.conventions, e));
  }
  // The share that scores best; the larger one when two tie.
  const keep = [...KEEPS]
    .reverse()
    .reduce((best, x) => (merit(scoresOf(reviewed, before, held.get(x)!)) > merit(scoresOf(reviewed, before, held.get(best)!)) ? x : best));
  return { ...withConventionsIfBetter(reviewed, before, held.get(keep)!, k, foldOf), keep };
}

/** The scores with conventions learned from the other folds' held-out output, if that scores better; the conventions from all of it. */
function withConventionsIfBetter(
  reviewed: readonly Example[],
  before: ReadonlyMap<Example, ConventionSpan[]>,
  held: ReadonlyMap<Example, ConventionSpan[]>,
  k: number,
  foldOf: ReadonlyMap<Example, number>,
): Omit<CrossValidation, 'keep'> {
  const learnOn = (docs: readonly Example[]) =>
    learnConventions(docs.map((e) => ({ text: e.text, predicted: held.get(e)!, gold: e.gold, types: e.scored })));
  const conventional = new Map<Example, ConventionSpan[]>();
  for (let fold = 0; fold < k; fold++) {
    const learned = learnOn(reviewed.filter((e) => foldOf.get(e) !== fold)).map((l) => l.convention);
    for (const e of reviewed) if (foldOf.get(e) === fold) conventional.set(e, applyConventions(e.text, held.get(e)!, learned));
  }
  const without = scoresOf(reviewed, before, held);
  const withConventions = scoresOf(reviewed, before, conventional);
  const better = merit(withConventions) > merit(without);
  return {
    folds: k,
    ...(better ? withConventions : without),
    withoutConventions: { strict: without.micro.after.f1, fuzzy: without.fuzzy.after.f1 },
    conventions: better ? learnOn(reviewed) : [],
  };
}

/** Strict per type and micro, fuzzy micro, of two annotations of the same examples against their gold. */
function scoresOf(
  examples: readonly Example[],
  before: ReadonlyMap<Example, ConventionSpan[]>,
  after: ReadonlyMap<Example, ConventionSpan[]>,
): Scores {
  const tallies = new Map<string, { before: Counts[]; after: Counts[] }>();
  const documents = { better: 0, worse: 0 };
  for (const e of examples) {
    const [was, is] = [before, after].map((spans) => e.scored.map((type) => countsOf(e.gold, spans.get(e)!, [type])));
    for (const [i, type] of e.scored.entries()) {
      const t = tallies.get(type) ?? { before: [], after: [] };
      tallies.set(type, t);
      t.before.push(was![i]!);
      t.after.push(is![i]!);
    }
    const change = utility(sum(is!)) - utility(sum(was!));
    if (change > 0) documents.better++;
    if (change < 0) documents.worse++;
  }
  const total = (key: 'before' | 'after') => sum([...tallies.values()].flatMap((t) => t[key]));
  const [was, is] = [total('before'), total('after')];
  return {
    scores: [...tallies].map(([type, t]) => {
      const [b, a] = [sum(t.before), sum(t.after)];
      return { type, gold: b.gold, before: score(b.strict, b.predicted, b.gold), after: score(a.strict, a.predicted, a.gold) };
    }),
    micro: { before: score(was.strict, was.predicted, was.gold), after: score(is.strict, is.predicted, is.gold) },
    fuzzy: { before: score(was.fuzzy, was.predicted, was.gold), after: score(is.fuzzy, is.predicted, is.gold) },
    documents,
  };
}

function score(matched: number, predicted: number, gold: number): Score {
  const { precision, recall, f1 } = prf(matched, predicted, gold);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
/** What a choice is judged by: strict plus fuzzy micro F1 after adaptation. */
const merit = (s: Scores) => s.micro.after.f1 + s.fuzzy.after.f1;
