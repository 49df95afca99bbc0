import { STRUCTURE_TYPES } from '../core/schema.js';
import { live, type Exportable } from './formats.js';

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** CoNLL-style IOB: one `token<TAB>label` per line, a blank line after each sentence. */
export function toConll({ doc, sidecar }: Exportable): string {
  const entities = live(sidecar.entries)
    .filter((e) => !(STRUCTURE_TYPES as readonly string[]).includes(e.type) && e.type !== 'acronym')
    .map((e) => ({ type: e.type, start: doc.toIndex(e.start), end: doc.toIndex(e.end) }));
  const lines = [`-DOCSTART- ${sidecar.source.path}`, ''];
  let previous: (typeof entities)[number] | undefined;
  for (const m of doc.text.matchAll(TOKEN)) {
    const entity = entities.find((e) => e.start <= m.index && m.index < e.end);
    lines.push(`${m[0]}\t${entity ? `${entity === previous ? 'I' : 'B'}-${entity.type}` : 'O'}`);
    previous = entity;
    if (/^[.!?]$/.test(m[0]) && !entity) lines.push('');
  }
  return `${lines.join('\n')}\n\n`;
}
