import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePeriod, type PeriodTable } from './period.js';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FEATURE_SET, SLOTS, slotsUsed, type Lexicon } from './features.js';

export const LABELS = ['O', 'B-person', 'I-person', 'B-place', 'I-place', 'B-org', 'I-org'] as const;
export const L = LABELS.length;

/** An averaged perceptron over hashed features, with label-transition weights for Viterbi decoding. */
export interface Model {
  /** Feature buckets (a power of two); weights are `buckets × L`. */
  buckets: number;
  weights: Float32Array;
  /** `(L + 1) × L`: from each label (the last row: the sentence start) to each label. */
  transitions: Float32Array;
  lexicon: Lexicon;
  /** Data, seed and epochs the model was trained with, for its card. */
  trainedOn: Record<string, unknown>;
  /** The period table the features read (models/period.bin beside the model, checked by its sha256). */
  period?: PeriodTable;
  /** The table's file name and sha256, as the header records them. */
  periodFile?: { file: string; sha256: string };
  /**
   * Types this model leaves to the model it was adapted from: no review vouched for them, so
   * their spans are that model's (`trainedOn.leaves` names them; only the shipped model is found again).
   */
  leaves?: { to: Model; types: readonly string[] };
}

/** Label scores of tokens `from`…`to` (exclusive) of a featurized text. */
export function emissions(model: Model, features: Uint32Array, from: number, to: number): Float32Array {
  const mask = model.buckets - 1;
  const scores = new Float32Array((to - from) * L);
  const used = slotsUsed(!!(model.period ?? model.periodFile));
  const weights = model.weights;
  const f = Math.fround;
  for (let i = from; i < to; i++) {
    // Seven sums, one per label of LABELS, in float32 (as a Float32Array would round them), in registers.
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0;
    for (let k = 0; k < used; k++) {
      const b = (features[i * SLOTS + k]! & mask) * L;
      s0 = f(s0 + weights[b]!);
      s1 = f(s1 + weights[b + 1]!);
      s2 = f(s2 + weights[b + 2]!);
      s3 = f(s3 + weights[b + 3]!);
      s4 = f(s4 + weights[b + 4]!);
      s5 = f(s5 + weights[b + 5]!);
      s6 = f(s6 + weights[b + 6]!);
    }
    const row = (i - from) * L;
    scores[row] = s0;
    scores[row + 1] = s1;
    scores[row + 2] = s2;
    scores[row + 3] = s3;
    scores[row + 4] = s4;
    scores[row + 5] = s5;
    scores[row + 6] = s6;
  }
  return scores;
}

const MAGIC = 'marginalia-tagger-1';

/**
 * The model as bytes (FORMAT.md): a JSON header, then the weights quantized to 16 bits and
 * the transitions as 32-bit floats, all gzipped. Same model, same bytes.
 */
export function serializeModel(model: Model): Buffer {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 32767 || 1;
  const quantized = new Int16Array(model.weights.length);
  for (let i = 0; i < quantized.length; i++) quantized[i] = Math.round(model.weights[i]! / scale);
  const header = Buffer.from(
    JSON.stringify({
      magic: MAGIC,
      features: FEATURE_SET,
      buckets: model.buckets,
      scale,
      ...(model.period ? { period: { file: model.periodFile?.file ?? 'period.bin', sha256: model.period.sha256 } } : {}),
      lexicon: model.lexicon,
      trainedOn: model.trainedOn,
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const body = Buffer.concat([length, header, Buffer.from(quantized.buffer), Buffer.from(model.transitions.buffer)]);
  return gzipSync(body, { level: 9 });
}

function headerOf(bytes: Buffer) {
  const body = gunzipSync(bytes);
  const headerLength = body.readUInt32LE(0);
  const header = JSON.parse(body.subarray(4, 4 + headerLength).toString('utf8'));
  if (header.magic !== MAGIC) throw new Error('not a marginalia tagger model');
  return { body, headerLength, header };
}

/**
 * What a model knows of words (its lexicon and period table), whatever feature set its weights
 * were trained for: the rules read it, and `npm run train` runs them before a model of the new set exists.
 */
export function wordKnowledgeOf(path: string | URL = SHIPPED_MODEL): Pick<Model, 'lexicon' | 'period' | 'periodFile'> {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  const { header } = headerOf(readFileSync(file));
  return withPeriod({ lexicon: header.lexicon, ...(header.period ? { periodFile: header.period } : {}) } as Model, file);
}

export function parseModel(bytes: Buffer): Model {
  const { body, headerLength, header } = headerOf(bytes);
  // A model reads features by slot: one trained for another feature set would read the wrong ones, silently.
  if (header.features !== FEATURE_SET)
    throw new Error(
      `the tagger model was trained for feature set ${header.features ?? '(none)'}, this marginalia computes ${FEATURE_SET}: retrain it (npm run train)`,
    );
  const offset = 4 + headerLength;
  const count = header.buckets * L;
  const quantized = new Int16Array(body.buffer.slice(body.byteOffset + offset, body.byteOffset + offset + count * 2));
  const weights = new Float32Array(count);
  for (let i = 0; i < count; i++) weights[i] = quantized[i]! * header.scale;
  const transitions = new Float32Array(
    body.buffer.slice(body.byteOffset + offset + count * 2, body.byteOffset + offset + count * 2 + (L + 1) * L * 4),
  );
  return {
    buckets: header.buckets,
    weights,
    transitions,
    lexicon: header.lexicon,
    trainedOn: header.trainedOn,
    ...(header.period ? { periodFile: header.period } : {}),
  };
}

/** The model with its period table, read from beside the model's file and checked against the header's sha256. */
export function withPeriod(model: Model, modelPath: string | URL): Model {
  if (!model.periodFile || model.period) return model;
  const path = join(dirname(typeof modelPath === 'string' ? modelPath : fileURLToPath(modelPath)), model.periodFile.file);
  const period = parsePeriod(readFileSync(path));
  if (period.sha256 !== model.periodFile.sha256)
    throw new Error(
      `${path}: sha256 ${period.sha256.slice(0, 12)}… is not the table the model was trained with (${model.periodFile.sha256.slice(0, 12)}…)`,
    );
  return { ...model, period };
}

/** A project's model with the shipped model it leaves some types to, when its card says so. */
function withLeft(model: Model): Model {
  const types = model.trainedOn.leaves;
  if (!Array.isArray(types) || !types.length || typeof model.trainedOn.adaptedFrom !== 'string') return model;
  if (model.trainedOn.adaptedFrom !== shippedModelSha256()) return model;
  return { ...model, leaves: { to: loadModel(), types: types.filter((t): t is string => typeof t === 'string') } };
}

/** The model shipped with the package, in models/ at the package root. */
export const SHIPPED_MODEL = new URL('../../models/tagger.bin', import.meta.url);

let shippedSha256: string | undefined;
/** The sha256 of the shipped model's bytes (what a project model's `adaptedFrom` names), read once. */
export const shippedModelSha256 = (): string =>
  (shippedSha256 ??= createHash('sha256')
    .update(readFileSync(fileURLToPath(SHIPPED_MODEL)))
    .digest('hex'));

/** Models read, by path and the hash of their bytes: the project, the extractor and its workers' runs share one. */
const loaded = new Map<string, { sha256: string; model: Model }>();

export function loadModel(path: string | URL = SHIPPED_MODEL): Model {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const seen = loaded.get(file);
  if (seen?.sha256 === sha256) return seen.model;
  const model = withLeft(withPeriod(parseModel(bytes), file));
  loaded.set(file, { sha256, model });
  return model;
}
