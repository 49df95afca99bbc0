import type { Titles } from './titles.js';
import { STRUCTURE_TYPES, type Sidecar } from './schema.js';

export interface IndexedEntity {
  type: string;
  /** The most frequent form, the longest on a tie. */
  name: string;
  /** The cluster id, or `type:name` for names without one. */
  cluster: string;
  mentions: number;
  aliases: string[];
  documents: string[];
  /** Earliest and latest date of the documents that mention it (their metadata), EDTF. */
  first?: string;
  last?: string;
  /** A place linked to GeoNames (`cluster` is its ref): the record's name, country, region and coordinates. */
  place?: { name: string; country: string; admin: string; lat: number; lon: number };
}

/**
 * Every person, organization, place … across the sidecars, with mention counts, alias cluster,
 * documents and dates. `titles` are stripped from people's names: `Comrade Minister Pham Hung` → `Pham Hung`.
 */
export function indexEntities(sidecars: Iterable<{ sidecar: Sidecar }>, titles: Titles, types?: readonly string[]): IndexedEntity[] {
  type Group = { type: string; forms: Map<string, number>; documents: Set<string>; dates: string[] };
  const groups = new Map<string, Group>();
  for (const { sidecar } of sidecars) {
    const issued = sidecar.metadata?.issued;
    for (const e of sidecar.entries) {
      if (e.status === 'rejected' || (STRUCTURE_TYPES as readonly string[]).includes(e.type)) continue;
      if (types && !types.includes(e.type)) continue;
      const form = e.text.replace(/\s+/g, ' ');
      // One entity per authority record, else per alias cluster, else per form.
      const key = e.ref ?? e.cluster ?? `${e.type}:${form.toLowerCase()}`;
      const group: Group = groups.get(key) ?? { type: e.type, forms: new Map(), documents: new Set(), dates: [] };
      group.forms.set(form, (group.forms.get(form) ?? 0) + 1);
      group.documents.add(sidecar.source.path);
      if (issued) group.dates.push(issued);
      groups.set(key, group);
    }
  }
  const entities = [...groups].map(([cluster, g]): IndexedEntity => {
    const forms = [...g.forms].sort(([a, m], [b, n]) => n - m || b.length - a.length || a.localeCompare(b));
    const untitled = (f: string) => (g.type === 'person' ? titles.strip(f) || f : f);
    const dates = g.dates.map((d) => d.split('/')[0]!.replace(/[~?]/g, '')).sort();
    const ends = g.dates.map((d) => (d.split('/')[1] ?? d).replace(/[~?]/g, '')).sort();
    return {
      type: g.type,
      name: untitled(forms[0]![0]),
      cluster,
      mentions: forms.reduce((n, [, c]) => n + c, 0),
      aliases: forms.map(([f]) => f),
      documents: [...g.documents].sort(),
      ...(dates.length ? { first: dates[0], last: ends[ends.length - 1] } : {}),
    };
  });
  entities.sort((a, b) => a.type.localeCompare(b.type) || b.mentions - a.mentions || a.name.localeCompare(b.name));
  return entities;
}
