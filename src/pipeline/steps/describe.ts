import type { Document } from '../../core/document.js';
import type { DocumentMetadata } from '../../core/schema.js';
import type { Candidate } from '../../extract/index.js';
import { withDocumentYear } from '../../extract/dates.js';
import { documentMetadata } from '../../extract/metadata.js';

/**
 * What the document says of itself (title, date, archive…, from its header and its source
 * note), and its yearless dates given the year that puts them nearest the document's own date:
 * both read from the extraction, before anything is merged.
 */
export function describe(doc: Document, candidates: readonly Candidate[]): { metadata: DocumentMetadata; candidates: Candidate[] } {
  const sourceNote = candidates.find((c) => c.type === 'note' && c.kind === 'source')?.citation;
  const metadata = documentMetadata(doc.text, sourceNote);
  return {
    metadata,
    candidates: candidates.map((c) =>
      c.type === 'date' && c.value?.startsWith('XXXX') ? { ...c, value: withDocumentYear(c.value, metadata.issued) } : c,
    ),
  };
}
