import { L, LABELS } from './model.js';

/** `I-x` only after `B-x` or `I-x`: the BIO grammar, never learned, always enforced. */
const ALLOWED = (() => {
  const allowed = new Uint8Array((L + 1) * L);
  for (let from = 0; from <= L; from++) {
    for (let to = 0; to < L; to++) {
      const t = LABELS[to]!;
      const f = from < L ? LABELS[from]! : 'O';
      allowed[from * L + to] = !t.startsWith('I-') || f.slice(2) === t.slice(2) ? 1 : 0;
    }
  }
  return allowed;
})();

/** Viterbi's tables: the best score of each label at each token (float32) and its best predecessor. */
interface Lattice {
  best: Float32Array;
  back: Uint8Array;
}

function forward(scores: Float32Array, transitions: Float32Array, allowedAt?: Uint8Array): Lattice {
  const n = scores.length / L;
  const best = new Float32Array(n * L);
  const back = new Uint8Array(n * L);
  for (let i = 0; i < n; i++) {
    for (let y = 0; y < L; y++) {
      if (allowedAt && !(allowedAt[i]! & (1 << y))) {
        best[i * L + y] = -Infinity;
        continue;
      }
      let top = -Infinity;
      let arg = 0;
      if (i === 0) {
        top = ALLOWED[L * L + y] ? transitions[L * L + y]! : -Infinity;
      } else {
        for (let p = 0; p < L; p++) {
          if (!ALLOWED[p * L + y]) continue;
          const s = best[(i - 1) * L + p]! + transitions[p * L + y]!;
          if (s > top) {
            top = s;
            arg = p;
          }
        }
      }
      best[i * L + y] = top + scores[i * L + y]!;
      back[i * L + y] = arg;
    }
  }
  return { best, back };
}

/** The labels of tokens 0…`i`, ending in label `y` at `i`, read back from the lattice into `out`. */
function backtrack({ back }: Lattice, i: number, y: number, out: Uint8Array): void {
  for (let j = i; j >= 0; j--) {
    out[j] = y;
    y = back[j * L + y]!;
  }
}

/**
 * The best label sequence. `allowedAt` (optional) restricts the labels of each token: a
 * bit mask per token, used in training to find the best sequence that agrees with partial gold.
 */
export function viterbi(scores: Float32Array, transitions: Float32Array, allowedAt?: Uint8Array): Uint8Array {
  return bestPath(forward(scores, transitions, allowedAt));
}

function bestPath(lattice: Lattice): Uint8Array {
  const n = lattice.best.length / L;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  let y = 0;
  for (let k = 1; k < L; k++) if (lattice.best[(n - 1) * L + k]! > lattice.best[(n - 1) * L + y]!) y = k;
  backtrack(lattice, n - 1, y, out);
  return out;
}

/** ahead[i·L + y]: the best score of tokens i+1… after label y at i; next: the label that gets it. */
function backwardOf(scores: Float32Array, transitions: Float32Array): { ahead: Float64Array; next: Uint8Array } {
  const n = scores.length / L;
  const ahead = new Float64Array(n * L);
  const next = new Uint8Array(n * L);
  for (let i = n - 2; i >= 0; i--) {
    for (let y = 0; y < L; y++) {
      let top = -Infinity;
      for (let z = 0; z < L; z++) {
        if (!ALLOWED[y * L + z]) continue;
        const s = transitions[y * L + z]! + scores[(i + 1) * L + z]! + ahead[(i + 1) * L + z]!;
        if (s > top) {
          top = s;
          next[i * L + y] = z;
        }
      }
      ahead[i * L + y] = top;
    }
  }
  return { ahead, next };
}

/**
 * The best sequence and, for any token, the best sequence in which that token has another
 * label: Viterbi once forward, once backward (the best continuation of each label), instead of
 * one constrained Viterbi per question.
 */
export function decoder(scores: Float32Array, transitions: Float32Array) {
  const n = scores.length / L;
  const lattice = forward(scores, transitions);
  const labels = bestPath(lattice);
  const path: number[] = [];
  let backward: ReturnType<typeof backwardOf> | undefined;
  /**
   * How much better the best sequence is than the best one whose token `i` has another label:
   * summed over the tokens where the two differ (elsewhere they agree, or score the same).
   */
  const marginAt = (i: number): number => {
    // Made on the first question: most sentences name no one and are never asked.
    const { ahead, next } = (backward ??= backwardOf(scores, transitions));
    let other = -1;
    let top = -Infinity;
    for (let y = 0; y < L; y++) {
      const s = lattice.best[i * L + y]! + ahead[i * L + y]!;
      if (y !== labels[i] && s > top) {
        top = s;
        other = y;
      }
    }
    if (other < 0) return Infinity;
    // The other sequence differs from token `from` to token `to`; `path` holds its labels there.
    path.length = 0;
    let from = i;
    for (let y = other; ; from--) {
      path.unshift(y);
      const before = lattice.back[from * L + y]!;
      if (from === 0 || before === labels[from - 1]) break;
      y = before;
    }
    let to = i;
    while (to + 1 < n && next[to * L + path[path.length - 1]!]! !== labels[to + 1]) path.push(next[to++ * L + path[path.length - 1]!]!);
    const term = (j: number, y: number, previous: number) => scores[j * L + y]! + transitions[previous * L + y]!;
    const start = from === 0 ? L : labels[from - 1]!;
    let margin = 0;
    for (let j = from; j <= to; j++) {
      margin +=
        term(j, labels[j]!, j === from ? start : labels[j - 1]!) - term(j, path[j - from]!, j === from ? start : path[j - from - 1]!);
    }
    if (to + 1 < n) margin += transitions[labels[to]! * L + labels[to + 1]!]! - transitions[path[to - from]! * L + labels[to + 1]!]!;
    return margin;
  };
  return { labels, marginAt };
}
