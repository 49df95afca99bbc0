/** A half-open span [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** First index in sorted `values` whose value is ≥ `x`. */
export function lowerBound(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A growing set of pairwise disjoint spans, added in any order, that answers "does this
 * span overlap one of them?" in O(log n). The spans that may be added must be announced
 * up front (their starts are the coordinates of a Fenwick tree counting the added starts):
 * greedy selection in rank order stays n log n instead of comparing with every kept span.
 */
export class DisjointSpans {
  /** Sorted distinct starts of every span that may be added. */
  private readonly starts: Float64Array;
  /** Fenwick tree over `starts`: how many added spans start at each coordinate. */
  private readonly tree: Int32Array;
  /** End of the added span starting at each coordinate. */
  private readonly ends: Float64Array;

  constructor(possible: Iterable<Span>) {
    const starts = [...new Set([...possible].map((s) => s.start))].sort((a, b) => a - b);
    this.starts = Float64Array.from(starts);
    this.tree = new Int32Array(starts.length + 1);
    this.ends = new Float64Array(starts.length);
  }

  /** Added spans that start before `x`. */
  private countBefore(x: number): number {
    let sum = 0;
    for (let i = lowerBound(this.starts, x); i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  /** Coordinate index of the k-th (1-based) added start, by descent through the tree. */
  private kth(k: number): number {
    let pos = 0;
    for (let step = 1 << Math.floor(Math.log2(this.tree.length)); step > 0; step >>= 1) {
      if (pos + step < this.tree.length && this.tree[pos + step]! < k) {
        pos += step;
        k -= this.tree[pos]!;
      }
    }
    return pos;
  }

  /** Whether [start, end) overlaps an added span. */
  overlaps(start: number, end: number): boolean {
    const before = this.countBefore(start);
    // An added span starting inside [start, end) …
    if (this.countBefore(end) > before) return true;
    // … or the last one starting before `start` reaching past it (the spans are disjoint: only it can).
    return before > 0 && this.ends[this.kth(before)]! > start;
  }

  /** Add a span that overlaps none already added (and was announced to the constructor). */
  add(span: Span): void {
    const index = lowerBound(this.starts, span.start);
    if (this.starts[index] !== span.start) throw new Error(`span at ${span.start} was not announced`);
    this.ends[index] = span.end;
    for (let i = index + 1; i < this.tree.length; i += i & -i) this.tree[i]!++;
  }
}

/** Pairwise disjoint spans sorted by start, looked up by binary search. */
export class SortedSpans<T extends Span> {
  private readonly spans: T[];
  private readonly starts: Float64Array;

  constructor(disjoint: Iterable<T>) {
    this.spans = [...disjoint].sort((a, b) => a.start - b.start);
    this.starts = Float64Array.from(this.spans, (s) => s.start);
  }

  /** The span that overlaps [start, end), if any (at most… the first one, by position). */
  overlapping(start: number, end: number): T | undefined {
    // The last span starting before `start` may reach into [start, end); else the first starting inside it.
    const i = lowerBound(this.starts, start);
    const previous = this.spans[i - 1];
    if (previous && previous.end > start) return previous;
    const next = this.spans[i];
    return next && next.start < end ? next : undefined;
  }

  /** The span that contains [start, end), if any. */
  containing(start: number, end: number): T | undefined {
    const i = lowerBound(this.starts, start + 1) - 1;
    const span = this.spans[i];
    return span && span.start <= start && end <= span.end ? span : undefined;
  }
}
