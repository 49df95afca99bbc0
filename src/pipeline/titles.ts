import type { Document } from '../core/document.js';
import type { Entry } from '../core/schema.js';
import type { Titles } from '../core/titles.js';
import { withContext } from '../core/anchor.js';

/**
 * Whether a person's span includes the titles before the name: `Ambassador Stevenson` (include,
 * as newspapers' gold has it) or `Stevenson` (exclude, as FRUS indexes have it). Either way the
 * entry keeps the titles in its `title` field.
 */
export type TitlePolicy = 'include' | 'exclude';

export type TitleStage = (doc: Document, entries: Entry[]) => Entry[];

/** A stage giving each person entry its `title`, and moving its start past it when excluded. */
export function titleStage(titles: Titles, policy: TitlePolicy): TitleStage {
  if (!titles.list.length) return (_doc, entries) => entries;
  return (doc, entries) =>
    entries.map((e) => {
      if (e.type !== 'person') return e;
      const run = titles.beforeName(e.text);
      if (!run) return e;
      const title = run.trim();
      if (policy === 'include') return { ...e, title };
      const start = e.start + [...run].length;
      return withContext(doc, { ...e, title, start, text: e.text.slice(run.length) });
    });
}
