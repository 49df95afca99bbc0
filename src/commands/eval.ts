import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { sidecarState } from '../core/currency.js';
import { basename, join, relative } from 'node:path';
import { parseBrat } from '../interop/brat.js';
import { decode } from '../io/decode.js';
import { Document, sha256Hex } from '../core/document.js';
import { ExitError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { evalPredictionSkipped } from '../rules/runs.js';
import { report } from '../rules/rule.js';
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
  /** Paths in messages are relative to this folder (default: the process's). */
  cwd?: string;
}

export interface TypeScore extends Counts {
  type: string;
  recallOnly: boolean;
  strictScore: Score;
  fuzzyScore: Score;
}

export interface EvalResult {
  /** The documents scored: with `--pred`, the gold texts that have predictions made for them. */
  documents: number;
  /** The gold texts found. */
  goldDocuments: number;
  /** Gold texts left out: no prediction for them, or one made for another text. */
  messages: Message[];
  /** What made the predictions: the extractors and the span policy, or the folder they were read from. */
  predictions: { from: string; extractors?: string[]; personTitles?: Config['personTitles'] };
  types: TypeScore[];
  /** Micro average over the types scored with precision. */
  micro: TypeScore;
}

/** A document's predictions, or why it has none that can be scored. */
type Prediction = { spans: Span[] } | { missing: true } | { mismatch: { file: string; reason: string } };

/** Whether brat spans quote this text where they say (a fragment span's text joins its fragments with one space). */
function quotesText(spans: readonly (Span & { text?: string })[], text: string): boolean {
  const chars = [...text];
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return spans.every((s) => s.text === undefined || squash(chars.slice(s.start, s.end).join('')) === squash(s.text));
}

async function predictionsFor(name: string, bytes: Uint8Array, options: EvalOptions, context: RunContext): Promise<Prediction> {
  const decoded = decode(bytes);
  if (!decoded.ok) throw new ExitError(`${name}: ${decoded.message}`);
  if (options.pred) {
    // Another tool's (or an export's) brat standoff beside a sidecar folder's YAML.
    const ann = join(options.pred, name.replace(/\.txt$/, '.ann'));
    if (existsSync(ann)) {
      const spans = parseBrat(readFileSync(ann, 'utf8'));
      // brat carries no hash of its text: its quotes are the proof.
      return quotesText(spans, decoded.text) ? { spans } : { mismatch: { file: ann, reason: 'its spans do not quote this text' } };
    }
    const path = join(options.pred, `${name}.yaml`);
    if (!existsSync(path)) return { missing: true };
    const parsed = parseSidecar(path, readFileSync(path, 'utf8'));
    if (!parsed.value) throw new ExitError(`${path}: ${parsed.messages[0]?.message ?? 'invalid sidecar'}`);
    if (sidecarState(parsed.value, sha256Hex(bytes)) === 'stale') {
      return {
        mismatch: {
          file: path,
          reason: `its source.sha256 ${parsed.value.source.sha256.slice(0, 12)}… is not the text's ${sha256Hex(bytes).slice(0, 12)}…`,
        },
      };
    }
    return { spans: parsed.value.entries.filter((e) => e.status !== 'rejected' && e.status !== 'orphaned') };
  }
  const doc = new Document(name, decoded.text, sha256Hex(bytes), decoded.encoding);
  const { sidecar } = await annotateDocument(doc, undefined, context);
  return { spans: sidecar.entries };
}

/** How many names a message lists before it says how many more there are. */
const NAMES_SHOWN = 5;

const someNames = (names: readonly string[]) =>
  names.length > NAMES_SHOWN ? `${names.slice(0, NAMES_SHOWN).join(', ')}, … (${names.length - NAMES_SHOWN} more)` : names.join(', ');

/** Precision, recall and F1 per type against brat standoff gold. */
/** Add one document's gold and predicted spans, per type scored, to the counts. */
function count(counts: Map<string, Counts>, gold: readonly Span[], predicted: readonly Span[]): void {
  for (const [type, c] of counts) {
    const g = gold.filter((s) => s.type === type);
    const p = predicted.filter((s) => s.type === type);
    const m = matchSpans(g, p);
    c.gold += g.length;
    c.predicted += p.length;
    c.strict += m.strict;
    c.fuzzy += m.fuzzy;
  }
}

/** Per type, and micro over the types scored in full (over them all, recall only, when every type is recall-only). */
function scoresOf(counts: ReadonlyMap<string, Counts>, recallOnly: ReadonlySet<string>): { types: TypeScore[]; micro: TypeScore } {
  const typeScore = (type: string, c: Counts, only: boolean): TypeScore => ({
    type,
    ...c,
    recallOnly: only,
    strictScore: score(c.strict, c.predicted, c.gold, only),
    fuzzyScore: score(c.fuzzy, c.predicted, c.gold, only),
  });
  const types = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([type, c]) => typeScore(type, c, recallOnly.has(type)));
  const full = types.filter((t) => !t.recallOnly);
  const scored = full.length ? full : types;
  const sum = (k: keyof Counts) => scored.reduce((n, t) => n + t[k], 0);
  const micro = typeScore(
    'micro',
    { gold: sum('gold'), predicted: sum('predicted'), strict: sum('strict'), fuzzy: sum('fuzzy') },
    full.length === 0,
  );
  return { types, micro };
}

export async function evaluate(options: EvalOptions): Promise<EvalResult> {
  if (!existsSync(options.gold)) throw new ExitError(`${options.gold}: no such folder`);
  const names = readdirSync(options.gold)
    .filter((n) => n.endsWith('.txt') && existsSync(join(options.gold, n.replace(/\.txt$/, '.ann'))))
    .sort();
  if (names.length === 0) throw new ExitError(`${options.gold}: no .txt files with .ann gold beside them`);
  const context = runContext(options.config ?? defaultConfig(), true, options.extractors);
  const recallOnly = new Set(options.recallOnly ?? []);
  const toOurs = (type: string) => options.typeMap?.[type] ?? type;
  const golds = names.map((name) =>
    parseBrat(readFileSync(join(options.gold, name.replace(/\.txt$/, '.ann')), 'utf8')).map((g) => ({ ...g, type: toOurs(g.type) })),
  );
  // One set of types for the whole gold: a document without gold of a type still counts its predictions of it,
  // so `--types` only chooses what is scored and never changes the predictions counted.
  const scoredTypes = options.types ? options.types.map(toOurs) : [...new Set(golds.flat().map((g) => g.type))];
  const shown = (path: string) => relative(options.cwd ?? process.cwd(), path) || '.';
  const missing: string[] = [];
  const messages: Message[] = [];
  const counts = new Map<string, Counts>(scoredTypes.map((t) => [t, { gold: 0, predicted: 0, strict: 0, fuzzy: 0 }]));
  let documentsScored = 0;
  for (const [i, name] of names.entries()) {
    const textPath = join(options.gold, name);
    const prediction = await predictionsFor(basename(name), readFileSync(textPath), options, context);
    options.onFile?.(i + 1, names.length, name);
    // A text without its own predictions is left out, never scored as if nothing were predicted in it.
    if ('missing' in prediction) missing.push(name);
    else if ('mismatch' in prediction) {
      const { file, reason } = prediction.mismatch;
      messages.push(report(evalPredictionSkipped, 'mismatch', { file: shown(file) }, { text: shown(textPath), reason }));
    } else {
      documentsScored++;
      count(counts, golds[i]!, prediction.spans);
    }
  }
  if (missing.length) {
    const data = { count: missing.length, total: names.length, pred: shown(options.pred!), names: someNames(missing) };
    messages.unshift(report(evalPredictionSkipped, 'missing', { file: shown(options.pred!) }, data));
  }
  if (documentsScored === 0) {
    throw new ExitError(
      `${shown(options.pred!)}: no prediction for any of the ${names.length} gold texts in ${shown(options.gold)}: nothing to score`,
    );
  }
  const { types, micro } = scoresOf(counts, recallOnly);
  const predictions = options.pred
    ? { from: shown(options.pred) }
    : { from: 'annotate', extractors: context.extractors.map((e) => e.id), personTitles: context.config.personTitles };
  return { documents: documentsScored, goldDocuments: names.length, predictions, types, micro, messages };
}
