import type { Document } from '../core/document.js';

/**
 * A span an extractor proposes, in UTF-16 indexes of the document text.
 * Resolution turns candidates into sidecar entries (code points, ids, context).
 */
export interface Candidate {
  type: string;
  start: number;
  end: number;
  /** Provenance written to the sidecar: "rule:dates", "nlp:compromise", … */
  by: string;
  /** Higher wins when candidates of different extractors overlap. */
  priority: number;
  value?: string;
  amount?: number;
  currency?: string;
  n?: string;
  kind?: 'source' | 'bibliographic' | 'other';
  citation?: import('./citations.js').Citation;
  repeats?: string;
  parts?: Record<string, string>;
  cluster?: string;
}

export interface Extractor {
  id: string;
  description: string;
  /** Entity types it may produce. */
  types: readonly string[];
  extract(doc: Document): Candidate[] | Promise<Candidate[]>;
}
