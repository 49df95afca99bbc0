import { VALUE_KEYS, type Entry } from '../core/schema.js';

/** What a curator did to an entry, or what changed in it. */
export type ChangeKind =
  'accepted' | 'rejected' | 'orphaned' | 'restored' | 'unreviewed' | 'retyped' | 're-spanned' | 'text' | 'moved' | 'value';

export interface EntryChange {
  before: Entry;
  after: Entry;
  changes: ChangeKind[];
}

export interface DocumentDiff {
  /** The sidecar's path relative to the compared folders (or the file names given). */
  path: string;
  a: string;
  b: string;
  added: Entry[];
  removed: Entry[];
  changed: EntryChange[];
}

export interface DiffResult {
  documents: DocumentDiff[];
}

const valueOf = (e: Entry) => JSON.stringify(VALUE_KEYS.map((k) => e[k] ?? null));
const spanKey = (e: Entry) => `${e.type}\u0000${e.start}\u0000${e.end}\u0000${e.n ?? ''}`;
const quoteKey = (e: Entry) => `${e.type}\u0000${e.text}\u0000${e.n ?? ''}`;
const overlaps = (a: Entry, b: Entry) => a.start < b.end && b.start < a.end;

/**
 * Entry-level difference of two entry lists. Over the same text, entries pair by type and
 * span, then by id; over an edited text, by id, then by type and quote in order, or by their
 * context, then by span; then by overlap. The rest was added or removed. Over an edited
 * text, offsets that merely moved with it are no change, unless the entry changed places
 * with others (`moved`).
 */
export function diffEntries(a: readonly Entry[], b: readonly Entry[], sameText = true): Omit<DocumentDiff, 'path' | 'a' | 'b'> {
  const restA = new Set(a);
  const restB = new Set(b);
  const pairs: [Entry, Entry][] = [];
  const pair = (x: Entry, y: Entry) => {
    restA.delete(x);
    restB.delete(y);
    pairs.push([x, y]);
  };
  const pairBy = (key: (e: Entry) => string | undefined) => {
    const index = new Map<string, Entry[]>();
    for (const y of restB) {
      const k = key(y);
      if (k !== undefined) index.set(k, [...(index.get(k) ?? []), y]);
    }
    for (const x of [...restA]) {
      const k = key(x);
      const y = k === undefined ? undefined : index.get(k)?.find((c) => restB.has(c));
      if (y) pair(x, y);
    }
  };
  // Ids stay put when unrelated text moves: when the texts differ they pair first, before spans that may be another entity's now.
  if (sameText) pairBy(spanKey);
  // But an id numbers the mentions of one name in order, so a mention inserted or moved renumbers the ones after it:
  // over an edited text the same quote in the most alike surroundings is the same mention, whatever its number.
  else for (const [x, y] of pairsByContext(restA, restB)) pair(x, y);
  pairBy((e) => e.id);
  if (!sameText) {
    pairBy(quoteKey);
    // An entry whose text was corrected keeps its surroundings.
    pairBy((e) => (e.prefix ? `${e.type}\u0000<${e.prefix.slice(-8)}` : undefined));
    pairBy((e) => (e.suffix ? `${e.type}\u0000>${e.suffix.slice(0, 8)}` : undefined));
    pairBy(spanKey);
  }
  for (const sameType of [true, false]) {
    for (const x of [...restA]) {
      const y = [...restB].find((c) => overlaps(x, c) && (c.type === x.type) === sameType);
      if (y) pair(x, y);
    }
  }
  const moved = sameText ? new Set<Entry>() : outOfOrder(pairs);
  const changed: EntryChange[] = [];
  for (const [x, y] of pairs) {
    const changes = changesOf(x, y, sameText);
    if (moved.has(y) && x.text === y.text) changes.push('moved');
    if (changes.length) changed.push({ before: x, after: y, changes });
  }
  const byStart = (p: Entry, q: Entry) => p.start - q.start || p.type.localeCompare(q.type);
  return { added: [...restB].sort(byStart), removed: [...restA].sort(byStart), changed: changed.sort((p, q) => byStart(p.after, q.after)) };
}

/** Characters of context two mentions must share to be paired by it (as the 8-character passes of diffEntries). */
const MIN_SHARED_CONTEXT = 8;

const commonPrefix = (p: string, q: string) => {
  let n = 0;
  while (n < p.length && n < q.length && p[n] === q[n]) n++;
  return n;
};
const commonSuffix = (p: string, q: string) => {
  let n = 0;
  while (n < p.length && n < q.length && p[p.length - 1 - n] === q[q.length - 1 - n]) n++;
  return n;
};

/**
 * Pairs of entries with the same type and quote, the most alike surroundings first (characters shared
 * next to the span on either side). A mention at the head of a moved paragraph keeps the words after it,
 * not the paragraph before it: comparing both sides at once keeps it from pairing with another mention.
 */
function pairsByContext(a: ReadonlySet<Entry>, b: ReadonlySet<Entry>): [Entry, Entry][] {
  const groups = new Map<string, Entry[]>();
  for (const y of b) groups.set(quoteKey(y), [...(groups.get(quoteKey(y)) ?? []), y]);
  const candidates: { x: Entry; y: Entry; shared: number }[] = [];
  for (const x of a)
    for (const y of groups.get(quoteKey(x)) ?? []) {
      const shared = commonSuffix(x.prefix ?? '', y.prefix ?? '') + commonPrefix(x.suffix ?? '', y.suffix ?? '');
      if (shared >= MIN_SHARED_CONTEXT) candidates.push({ x, y, shared });
    }
  candidates.sort((p, q) => q.shared - p.shared || Math.abs(p.x.start - p.y.start) - Math.abs(q.x.start - q.y.start));
  const used = new Set<Entry>();
  const pairs: [Entry, Entry][] = [];
  for (const { x, y } of candidates) {
    if (used.has(x) || used.has(y)) continue;
    used.add(x).add(y);
    pairs.push([x, y]);
  }
  return pairs;
}

/** The curator's decision and the edits between two versions of one entry. */
function changesOf(x: Entry, y: Entry, sameText: boolean): ChangeKind[] {
  const changes: ChangeKind[] = [];
  // No status is no decision, as `auto` is (a human entry, or a machine entry edited by hand).
  if ((x.status ?? 'auto') !== (y.status ?? 'auto')) {
    if (y.status === 'accepted' || y.status === 'rejected' || y.status === 'orphaned') changes.push(y.status);
    else changes.push(x.status === 'orphaned' ? 'restored' : 'unreviewed');
  }
  if (x.type !== y.type) changes.push('retyped');
  const sameExtent = x.start === y.start && x.end === y.end;
  if (x.text !== y.text) changes.push(sameExtent ? 'text' : 're-spanned');
  else if (sameText && !sameExtent) changes.push('re-spanned');
  if (valueOf(x) !== valueOf(y)) changes.push('value');
  return changes;
}

/**
 * The entries (of B) that changed places with others: not on the longest run of pairs whose
 * order is the same in A and B. A paragraph moved elsewhere moves; text inserted before all moves nothing.
 */
function outOfOrder(pairs: readonly [Entry, Entry][]): Set<Entry> {
  const sorted = [...pairs].sort(([a], [b]) => a.start - b.start || a.end - b.end);
  // Longest increasing subsequence of B's starts (patience sorting), then its complement.
  const tails: number[] = [];
  const previous: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]![1].start;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[tails[mid]!]![1].start <= start) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  }
  const inOrder = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) inOrder.add(i);
  return new Set(sorted.filter((_, i) => !inOrder.has(i)).map(([, b]) => b));
}
