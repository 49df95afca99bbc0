import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseBrat } from '../interop/brat.js';
import { decode } from '../io/decode.js';
import { Document, sha256Hex } from '../core/document.js';
import { ExitError } from '../core/errors.js';
import type { Extractor } from '../extract/index.js';
import { defaultConfig, type Config } from '../io/config.js';
import { annotateDocument } from '../pipeline/annotate-text.js';
import { runContext, type RunContext } from '../pipeline/context.js';
import { parseSidecar } from '../io/sidecar.js';
import { matchSpans, score, type Counts, type Score, type Span } from '../core/scoring.js';

export type { Counts, Score } from '../core/scoring.js';

export interface EvalOptions {
  gold: string;
  /** A folder of sidecars (`NAME.txt.yaml`) or brat files (`NAME.ann`) to score instead of annotating. */
  pred?: string;
  /** Only these gold types (default: all types of the gold). */
  types?: readonly string[];
  /** Types whose gold is incomplete: recall only. */
  recallOnly?: readonly string[];
  /** Gold type → our type, for gold sets that name types differently. */
  typeMap?: Readonly<Record<string, string>>;
  /** The project's config: annotate's engine and span policy are what is measured (default: the defaults). */
  config?: Config;
  extractors?: readonly Extractor[];
  onFile?: (done: number, total: number, name: string) => void;
}

export interface TypeScore extends Counts {
  type: string;
  recallOnly: boolean;
  strictScore: Score;
  fuzzyScore: Score;
}

export interface EvalResult {
  documents: number;
  /** What made the predictions: the extractors and the span policy, or the folder they were read from. */
  predictions: { from: string; extractors?: string[]; personTitles?: Config['personTitles'] };
  types: TypeScore[];
  /** Micro average over the types scored with precision. */
  micro: TypeScore;
}

async function predictionsFor(name: string, text: Uint8Array, options: EvalOptions, context: RunContext): Promise<Span[]> {
  if (options.pred) {
    // Another tool's (or an export's) brat standoff beside a sidecar folder's YAML.
    const ann = join(options.pred, name.replace(/\.txt$/, '.ann'));
    if (existsSync(ann)) return parseBrat(readFileSync(ann, 'utf8'));
    const path = join(options.pred, `${name}.yaml`);
    if (!existsSync(path)) return [];
    const parsed = parseSidecar(path, readFileSync(path, 'utf8'));
    if (!parsed.value) throw new ExitError(`${path}: ${parsed.messages[0]?.message ?? 'invalid sidecar'}`);
    return parsed.value.entries.filter((e) => e.status !== 'rejected' && e.status !== 'orphaned');
  }
  const decoded = decode(text);
  if (!decoded.ok) throw new ExitError(`${name}: ${decoded.message}`);
  const doc = new Document(name, decoded.text, sha256Hex(text), decoded.encoding);
  const { sidecar } = await annotateDocument(doc, undefined, context);
  return sidecar.entries;
}

/** Precision, recall and F1 per type against brat standoff gold. */
export async function evaluate(options: EvalOptions): Promise<EvalResult> {
  if (!existsSync(options.gold)) throw new ExitError(`${options.gold}: no such folder`);
  const names = readdirSync(options.gold)
    .filter((n) => n.endsWith('.txt') && existsSync(join(options.gold, n.replace(/\.txt$/, '.ann'))))
    .sort();
  if (names.length === 0) throw new ExitError(`${options.gold}: no .txt files with .ann gold beside them`);
  const context = runContext(options.config ?? defaultConfig(), true, options.extractors);
  const recallOnly = new Set(options.recallOnly ?? []);
  const toOurs = (type: string) => options.typeMap?.[type] ?? type;
  const counts = new Map<string, Counts>();
  const row = (type: string) => counts.get(type) ?? (counts.set(type, { gold: 0, predicted: 0, strict: 0, fuzzy: 0 }), counts.get(type)!);
  const golds = names.map((name) =>
    parseBrat(readFileSync(join(options.gold, name.replace(/\.txt$/, '.ann')), 'utf8')).map((g) => ({ ...g, type: toOurs(g.type) })),
  );
  // One set of types for the whole gold: a document without gold of a type still counts its predictions of it,
  // so `--types` only chooses what is scored and never changes the predictions counted.
  const scoredTypes = options.types ? options.types.map(toOurs) : [...new Set(golds.flat().map((g) => g.type))];
  let done = 0;
  for (const [i, name] of names.entries()) {
    const gold = golds[i]!;
    const predicted = await predictionsFor(basename(name), readFileSync(join(options.gold, name)), options, context);
    for (const type of scoredTypes) {
      const g = gold.filter((s) => s.type === type);
      const p = predicted.filter((s) => s.type === type);
      const m = matchSpans(g, p);
      const c = row(type);
      c.gold += g.length;
      c.predicted += p.length;
      c.strict += m.strict;
      c.fuzzy += m.fuzzy;
    }
    options.onFile?.(++done, names.length, name);
  }
  const typeScore = (type: string, c: Counts, only: boolean): TypeScore => ({
    type,
    ...c,
    recallOnly: only,
    strictScore: score(c.strict, c.predicted, c.gold, only),
    fuzzyScore: score(c.fuzzy, c.predicted, c.gold, only),
  });
  const types = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([type, c]) => typeScore(type, c, recallOnly.has(type)));
  // Micro over the types scored in full; when every type is recall-only, micro recall over them all.
  const full = types.filter((t) => !t.recallOnly);
  const scored = full.length ? full : types;
  const sum = (k: keyof Counts) => scored.reduce((n, t) => n + t[k], 0);
  const micro = typeScore(
    'micro',
    { gold: sum('gold'), predicted: sum('predicted'), strict: sum('strict'), fuzzy: sum('fuzzy') },
    full.length === 0,
  );
  const predictions = options.pred
    ? { from: options.pred }
    : { from: 'annotate', extractors: context.extractors.map((e) => e.id), personTitles: context.config.personTitles };
  return { documents: names.length, predictions, types, micro };
}
