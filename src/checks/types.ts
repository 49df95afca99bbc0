import type { Document } from '../core/document.js';
import type { Severity } from '../core/message.js';
import type { Citation, DocumentMetadata, NoteKind } from '../core/schema.js';

export interface Span {
  n: string;
  /** Code-point offsets. */
  start: number;
  end: number;
}

export interface NoteSpan extends Span {
  kind?: NoteKind;
  citation?: Citation;
  repeats?: string;
}

/** What citation checks look at: a document's markers, notes and citation metadata. */
export interface CheckFacts {
  doc: Document;
  markers: Span[];
  notes: NoteSpan[];
  metadata: DocumentMetadata;
}

export interface CheckOptions {
  /** CSL fields a note of each kind must have. */
  require: Record<'source' | 'bibliographic', string[]>;
}

export interface Finding {
  /** Code-point offset the finding points at. */
  at: number;
  message: string;
}

/** A check describes itself, like an ESLint rule: docs and `--list-rules` read its meta. */
export interface CheckRule {
  id: string;
  severity: Severity;
  description: string;
  /** What a user does about it. */
  help: string;
  run(facts: CheckFacts, options: CheckOptions): Finding[];
}
