import type { AuthorityRecord } from '../core/authority.js';
import type { Document } from '../core/document.js';
import type { Message } from '../core/message.js';
import type { Sidecar } from '../core/schema.js';
import { finding } from './registry.js';

/** Optional rules for projects under full authority control; off unless the config names them. */
export const AUTHORITY_RULE_IDS = ['authority-unlinked-mention', 'authority-variant-unused', 'authority-string-ambiguous'] as const;

/** A person, organization or place of one text that no record claims. */
export function unlinkedMentions(doc: Document, sidecar: Sidecar): Message[] {
  return sidecar.entries
    .filter((e) => ['person', 'org', 'place'].includes(e.type) && !e.ref && e.status !== 'rejected' && e.status !== 'orphaned')
    .map((e) => {
      const p = doc.point(e.start);
      return finding('authority-unlinked-mention', {
        file: doc.path,
        line: p.line,
        column: p.column,
        message: `${e.type} "${e.text}" is in no authority record`,
      });
    });
}

/** Corpus-wide: accepted records' variants never found, and strings linked to two records. */
export function authorityFindings(
  records: readonly AuthorityRecord[],
  links: ReadonlyMap<string, ReadonlySet<string>>,
  file: string,
): Message[] {
  // A variant counts as found inside a longer linked name too (`Secretary McNamara` holds `McNamara`).
  const textsOf = (id: string) => [...links].filter(([, refs]) => refs.has(id)).map(([text]) => text);
  const unused = records
    .filter((r) => r.status === 'accepted')
    .flatMap((r) => {
      const texts = textsOf(r.id);
      return r.variants
        .filter((v) => !texts.some((t) => t.includes(v)))
        .map((v) => finding('authority-variant-unused', { file, message: `variant "${v}" of ${r.id} is found in no text` }));
    });
  const ambiguous = [...links]
    .filter(([, refs]) => refs.size > 1)
    .map(([text, refs]) =>
      finding('authority-string-ambiguous', { file, message: `"${text}" is linked to ${[...refs].sort().join(' and ')}` }),
    );
  return [...unused, ...ambiguous];
}
