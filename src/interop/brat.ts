import type { Entry } from '../core/schema.js';
import { live, valueString, type Exportable } from './formats.js';

/** An entity of brat standoff: `T1<TAB>type start end[;start end…]<TAB>text`, with its `#1<TAB>AnnotatorNotes T1<TAB>value`. */
export interface BratEntity {
  id: string;
  type: string;
  /** Code points; fragments are read as one span from the first start to the last end. */
  start: number;
  end: number;
  text: string;
  note?: string;
}

/** Read a `.ann` file. */
export function parseBrat(source: string): BratEntity[] {
  const entities = new Map<string, BratEntity>();
  const notes: [string, string][] = [];
  for (const line of source.split(/\r?\n/)) {
    const [id, middle, text = ''] = line.split('\t');
    if (!id || middle === undefined) continue;
    if (id.startsWith('T')) {
      const m = /^(\S+) (.+)$/.exec(middle);
      if (!m) continue;
      const numbers = m[2]!.split(/[ ;]/).map(Number);
      if (numbers.some((n) => !Number.isInteger(n))) continue;
      entities.set(id, { id, type: m[1]!, start: Math.min(...numbers), end: Math.max(...numbers), text });
    } else if (id.startsWith('#')) {
      const target = /^AnnotatorNotes (\S+)$/.exec(middle)?.[1];
      if (target) notes.push([target, text]);
    }
  }
  for (const [target, note] of notes) {
    const entity = entities.get(target);
    if (entity) entity.note = note;
  }
  return [...entities.values()];
}

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
export function fromBratEntities(
  entities: { type: string; start: number; end: number; note?: string }[],
  slice: (s: number, e: number) => string,
): Entry[] {
  return entities.map((b) => {
    const entry: Entry = { type: b.type, start: b.start, end: b.end, text: slice(b.start, b.end), by: 'human', status: 'accepted' };
    const n = /^n=([^;]+)(;source)?$/.exec(b.note ?? '');
    if (n) Object.assign(entry, { n: n[1], ...(n[2] ? { kind: 'source' } : {}) });
    else if (b.note) entry.value = b.note;
    return entry;
  });
}
