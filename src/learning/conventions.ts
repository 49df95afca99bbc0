import { countsOf as counted, f1, sum, utility, type Counts } from './counts.js';
import { applyConvention, tokenAt, tokensOf, type Convention, type ConventionSpan, type Tokens } from '../pipeline/conventions.js';

/** A reviewed document: what the machine found (by a model that never saw it) and what a person holds right. */
export interface ConventionExample {
  text: string;
  predicted: readonly ConventionSpan[];
  gold: readonly ConventionSpan[];
  /** The types the review holds complete: only these are scored. */
  types: readonly string[];
}

export interface LearnedConvention {
  convention: Convention;
  /** Strict and fuzzy matches it gained (negative: lost) over the reviewed documents, and spans it removed. */
  gain: { strict: number; fuzzy: number; spans: number };
}

interface State {
  example: ConventionExample;
  tokens: Tokens;
  spans: ConventionSpan[];
  counts: Counts;
}

/** Conventions found in fewer errors than this are not tried: one error is an accident. */
const MIN_SUPPORT = 2;
/** A convention must help this many documents, and hurt at most one for every HURT_RATIO it helps: the sign of a rule, not of chance. */
const MIN_HELPED = 3;
const HURT_RATIO = 3;
/** Tokens a boundary convention may take in or leave out. */
const MAX_PIECES = 3;

const countsOf = (example: ConventionExample, spans: readonly ConventionSpan[]) => counted(example.gold, spans, example.types);

/**
 * Transformation-based learning (Brill's method) over spans: each round proposes the
 * conventions that would mend the current errors, keeps the one that most raises strict
 * plus fuzzy F1 over all the examples (helping in at least MIN_HELPED of them), applies it, and goes on
 * until none helps. Deterministic: candidates are tried in a fixed order.
 */
export function learnConventions(examples: readonly ConventionExample[], maxRounds = 40): LearnedConvention[] {
  const states: State[] = examples.map((example) => {
    const spans = [...example.predicted].sort((a, b) => a.start - b.start || a.end - b.end);
    return { example, tokens: tokensOf(example.text), spans, counts: countsOf(example, spans) };
  });
  const learned: LearnedConvention[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const total = sum(states.map((s) => s.counts));
    let best:
      { convention: Convention; objective: number; after: (ConventionSpan[] | undefined)[]; each: Counts[]; counts: Counts } | undefined;
    for (const convention of candidatesOf(states)) {
      const after = states.map((s) => (concerns(s, convention) ? changedBy(s, convention) : undefined));
      const each = states.map((s, i) => (after[i] ? countsOf(s.example, after[i]!) : s.counts));
      const helped = states.filter((s, i) => utility(each[i]!) > utility(s.counts)).length;
      const hurt = states.filter((s, i) => utility(each[i]!) < utility(s.counts)).length;
      const counts = sum(each);
      const objective = f1(counts, 'strict') + f1(counts, 'fuzzy') - f1(total, 'strict') - f1(total, 'fuzzy');
      if (helped >= MIN_HELPED && hurt * HURT_RATIO <= helped && objective > 1e-3 && (!best || objective > best.objective + 1e-12))
        best = { convention, objective, after, each, counts };
    }
    if (!best) break;
    for (const [i, s] of states.entries())
      if (best.after[i]) {
        s.spans = best.after[i]!;
        s.counts = best.each[i]!;
      }
    const gain = {
      strict: best.counts.strict - total.strict,
      fuzzy: best.counts.fuzzy - total.fuzzy,
      spans: total.predicted - best.counts.predicted,
    };
    learned.push({ convention: best.convention, gain });
  }
  return learned;
}

/** Whether a convention can change anything in a document whose review holds its types complete. */
function concerns(s: State, c: Convention): boolean {
  const types = s.example.types;
  if (!types.includes(c.type) || (c.kind === 'retype' && !types.includes(c.to))) return false;
  return s.spans.some((p) => p.type === c.type);
}

function changedBy(s: State, c: Convention): ConventionSpan[] | undefined {
  const after = applyConvention(s.example.text, s.tokens, s.spans, c);
  return after.length !== s.spans.length || after.some((p, i) => p !== s.spans[i]) ? after : undefined;
}

/** The conventions that would mend at least MIN_SUPPORT of the current errors, in a fixed order. */
function candidatesOf(states: readonly State[]): Convention[] {
  const support = new Map<string, { convention: Convention; count: number }>();
  const propose = (c: Convention) => {
    const key = JSON.stringify(c);
    const seen = support.get(key);
    if (seen) seen.count++;
    else support.set(key, { convention: c, count: 1 });
  };
  for (const s of states) for (const c of mendsOf(s)) propose(c);
  return [...support.entries()]
    .filter(([, v]) => v.count >= MIN_SUPPORT)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, v]) => v.convention);
}

/** For each wrong span of a document: the conventions that would make it right, or remove it. */
function* mendsOf(s: State): Generator<Convention> {
  const { example, tokens, spans } = s;
  for (const [i, p] of spans.entries()) {
    if (!example.types.includes(p.type)) continue;
    const gold = example.gold.filter((g) => g.start < p.end && p.start < g.end);
    const same = gold.find((g) => g.type === p.type);
    if (same && same.start === p.start && same.end === p.end) continue;
    if (!same) {
      if (p.by) yield { kind: 'drop', type: p.type, by: p.by };
      const other = gold.find((g) => g.type !== p.type && example.types.includes(g.type));
      if (other && p.by) yield { kind: 'retype', type: p.type, by: p.by, to: other.type };
      continue;
    }
    yield* boundaryMends(tokens, p, same);
    const next = spans[i + 1];
    if (next && next.type === p.type && next.start >= p.end && next.end <= same.end && p.start >= same.start) {
      const from = tokenAt(tokens, p.end);
      const to = tokenAt(tokens, next.start);
      if (to - from <= MAX_PIECES) for (const pieces of piecesOf(tokens, from, to)) yield { kind: 'join', type: p.type, pieces };
    }
  }
}

function* boundaryMends(tokens: Tokens, p: ConventionSpan, g: ConventionSpan): Generator<Convention> {
  const type = p.type;
  const runs: [Convention['kind'] & ('extend' | 'trim'), 'left' | 'right', number, number][] = [];
  if (g.start < p.start) runs.push(['extend', 'left', tokenAt(tokens, g.start), tokenAt(tokens, p.start)]);
  if (g.start > p.start) runs.push(['trim', 'left', tokenAt(tokens, p.start), tokenAt(tokens, g.start)]);
  if (g.end > p.end) runs.push(['extend', 'right', tokenAt(tokens, p.end), tokenAt(tokens, g.end)]);
  if (g.end < p.end) runs.push(['trim', 'right', tokenAt(tokens, g.end), tokenAt(tokens, p.end)]);
  for (const [kind, side, from, to] of runs)
    if (to > from && to - from <= MAX_PIECES) for (const pieces of piecesOf(tokens, from, to)) yield { kind, type, side, pieces };
}

/** Every way of describing tokens from…to (exclusive), each by its form or its shape. */
function piecesOf(tokens: Tokens, from: number, to: number): string[][] {
  let all: string[][] = [[]];
  for (let i = from; i < to; i++) {
    const ways = [...new Set([tokens.forms[i]!, tokens.shapes[i]!])];
    all = all.flatMap((prefix) => ways.map((w) => [...prefix, w]));
  }
  return all;
}
