import type { Document } from '../core/document.js';
import { PRIORITY } from '../core/priority.js';
import { isRepository, parseArchival } from './citations.js';
import type { Candidate, ExtractorFactory } from './types.js';

/** Text in parentheses, on one line. */
const PARENTHESIZED = /\(([^()\r\n]{8,300})\)/g;
/** A part that lies within a repository: a series of files, papers, a lot, a record group, a box. */
const WITHIN = /\bFiles?\b|\bPapers\b|\bLot\s+\S|\bRG\s+\d|\bRecord Group\b|\bBox\s+\S|\bFolder\b|\bRecords\b|\bCollection\b/;

/**
 * Archival citations in parentheses, as FRUS gives them in the text and in its notes:
 * `(Department of State, Central Files, 511.60/4–457)`, `(Department of State, S/P Files:
 * Lot 67 D 548, …)`. The first part names a repository, a later one a series, lot or box.
 */
export function findArchivalCitations(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(PARENTHESIZED)) {
    const body = m[1]!.replace(/[\s;]+$/, '');
    const [repository, ...within] = body.split(/,\s*/);
    if (!within.length || !isRepository(repository!.trim()) || !within.some((part) => WITHIN.test(part))) continue;
    const { parts } = parseArchival(body);
    if (!parts.archive) continue;
    const start = m.index + 1 + (m[1]!.length - m[1]!.trimStart().length);
    out.push({
      type: 'reference',
      start,
      end: start + body.trimStart().length,
      by: 'rule:references/archival',
      priority: PRIORITY.reference,
      parts,
    });
  }
  return out;
}

export const archivalCitationsExtractor: ExtractorFactory = () => ({
  id: 'rule:references/archival',
  description: 'Archival citations in parentheses: "(Department of State, Central Files, 511.60/4–457)"',
  types: ['reference'],
  extract: (doc: Document) => findArchivalCitations(doc.text),
});
