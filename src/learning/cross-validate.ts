import { matchSpans, prf } from '../core/scoring.js';
import { extractorsOf } from '../extract/index.js';
import type { Config } from '../io/config.js';
import { annotateDocument } from '../pipeline/annotate-text.js';
import { runContext } from '../pipeline/context.js';
import { applyConventions, type Convention, type ConventionSpan } from '../pipeline/conventions.js';
import { projectOf } from '../pipeline/project.js';
import type { Model } from '../tagger/model.js';
import { leaving, pulled, train, type TrainOptions } from '../tagger/train.js';
import { learnConventions, type LearnedConvention } from './conventions.js';
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
    .reduce((best, x) => (sum(scoresOf(reviewed, before, held.get(x)!)) > sum(scoresOf(reviewed, before, held.get(best)!)) ? x : best));
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
  const better = sum(withConventions) > sum(without);
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
  type Tally = { gold: number; before: [number, number, number]; after: [number, number, number] };
  const tallies = new Map<string, Tally>();
  const documents = { better: 0, worse: 0 };
  for (const e of examples) {
    const utility = { before: 0, after: 0 };
    for (const type of e.scored) {
      const t = tallies.get(type) ?? { gold: 0, before: [0, 0, 0], after: [0, 0, 0] };
      tallies.set(type, t);
      const gold = e.gold.filter((g) => g.type === type);
      t.gold += gold.length;
      for (const [key, spans] of [
        ['before', before],
        ['after', after],
      ] as const) {
        const mine = spans.get(e)!.filter((p) => p.type === type);
        const { strict, fuzzy } = matchSpans(gold, mine);
        t[key][0] += strict;
        t[key][1] += fuzzy;
        t[key][2] += mine.length;
        utility[key] += 2 * strict + 2 * fuzzy - 2 * mine.length;
      }
    }
    if (utility.after > utility.before) documents.better++;
    if (utility.after < utility.before) documents.worse++;
  }
  const all = [...tallies.values()];
  const gold = all.reduce((n, t) => n + t.gold, 0);
  const micro = (key: 'before' | 'after', i: 0 | 1) =>
    score(
      all.reduce((n, t) => n + t[key][i], 0),
      all.reduce((n, t) => n + t[key][2], 0),
      gold,
    );
  return {
    scores: [...tallies].map(([type, t]) => ({
      type,
      gold: t.gold,
      before: score(t.before[0], t.before[2], t.gold),
      after: score(t.after[0], t.after[2], t.gold),
    })),
    micro: { before: micro('before', 0), after: micro('after', 0) },
    fuzzy: { before: micro('before', 1), after: micro('after', 1) },
    documents,
  };
}

function score(matched: number, predicted: number, gold: number): Score {
  const { precision, recall, f1 } = prf(matched, predicted, gold);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const sum = (s: Scores) => s.micro.after.f1 + s.fuzzy.after.f1;
