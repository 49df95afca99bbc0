import type { Entry } from '../schema.js';
import { live, type Exportable } from './formats.js';

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
function element(e: Entry): [string, Record<string, string | undefined>] {
  switch (e.type) {
    case 'person':
      return ['persName', { ref: e.cluster }];
    case 'org':
      return ['orgName', { ref: e.cluster }];
    case 'place':
      return ['placeName', { ref: e.cluster }];
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

/**
 * TEI P5 with the entries inline. XML needs proper nesting: an entry that would cross
 * the boundary of one already placed is left out (the sidecar keeps it). The text content
 * of `<body>` is the source text, character for character.
 */
export function toTei({ doc, sidecar }: Exportable): string {
  const chars = [...doc.text];
  // Outer spans first; a compound note (`(4), (6), (7) …`) becomes one element, for its first number.
  const noteStarts = new Set<number>();
  const entries = live(sidecar.entries)
    .filter((e) => e.end > e.start)
    .filter((e) => e.type !== 'note' || (!noteStarts.has(e.start) && noteStarts.add(e.start)))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  const stack: Entry[] = [];
  for (const e of entries) {
    while (stack.length && stack[stack.length - 1]!.end <= e.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && e.end > parent.end) continue; // would cross its parent
    const [name, a] = element(e);
    opens.set(e.start, [...(opens.get(e.start) ?? []), `<${name}${attrs(a)}>`]);
    closes.set(e.end, [`</${name}>`, ...(closes.get(e.end) ?? [])]);
    stack.push(e);
  }
  let body = '';
  for (let i = 0; i <= chars.length; i++) {
    body += (closes.get(i) ?? []).join('') + (opens.get(i) ?? []).join('');
    if (i < chars.length) body += escapeText(chars[i]!);
  }
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
