import type { Entry } from '../core/schema.js';
import { markUp, nestable, type Exportable } from './formats.js';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
const attrs = (a: Record<string, string | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(v!)}"`)
    .join('');

/** `date@when`, or `@from`/`@to` for an interval, from the EDTF value (approximations left out). */
function dateAttrs(value: string | undefined): Record<string, string | undefined> {
  if (!value || /[X~?]/.test(value)) return { when: undefined };
  const [from, to] = value.split('/');
  return to ? { from, to } : { when: from };
}

/** The TEI element of an entry. */
/**
 * @ref points to a record (an authority record, a Wikidata id); a cluster key of our own
 * (`person:rusk`) is no pointer, so it goes to @key.
 */
function identity(e: Entry): Record<string, string | undefined> {
  if (e.ref) return { ref: e.ref };
  if (e.cluster && /^wd:Q\d+$/.test(e.cluster)) return { ref: e.cluster };
  return { key: e.cluster };
}

function element(e: Entry): [string, Record<string, string | undefined>] {
  switch (e.type) {
    case 'person':
      return ['persName', identity(e)];
    case 'org':
      return ['orgName', identity(e)];
    case 'place':
      return ['placeName', identity(e)];
    case 'date':
      return ['date', dateAttrs(e.value)];
    case 'money':
      return ['measure', { type: 'currency', quantity: e.amount?.toString(), unit: e.currency }];
    case 'acronym':
      return ['abbr', { type: 'acronym', n: e.value }];
    case 'reference':
      return ['idno', { type: 'archival' }];
    case 'note':
      return ['note', { n: e.n, type: e.kind, 'xml:id': `note-${e.n}` }];
    case 'note-marker':
      return ['ref', { type: 'noteAnchor', target: `#note-${e.n}` }];
    case 'xref':
      return ['ref', { type: 'crossReference' }];
    default:
      return ['name', { type: e.type }];
  }
}

/** TEI P5 with the (nestable) entries inline; the text content of `<ab>` is the source text, character for character. */
export function toTei({ doc, sidecar }: Exportable): string {
  const body = markUp(doc.text, nestable(sidecar.entries), {
    open: (e) => {
      const [name, a] = element(e);
      return `<${name}${attrs(a)}>`;
    },
    close: (e) => `</${element(e)[0]}>`,
    escape: escapeText,
  });
  const title = sidecar.metadata?.title ?? sidecar.source.path;
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>${escapeText(title)}</title></titleStmt>
      <publicationStmt><p>Annotated with marginalia from ${escapeText(sidecar.source.path)} (SHA-256 ${sidecar.source.sha256}).</p></publicationStmt>
      <sourceDesc><p>${escapeText(sidecar.metadata?.archive ? `${sidecar.metadata.archive} ${sidecar.metadata.archive_location ?? ''}`.trim() : sidecar.source.path)}</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text><body><ab xml:space="preserve">${body}</ab></body></text>
</TEI>
`;
}
