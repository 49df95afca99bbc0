import { featurize, lexiconSets, SLOTS, slotsUsed, type Hint, type Lexicon, type LexiconSets } from './features.js';
import { L, LABELS, emissions, type Model } from './model.js';
import { viterbi } from './decode.js';
import { tokenize, type Tokens } from './tokens.js';
import type { PeriodTable } from './period.js';

/** A text with its gold spans; a `partial` text's unlabelled capitalized words are not negatives. */
export interface TrainingText {
  text: string;
  spans: { type: string; start: number; end: number }[];
  partial: boolean;
  hints: Hint[];
  /** Capitalized words inside spans dropped from the gold (common-noun mentions): not negatives either. */
  unsure?: { start: number; end: number }[];
  /**
   * Types whose gold is complete in a partial text (a FRUS volume's every persName and its other
   * mentions: `person`): an unlabelled capitalized word may be anything else, but none of these.
   */
  completeTypes?: readonly string[];
  /** Spans a person rejected as their type: whatever else they are, not that (`Turks` is no person). */
  rejected?: { type: string; start: number; end: number }[];
  /** How much an error here moves the weights (1 unless said): a reviewed document weighs more than a decision. */
  weight?: number;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Feature buckets, a power of two. */
  buckets: number;
  /**
   * Partial gold: `latent` lets the model fill the unlabelled capitalized words; `complete` keeps only
   * the sentences whose capitalized words (the first aside) are all labelled, the rest being O.
   */
  partial: 'latent' | 'complete';
  onEpoch?: (epoch: number, errors: number, sentences: number) => void;
  /** A model to adapt: its weights are where training starts (its buckets, lexicon and period table are kept). */
  start?: Model;
  /**
   * Where the model's guess for a partly known token is ruled out (`not a person`), only lower
   * the guess: who says "not a person" has not said "a place", nor "no name". Adapting a
   * project's model needs it, or gold complete for one type teaches the others.
   */
  ruledOutOnlyLowered?: boolean;
}

const ALL = (1 << L) - 1;

const labelIndex = (label: string) => LABELS.indexOf(label as (typeof LABELS)[number]);
/** Every label but those of the given types. */
const allBut = (types: readonly string[]) =>
  types.reduce((mask, t) => mask & ~(1 << labelIndex(`B-${t}`)) & ~(1 << labelIndex(`I-${t}`)), ALL);

/** Per token, the labels the gold allows, as bit masks: one label where it is known, several where not. */
function allowedLabels(tokens: Tokens, item: TrainingText): Uint8Array {
  const allowed = new Uint8Array(tokens.count).fill(1 << labelIndex('O'));
  const free = (i: number) => /^\p{Lu}/u.test(tokens.text.slice(tokens.starts[i]!, tokens.ends[i]!));
  const open = item.completeTypes ? allBut(item.completeTypes) : ALL;
  if (item.partial) for (let i = 0; i < tokens.count; i++) if (free(i)) allowed[i] = open;
  for (const u of item.unsure ?? [])
    for (let i = 0; i < tokens.count; i++) if (tokens.starts[i]! >= u.start && tokens.ends[i]! <= u.end && free(i)) allowed[i] = ALL;
  for (const span of item.spans) {
    let first = true;
    for (let i = 0; i < tokens.count; i++) {
      if (tokens.ends[i]! <= span.start || tokens.starts[i]! >= span.end) continue;
      allowed[i] = 1 << labelIndex(`${first ? 'B' : 'I'}-${span.type}`);
      first = false;
    }
  }
  for (const r of item.rejected ?? []) {
    const not = ~((1 << labelIndex(`B-${r.type}`)) | (1 << labelIndex(`I-${r.type}`))) & ALL;
    for (let i = 0; i < tokens.count; i++) if (tokens.starts[i]! < r.end && tokens.ends[i]! > r.start) allowed[i] = allowed[i]! & not || 1;
  }
  // Between two free words, a lower-case joiner may belong to the name (`Embassy in Vietnam`).
  if (item.partial)
    for (let i = 1; i + 1 < tokens.count; i++)
      if (allowed[i] === 1 && allowed[i - 1] === open && allowed[i + 1] === open) allowed[i] = open;
  return allowed;
}

/** Per token, whether the guess is ruled out where several labels stay allowed (a type declared complete, a rejection). */
function ruledOut(allowed: Uint8Array, guess: Uint8Array): Uint8Array | undefined {
  let out: Uint8Array | undefined;
  for (let i = 0; i < allowed.length; i++) {
    const mask = allowed[i]!;
    if ((mask & (mask - 1)) === 0 || mask & (1 << guess[i]!)) continue;
    (out ??= new Uint8Array(allowed.length))[i] = 1;
  }
  return out;
}

/** A small, seeded generator (mulberry32): the same seed, the same order, the same model. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sentence {
  features: Uint32Array;
  allowed: Uint8Array;
  weight: number;
}

/** Move the weights of a sentence's features toward (`delta` 1) or away from (-1) a label sequence, remembering the step for averaging. */
function update(
  at: {
    model: Model;
    totalWeights: Float64Array;
    totalTransitions: Float64Array;
    features: Uint32Array;
    used: number;
    mask: number;
    step: number;
  },
  labels: Uint8Array,
  delta: number,
  skip?: Uint8Array,
): void {
  const { model, totalWeights, totalTransitions, features, used, mask, step } = at;
  for (let i = 0; i < labels.length; i++) {
    if (skip?.[i]) continue;
    const y = labels[i]!;
    for (let k = 0; k < used; k++) {
      const w = (features[i * SLOTS + k]! & mask) * L + y;
      model.weights[w]! += delta;
      totalWeights[w]! += delta * step;
    }
    const t = (i === 0 ? L : labels[i - 1]!) * L + y;
    model.transitions[t]! += delta;
    totalTransitions[t]! += delta * step;
  }
}

/** The training sentences: features and allowed labels of each sentence that has a capital (and, with `partial: complete`, no unknown word). */
function sentencesOf(texts: readonly TrainingText[], sets: LexiconSets, options: TrainOptions): Sentence[] {
  const sentences: Sentence[] = [];
  for (const item of texts) {
    const tokens = tokenize(item.text, sets.abbreviations);
    const features = featurize(tokens, sets, item.hints);
    const allowed = allowedLabels(tokens, item);
    for (let s = 0; s + 1 < tokens.sentences.length; s++) {
      const from = tokens.sentences[s]!;
      const to = tokens.sentences[s + 1]!;
      // A sentence without a capital teaches nothing about names: leave it out, for time.
      let capital = false;
      for (let i = from; i < to && !capital; i++) capital = /^\p{Lu}/u.test(item.text[tokens.starts[i]!]!);
      if (!capital) continue;
      if (item.partial && options.partial === 'complete') {
        let open = false;
        for (let i = from + 1; i < to && !open; i++) open = allowed[i] === ALL;
        if (open) continue;
        if (allowed[from] === ALL) allowed[from] = 1;
      }
      sentences.push({ features: features.slice(from * SLOTS, to * SLOTS), allowed: allowed.slice(from, to), weight: item.weight ?? 1 });
    }
  }
  return sentences;
}

/**
 * A structured averaged perceptron: for each sentence, decode; where the decoded labels differ
 * from the best labels the gold allows, move the weights toward the latter. With partial gold
 * this is the latent-variable perceptron: unknown labels are filled by the model itself.
 */
export function train(texts: readonly TrainingText[], lexicon: Lexicon, options: TrainOptions, period?: PeriodTable): Model {
  const sentences = sentencesOf(texts, lexiconSets(lexicon, period), options);
  const start = options.start;
  const model: Model = {
    buckets: start?.buckets ?? options.buckets,
    weights: start ? Float32Array.from(start.weights) : new Float32Array(options.buckets * L),
    transitions: start ? Float32Array.from(start.transitions) : new Float32Array((L + 1) * L),
    lexicon,
    trainedOn: {},
    ...(period ? { period } : {}),
  };
  // Averaging: `total` holds each update times the step it was made at.
  const totalWeights = new Float64Array(model.weights.length);
  const totalTransitions = new Float64Array(model.transitions.length);
  const mask = model.buckets - 1;
  const used = slotsUsed(!!period);
  let step = 1;
  const next = random(options.seed);
  const order = sentences.map((_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (const index of order) {
      const { features, allowed, weight } = sentences[index]!;
      const n = allowed.length;
      const scores = emissions(model, features, 0, n);
      const guess = viterbi(scores, model.transitions);
      const gold = viterbi(scores, model.transitions, allowed);
      const unknown = options.ruledOutOnlyLowered ? ruledOut(allowed, guess) : undefined;
      let wrong = false;
      for (let i = 0; i < n; i++) if (guess[i] !== gold[i]) wrong = true;
      if (wrong) {
        errors++;
        const at = { model, totalWeights, totalTransitions, features, used, mask, step };
        // A ruled-out guess is lowered; nothing is raised in its place.
        update(at, gold, weight, unknown);
        update(at, guess, -weight);
      }
      step++;
    }
    options.onEpoch?.(epoch, errors, order.length);
  }
  for (let i = 0; i < model.weights.length; i++) model.weights[i] = model.weights[i]! - totalWeights[i]! / step;
  for (let i = 0; i < model.transitions.length; i++) model.transitions[i] = model.transitions[i]! - totalTransitions[i]! / step;
  return model;
}

/**
 * The start model's weights plus this share of what adaptation moved them (an L2-like pull
 * back to the shipped model): a few dozen documents move the general features too far, and
 * confident names of other documents vanish. `train` chooses the share by cross-validation.
 */
export function pulled(adapted: Model, start: Model, keep: number): Model {
  if (keep === 1) return adapted;
  const mix = (a: Float32Array, s: Float32Array) => a.map((w, i) => s[i]! + keep * (w - s[i]!));
  return { ...adapted, weights: mix(adapted.weights, start.weights), transitions: mix(adapted.transitions, start.transitions) };
}

/** The adapted model leaving the types nobody taught it (no review vouched for them, no one decided any) to the start model. */
export function leaving(model: Model, start: Model, types: readonly string[]): Model {
  return types.length ? { ...model, leaves: { to: start, types } } : model;
}
