import type { Citation, DocumentMetadata } from '../core/schema.js';
import { firstDate, parseArchival } from './citations.js';
import { findReferences } from './references.js';

const URL_RE = /<?(https?:\/\/[^\s<>")\]]+[^\s<>")\].,;])>?/;
const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}`;

/** Header lines: everything before the first long paragraph. */
function headerLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const body = lines.findIndex((l, i) => l.length > 400 && i > 0);
  return lines.slice(0, body < 0 ? Math.min(lines.length, 40) : body).map((l) => l.trim());
}

/** A field introduced by a label line (`Original Language:`) and given on the next non-blank line. */
function labelled(lines: string[], label: RegExp): string | undefined {
  const i = lines.findIndex((l) => label.test(l));
  if (i < 0) return undefined;
  const inline = lines[i]!.replace(label, '').trim();
  return inline || lines.slice(i + 1).find((l) => l !== '');
}

function titleOf(lines: string[], citationBlock: string | undefined): string | undefined {
  const quoted = citationBlock && /^["“](.+?)["”]/.exec(citationBlock)?.[1];
  if (quoted) return quoted;
  const bold = lines.join('\n').match(/\*\*([^*]+)\*\*/);
  if (bold) return bold[1]!.replace(/\s+/g, ' ').trim();
  for (const line of lines) {
    // A paragraph is no title (the first line of a text without line breaks is the whole text).
    if (line.length > 400) continue;
    // `20. Summary Record of …(1)`: drop the number and the note marker.
    const title = line
      .replace(/^\d+\.\s+/, '')
      .replace(/\s*(?:\(\d+\)|\[\d+\])$/, '')
      .trim();
    // Not a title: navigation (`Home    Practice`), a counter, a sentence, a dateline.
    if (
      !title ||
      /^(?:notes|footnotes|endnotes|references|sources?|citation|summary|contents|subject|participants|credits)\s*:?\s*$/i.test(title) ||
      /\s{3,}|\t/.test(line) ||
      /^\d+\s+\S/.test(line) ||
      /[.:;]$/.test(title) ||
      (firstDate(line) && line.length < 60)
    )
      continue;
    return title;
  }
  return undefined;
}

/**
 * Title, date, archive signature, URL, translator and original language of a document,
 * from a header such as an archive record's citation block or a telegram's dateline,
 * completed by the document's source note.
 */
export function documentMetadata(text: string, sourceNote?: Citation): DocumentMetadata {
  const lines = headerLines(text);
  const citationBlock = labelled(lines, /^Citation:\s*/i);
  const meta: DocumentMetadata = {};
  const title = titleOf(lines, citationBlock);
  if (title) meta.title = title;
  const issued =
    firstDate(citationBlock ?? '') ?? lines.map((l) => (l.length < 200 && !/\s{3,}|\t/.test(l) ? firstDate(l) : undefined)).find(Boolean);
  if (issued) meta.issued = issued;
  const reference = citationBlock ? findReferences(citationBlock)[0] : undefined;
  if (reference) {
    const { citation } = parseArchival(citationBlock!.slice(reference.start, reference.end));
    Object.assign(meta, { archive: citation.archive, archive_location: citation.archive_location });
  } else if (sourceNote?.archive) {
    meta.archive = sourceNote.archive;
    if (sourceNote.archive_location) meta.archive_location = sourceNote.archive_location;
  }
  const url = URL_RE.exec(lines.join('\n'))?.[1];
  if (url) meta.URL = url;
  const translator = new RegExp(String.raw`translated (?:(?:for|by) [\w ]+? )?by (${NAME})`, 'u').exec(
    citationBlock ?? lines.join(' '),
  )?.[1];
  if (translator) meta.translator = [{ literal: translator.replace(/(\p{L}{2,})\.$/u, '$1') }];
  const language = labelled(lines, /^Original Language:\s*/i);
  if (language) meta.language = language;
  return meta;
}
