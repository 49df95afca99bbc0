import type { Entry } from '../core/schema.js';
import { STRUCTURE_TYPES } from '../core/schema.js';
import { live, type Exportable } from './formats.js';

type Span = [number, number, string];

/** The key of the SpanGroup that holds the entities `ents` cannot (spaCy's `doc.spans[key]`). */
export const SPAN_GROUP = 'marginalia';

/**
 * spaCy refuses overlapping `doc.ents` (E103): the outermost spans go into `ents` (the first
 * and longest where two start together), every other one into the span group.
 */
export function splitOverlapping(spans: readonly Span[]): { ents: Span[]; rest: Span[] } {
  const ents: Span[] = [];
  const rest: Span[] = [];
  let reach = -1;
  for (const span of [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2].localeCompare(b[2]))) {
    if (span[0] >= reach) {
      ents.push(span);
      reach = span[1];
    } else rest.push(span);
  }
  return { ents, rest };
}

/**
 * spaCy-style `{text, ents: [[start, end, label]], spans: {marginalia: [...]}}`: entities only,
 * offsets in code points (Python's); `ents` never overlap, the entities nested in them or
 * crossing them are under `spans`.
 */
export function toJsonl({ doc, sidecar }: Exportable): string {
  const all = live(sidecar.entries)
    .filter((e) => !(STRUCTURE_TYPES as readonly string[]).includes(e.type))
    .map((e): Span => [e.start, e.end, e.type]);
  const { ents, rest } = splitOverlapping(all);
  return `${JSON.stringify({ text: doc.text, ents, spans: { [SPAN_GROUP]: rest }, meta: { source: sidecar.source.path } })}\n`;
}

/** The entities of a JSONL line: its `ents` and every span group. */
export function jsonlSpans(line: { ents?: unknown; spans?: unknown }): unknown[] {
  if (!Array.isArray(line.ents)) throw new Error('"ents" is not a list');
  const groups = line.spans && typeof line.spans === 'object' ? Object.values(line.spans as Record<string, unknown>) : [];
  return [...line.ents, ...groups.filter(Array.isArray).flat()];
}

export function fromJsonlEnts(ents: unknown, slice: (s: number, e: number) => string): Entry[] {
  if (!Array.isArray(ents)) throw new Error('"ents" is not a list');
  return ents.map((item, i) => {
    if (!Array.isArray(item) || typeof item[0] !== 'number' || typeof item[1] !== 'number' || typeof item[2] !== 'string')
      throw new Error(`ents[${i}] is not [start, end, label]`);
    return {
      type: item[2].toLowerCase(),
      start: item[0],
      end: item[1],
      text: slice(item[0], item[1]),
      by: 'human',
      status: 'accepted' as const,
    };
  });
}
