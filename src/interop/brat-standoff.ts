/** brat standoff: `T1<TAB>type start end[;start end…]<TAB>text` and `#1<TAB>AnnotatorNotes T1<TAB>value`. */
export interface BratEntity {
  id: string;
  type: string;
  /** Code points; fragments are read as one span from the first start to the last end. */
  start: number;
  end: number;
  text: string;
  note?: string;
}

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
