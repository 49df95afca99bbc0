import { readFileSync } from 'node:fs';
import { ExitError } from '../errors.js';
import type { Entry } from '../schema.js';
import { parseSidecar } from '../sidecar.js';

export type ChangeKind = 'type' | 'span' | 'text' | 'value';

export interface EntryChange {
  before: Entry;
  after: Entry;
  changes: ChangeKind[];
}

export interface DiffResult {
  a: string;
  b: string;
  added: Entry[];
  removed: Entry[];
  changed: EntryChange[];
}

const VALUE_KEYS = ['value', 'amount', 'currency', 'n', 'kind', 'parts', 'status'] as const;
const spanKey = (e: Entry) => `${e.type}\u0000${e.start}\u0000${e.end}\u0000${e.n ?? ''}`;
const overlaps = (a: Entry, b: Entry) => a.start < b.end && b.start < a.end;

function valueOf(e: Entry): string {
  return JSON.stringify(VALUE_KEYS.map((k) => e[k] ?? null));
}

function changesBetween(before: Entry, after: Entry): ChangeKind[] {
  const changes: ChangeKind[] = [];
  if (before.type !== after.type) changes.push('type');
  if (before.start !== after.start || before.end !== after.end) changes.push('span');
  else if (before.text !== after.text) changes.push('text');
  if (valueOf(before) !== valueOf(after)) changes.push('value');
  return changes;
}

/**
 * Entry-level difference of two entry lists. Entries are paired by type and span,
 * then by id, then by overlapping span; what stays unpaired was added or removed.
 */
export function diffEntries(a: readonly Entry[], b: readonly Entry[]): Omit<DiffResult, 'a' | 'b'> {
  const restA = new Set(a);
  const restB = new Set(b);
  const changed: EntryChange[] = [];
  const pair = (x: Entry, y: Entry) => {
    restA.delete(x);
    restB.delete(y);
    const changes = changesBetween(x, y);
    if (changes.length) changed.push({ before: x, after: y, changes });
  };
  const bySpan = new Map<string, Entry[]>();
  for (const y of b) bySpan.set(spanKey(y), [...(bySpan.get(spanKey(y)) ?? []), y]);
  for (const x of a) {
    const y = bySpan.get(spanKey(x))?.find((c) => restB.has(c));
    if (y) pair(x, y);
  }
  const byId = new Map([...restB].filter((y) => y.id).map((y) => [y.id!, y]));
  for (const x of [...restA]) {
    const y = x.id ? byId.get(x.id) : undefined;
    if (y && restB.has(y)) pair(x, y);
  }
  for (const sameType of [true, false]) {
    for (const x of [...restA]) {
      const y = [...restB].find((c) => overlaps(x, c) && (c.type === x.type) === sameType);
      if (y) pair(x, y);
    }
  }
  return { added: [...restB], removed: [...restA], changed: changed.sort((p, q) => p.after.start - q.after.start) };
}

function readEntries(path: string): Entry[] {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ExitError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const parsed = parseSidecar(path, source);
  if (!parsed.value) {
    const m = parsed.messages[0]!;
    throw new ExitError(`${path}:${m.line ?? 1}:${m.column ?? 1}  ${m.message}`);
  }
  return parsed.value.entries;
}

/** Compare two sidecar files. */
export function diff(a: string, b: string): DiffResult {
  return { a, b, ...diffEntries(readEntries(a), readEntries(b)) };
}

export const isSame = (d: DiffResult) => d.added.length + d.removed.length + d.changed.length === 0;
