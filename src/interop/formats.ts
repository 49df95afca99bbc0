import type { Document } from '../core/document.js';
import type { Entry, Sidecar } from '../core/schema.js';

/** One document to export: its text and its sidecar. */
export interface Exportable {
  doc: Document;
  sidecar: Sidecar;
}

/** Entries worth exporting: what a person rejected or that is orphaned is not an annotation. */
export const live = (entries: readonly Entry[]) => entries.filter((e) => e.status !== 'rejected' && e.status !== 'orphaned');

/** The normalized value of an entry as one string: EDTF, expansion, amount and currency, note number. */
export function valueString(e: Entry): string | undefined {
  if (e.value !== undefined) return e.value;
  if (e.amount !== undefined) return `${e.amount} ${e.currency ?? ''}`.trim();
  if (e.n !== undefined) return `n=${e.n}${e.kind === 'source' ? ';source' : ''}`;
  return undefined;
}

/**
 * Entries that can be written as properly nested markup (XML, HTML): outer spans first;
 * an entry that would cross one already placed is left out (the sidecar keeps it), and a
 * compound note (`(4), (6), (7) …`) becomes one element, for its first number.
 */
export function nestable(entries: readonly Entry[], shown: (entries: readonly Entry[]) => Entry[] = live): Entry[] {
  const noteStarts = new Set<number>();
  const sorted = shown(entries)
    .filter((e) => e.end > e.start)
    .filter((e) => e.type !== 'note' || (!noteStarts.has(e.start) && noteStarts.add(e.start)))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const placed: Entry[] = [];
  const stack: Entry[] = [];
  for (const e of sorted) {
    while (stack.length && stack[stack.length - 1]!.end <= e.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && e.end > parent.end) continue;
    stack.push(e);
    placed.push(e);
  }
  return placed;
}

/**
 * The text with `open`/`close` tags around nestable entries, every character escaped;
 * `at(offset)` may add markup before the tags opening there.
 */
export function markUp(
  text: string,
  entries: readonly Entry[],
  tags: { open(e: Entry): string; close(e: Entry): string; escape(c: string): string; at?(offset: number): string },
): string {
  const chars = [...text];
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  for (const e of entries) {
    opens.set(e.start, [...(opens.get(e.start) ?? []), tags.open(e)]);
    closes.set(e.end, [tags.close(e), ...(closes.get(e.end) ?? [])]);
  }
  let out = '';
  for (let i = 0; i <= chars.length; i++) {
    out += (closes.get(i) ?? []).join('') + (tags.at?.(i) ?? '') + (opens.get(i) ?? []).join('');
    if (i < chars.length) out += tags.escape(chars[i]!);
  }
  return out;
}
