import type { Document } from '../core/document.js';
import { alternation } from '../core/regexp.js';
import type { Entry } from '../core/schema.js';
import { withContext } from './resolve.js';

/**
 * Whether a person's span includes the titles before the name: `Ambassador Stevenson` (include,
 * as newspapers' gold has it) or `Stevenson` (exclude, as FRUS indexes have it). Either way the
 * entry keeps the titles in its `title` field.
 */
export type TitlePolicy = 'include' | 'exclude';

export type TitleStage = (doc: Document, entries: Entry[]) => Entry[];

/** A stage giving each person entry its `title`, and moving its start past it when excluded. */
export function titleStage(titles: readonly string[], policy: TitlePolicy): TitleStage {
  if (!titles.length) return (_doc, entries) => entries;
  const leading = new RegExp(`^(?:(?:${alternation(titles)})\\.?\\s+)+(?=\\p{Lu})`, 'u');
  return (doc, entries) =>
    entries.map((e) => {
      if (e.type !== 'person') return e;
      const run = leading.exec(e.text)?.[0];
      if (!run) return e;
      const title = run.trim();
      if (policy === 'include') return { ...e, title };
      const start = e.start + [...run].length;
      return withContext(doc, { ...e, title, start, text: e.text.slice(run.length) });
    });
}
