import type { Entry } from '../core/schema.js';
import { live, valueString, type Exportable } from './formats.js';

/**
 * brat standoff (`.ann` beside the `.txt`): spans over line breaks become fragments, as brat
 * requires, and values go into AnnotatorNotes; offsets are code points, as brat counts.
 */
export function toBrat({ doc, sidecar }: Exportable): string {
  const lines: string[] = [];
  let t = 0;
  let note = 0;
  for (const e of live(sidecar.entries)) {
    t++;
    const fragments: [number, number][] = [];
    let start = e.start;
    const text = doc.slice(e.start, e.end);
    let offset = e.start;
    for (const piece of text.split(/(\r\n|\r|\n)/)) {
      const length = [...piece].length;
      if (/^(?:\r\n|\r|\n)$/.test(piece)) {
        if (offset > start) fragments.push([start, offset]);
        start = offset + length;
      }
      offset += length;
    }
    if (e.end > start) fragments.push([start, e.end]);
    const surface = fragments.map(([s, f]) => doc.slice(s, f)).join(' ');
    lines.push(`T${t}\t${e.type} ${fragments.map(([s, f]) => `${s} ${f}`).join(';')}\t${surface}`);
    const value = valueString(e);
    if (value !== undefined) lines.push(`#${++note}\tAnnotatorNotes T${t}\t${value.replace(/[\t\r\n]+/g, ' ')}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** brat entities as human entries of a text (values from AnnotatorNotes). */
export function fromBratEntities(entities: { type: string; start: number; end: number; note?: string }[], slice: (s: number, e: number) => string): Entry[] {
  return entities.map((b) => {
    const entry: Entry = { type: b.type, start: b.start, end: b.end, text: slice(b.start, b.end), by: 'human', status: 'accepted' };
    const n = /^n=([^;]+)(;source)?$/.exec(b.note ?? '');
    if (n) Object.assign(entry, { n: n[1], ...(n[2] ? { kind: 'source' } : {}) });
    else if (b.note) entry.value = b.note;
    return entry;
  });
}
