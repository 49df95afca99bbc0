import type { Document } from '../document.js';
import type { Severity } from '../message.js';

export interface Span {
  n: string;
  /** Code-point offsets. */
  start: number;
  end: number;
}

/** What citation checks look at: the document's note markers and notes. */
export interface NoteFacts {
  doc: Document;
  markers: Span[];
  notes: (Span & { kind?: 'source' | 'other' })[];
}

export interface Finding {
  /** Code-point offset the finding points at. */
  at: number;
  message: string;
}

/** A check describes itself, like an ESLint rule: docs and `--list-rules` read `meta`. */
export interface CheckRule {
  id: string;
  severity: Severity;
  description: string;
  run(facts: NoteFacts): Finding[];
}
