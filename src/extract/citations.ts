import type { Citation, NoteKind } from '../core/schema.js';
import { findDates } from './dates.js';
import { findReferences } from './references.js';

export interface ParsedNote {
  kind: NoteKind;
  citation?: Citation;
  /** Archival reference parts: archive, record-group, collection, series, file, box, lot, folios. */
  parts?: Record<string, string>;
  /** `Ibid.` / `op. cit.`: this note repeats an earlier one. */
  ibid?: boolean;
  /** Pages per note number, when one line holds several notes (`(4), (6), (7) … p.12, 13, 19`). */
  pages?: string[];
}

const CLASSIFICATION =
  /(?:^|[.;]\s+|\s)(?:Top Secret|Secret|Confidential|Unclassified|Limited Official Use|Official Use Only|No classification marking)\b/;
const PUBLISHER = /\b(?:Publishing House|Publishers?|Press|Verlag|Éditions|Editions|Books|NXB|Printing Office|Presses)\b/i;
const YEAR = /^(?:1[5-9]|20)\d\d[a-z]?\.?$/;
const URL_RE = /\bhttps?:\/\/[^\s<>")\]]+[^\s<>")\].,;]/;

/** Split on commas that are not inside parentheses or brackets. */
function segments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out.filter(Boolean);
}

/** `Department of State, Central Files, 751K.00/2-2161` → archive and location, with named parts. */
/** What names an archive or repository, as opposed to a series, a file or a box within it. */
const REPOSITORY =
  /\b(?:Library|Archives?|Department|Ministry|Records|Cent(?:er|re)|Office|Institut[a-z]*|Museum|Foundation|Agency|Bureau|Council|Committee|Administration|Collection|University|Society|Embassy|Mission)\b/;
const WITHIN_REPOSITORY = /\bFiles?\b|\bPapers\b|^Lot\b|^(?:RG|Box|Folder)\b|\d/;

export function isRepository(name: string): boolean {
  return REPOSITORY.test(name) && !WITHIN_REPOSITORY.test(name);
}

export function parseArchival(reference: string): { citation: Citation; parts: Record<string, string> } {
  // Signatures such as `BStU MfS Abt X 348, 257-259` have their own grammar.
  const signature = findReferences(reference).find((r) => r.start === 0);
  if (signature?.parts?.archive) {
    const archive = signature.parts.archive;
    return {
      citation: { type: 'manuscript', archive, archive_location: reference.slice(archive.length, signature.end).trim() },
      parts: signature.parts,
    };
  }
  const segs = segments(reference.replace(/\.$/, ''));
  const archive = segs[0] && isRepository(segs[0]) ? segs.shift()! : '';
  const parts: Record<string, string> = archive ? { archive } : {};
  const rest: string[] = [];
  for (const seg of segs) {
    let m: RegExpExecArray | null;
    if ((m = /^(?:RG|Record Group)\s+(\d+)/.exec(seg))) parts['record-group'] = m[1]!;
    else if ((m = /^Box\s+(\S+)/i.exec(seg))) parts.box = m[1]!;
    else if ((m = /^(?:Folder|File)\s+(.+)/i.exec(seg))) parts.file = m[1]!;
    else if ((m = /^Lot\s+\S.*$/.exec(seg))) parts.lot ??= m[0];
    else if ((m = /^(.+?):\s*(Lot\s+\S.*)$/.exec(seg)) && !parts.series) {
      // `Secretary's Memoranda of Conversation: Lot 65 D 330`: a series and its lot, Files or not.
      parts.series = m[1]!.trim();
      parts.lot = m[2]!;
    } else if (/\bFiles?\b/.test(seg) && !parts.series) parts.series = seg;
    else if (!parts.series && !parts.collection && !parts['record-group']) parts.collection = seg;
    else rest.push(seg);
  }
  if (rest.length) parts.file ??= rest.join(', ');
  const citation: Citation = { type: 'manuscript' };
  if (archive) citation.archive = archive;
  if (segs.length) citation.archive_location = segs.join(', ');
  return { citation, parts };
}

/** The citation part of a `Source:` note: up to the classification or the end of the first sentence. */
function sourceReference(body: string): string {
  const classified = CLASSIFICATION.exec(body);
  if (classified) return body.slice(0, classified.index).replace(/[.;\s]+$/, '');
  const sentence = /\.\s+(?=[A-Z][a-z])/.exec(body);
  return (sentence ? body.slice(0, sentence.index) : body).replace(/[.;\s]+$/, '');
}

/** `Stow, Survey …`: a name of one to three capitalized words before the first comma, not an archive's. */
const NAME_FIRST = /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}),\s+(.+)$/su;

/** `Author: Title, vol.5, Publisher, Place, 2011, p.256.`, or `Author, Title, Place, 1603, p. 212.` */
function parseBibliographic(text: string): { citation: Citation; pages: string[] } | undefined {
  const colon = /^([^:\d]{2,100}?):\s+(.+)$/s.exec(text.trim());
  const comma = colon ? undefined : NAME_FIRST.exec(text.trim());
  const named = colon ?? (comma && !REPOSITORY.test(comma[1]!) && !PUBLISHER.test(comma[1]!) ? comma : undefined);
  const author = named?.[1]?.trim();
  const segs = segments((named ? named[2]! : text).replace(/\.\s*$/, ''));
  const citation: Citation = { type: 'book' };
  const pages: string[] = [];
  const titleParts: string[] = [];
  let inPages = false;
  for (const seg of segs) {
    let m: RegExpExecArray | null;
    if ((m = /^pp?\.\s*(.+)$/i.exec(seg))) {
      pages.push(...m[1]!.split(/\s*,\s*/));
      inPages = true;
    } else if (inPages && /^\d+(?:[-–]\d+)?$/.test(seg)) pages.push(seg);
    else if ((m = /^vol\.\s*(\S+)$/i.exec(seg))) citation.volume = m[1]!;
    else if (YEAR.test(seg)) citation.issued = seg.replace(/\.$/, '').replace(/[a-z]$/, '');
    else if (PUBLISHER.test(seg)) citation.publisher = seg;
    else if (/^internal circulation$/i.test(seg)) citation.note = seg;
    else if (
      !citation.issued &&
      !citation.publisher &&
      titleParts.length &&
      /^\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,2}$/u.test(seg) &&
      segs[segs.indexOf(seg) + 1] &&
      YEAR.test(segs[segs.indexOf(seg) + 1]!)
    )
      citation['publisher-place'] = seg;
    else if (citation.publisher && !citation['publisher-place'] && /^\p{Lu}/u.test(seg)) citation['publisher-place'] = seg;
    else if (!citation.issued && !citation.publisher) titleParts.push(seg);
  }
  if (!author || !citation.issued || titleParts.length === 0) return undefined;
  // Without the colon, prose such as `Rode, the violinist, arrived in 1812` is no reference: a reference names a page.
  if (!colon && (!pages.length || !/^\p{Lu}/u.test(titleParts[0]!))) return undefined;
  citation.author = [{ literal: author }];
  citation.title = titleParts.join(', ');
  if (pages.length) citation.page = pages.join(', ');
  return { citation, pages };
}

/**
 * Read a note: a source note (`Source: …`, or `asSource` for the note the title points to),
 * a bibliographic reference, or another note; `Ibid.` notes are flagged for resolution.
 */
export function parseNote(text: string, asSource = false): ParsedNote {
  const trimmed = text.trim();
  // `Ibid., p. 4` repeats the previous citation; `Smith, op. cit., p. 9` the last one by Smith.
  const repeat = /^(?:(.{2,80}?),\s*)?(?:ibid\b|op\.\s*cit\.)/i.exec(trimmed);
  if (repeat) {
    const page = /pp?\.\s*([\d\s,–-]*\d)/.exec(trimmed)?.[1];
    const citation: Citation = { ...(repeat[1] ? { author: [{ literal: repeat[1] }] } : {}), ...(page ? { page } : {}) };
    return { kind: 'other', ibid: true, ...(Object.keys(citation).length ? { citation } : {}) };
  }
  const labelled = /^sources?\s*:\s*/i.exec(trimmed);
  if (labelled || asSource) {
    const body = labelled ? trimmed.slice(labelled[0].length) : trimmed;
    const { citation, parts } = parseArchival(sourceReference(body));
    const url = URL_RE.exec(body)?.[0];
    if (url) citation.URL = url;
    return { kind: 'source', citation, parts };
  }
  const bibliographic = parseBibliographic(trimmed);
  if (bibliographic) {
    const url = URL_RE.exec(trimmed)?.[0];
    if (url) bibliographic.citation.URL = url;
    return { kind: 'bibliographic', citation: bibliographic.citation, pages: bibliographic.pages };
  }
  return { kind: 'other' };
}

/** EDTF value of the first date in a string that has its year, if any. */
export function firstDate(text: string): string | undefined {
  return findDates(text)
    .filter((d) => !d.value!.startsWith('XXXX'))
    .sort((a, b) => a.start - b.start || b.end - a.end)[0]?.value;
}
