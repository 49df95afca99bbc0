import type { Config } from '../io/config.js';
import type { Message } from '../core/message.js';
import { collectTargets } from '../io/project.js';
import { parsedSidecars } from '../io/read.js';
import { STRUCTURE_TYPES } from '../core/schema.js';
import { rulePacks } from '../extract/index.js';
import { alternation, mergedLists } from '../io/rule-packs.js';

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
}

export interface IndexOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  types?: readonly string[];
}

/** Every person, organization, place … across the corpus, with mention counts, alias cluster, documents and dates. */
export function corpusIndex(options: IndexOptions): { entities: IndexedEntity[]; messages: Message[] } {
  const { config } = options;
  const titles = mergedLists(rulePacks(config)).get('titles') ?? [];
  const titleRun = new RegExp(`^(?:(?:${alternation(titles)})\\.?\\s+)+`, 'i');
  type Group = { type: string; forms: Map<string, number>; documents: Set<string>; dates: string[] };
  const groups = new Map<string, Group>();
  const messages: Message[] = [];
  for (const { sidecar } of parsedSidecars(config, collectTargets(config, options.paths ?? [], options.cwd ?? config.root, true), messages)) {
    const issued = sidecar.metadata?.issued;
    for (const e of sidecar.entries) {
      if (e.status === 'rejected' || (STRUCTURE_TYPES as readonly string[]).includes(e.type)) continue;
      if (options.types && !options.types.includes(e.type)) continue;
      const form = e.text.replace(/\s+/g, ' ');
      const key = e.cluster ?? `${e.type}:${form.toLowerCase()}`;
      const group: Group = groups.get(key) ?? { type: e.type, forms: new Map(), documents: new Set(), dates: [] };
      group.forms.set(form, (group.forms.get(form) ?? 0) + 1);
      group.documents.add(sidecar.source.path);
      if (issued) group.dates.push(issued);
      groups.set(key, group);
    }
  }
  const entities = [...groups].map(([cluster, g]): IndexedEntity => {
    const forms = [...g.forms].sort(([a, m], [b, n]) => n - m || b.length - a.length || a.localeCompare(b));
    // People are listed by name, not by title: `Comrade Minister Pham Hung` → `Pham Hung`.
    const untitled = (f: string) => (g.type === 'person' ? f.replace(titleRun, '') || f : f);
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
  return { entities, messages };
}
