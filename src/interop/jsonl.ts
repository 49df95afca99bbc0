import type { Entry } from '../core/schema.js';
import { STRUCTURE_TYPES } from '../core/schema.js';
import { live, type Exportable } from './formats.js';

/** spaCy-style `{text, ents: [[start, end, label]]}`: entities only, offsets in code points (Python's). */
export function toJsonl({ doc, sidecar }: Exportable): string {
  const ents = live(sidecar.entries)
    .filter((e) => !(STRUCTURE_TYPES as readonly string[]).includes(e.type))
    .map((e) => [e.start, e.end, e.type]);
  return `${JSON.stringify({ text: doc.text, ents, meta: { source: sidecar.source.path } })}\n`;
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
