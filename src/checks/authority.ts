import type { AuthorityRecord } from '../core/authority.js';
import type { Document } from '../core/document.js';
import type { Message } from '../core/message.js';
import type { Sidecar } from '../core/schema.js';
import { authorityStringAmbiguous, authorityUnlinkedMention, authorityVariantUnused } from '../rules/authority.js';
import { report } from '../rules/rule.js';

/** A person, organization or place of one text that no record claims. */
export function unlinkedMentions(doc: Document, sidecar: Sidecar): Message[] {
  return sidecar.entries
    .filter((e) => ['person', 'org', 'place'].includes(e.type) && !e.ref && e.status !== 'rejected' && e.status !== 'orphaned')
    .map((e) =>
      report(
        authorityUnlinkedMention,
        'unlinked',
        { file: doc.path, ...doc.point(e.start), offset: e.start },
        { type: e.type, text: e.text },
      ),
    );
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
        .map((v) => report(authorityVariantUnused, 'unused', { file }, { variant: v, record: r.id }));
    });
  const ambiguous = [...links]
    .filter(([, refs]) => refs.size > 1)
    .map(([text, refs]) => report(authorityStringAmbiguous, 'ambiguous', { file }, { text, records: [...refs].sort().join(' and ') }));
  return [...unused, ...ambiguous];
}
