import type { Document } from '../core/document.js';
import type { Citation, DocumentMetadata, NoteKind } from '../core/schema.js';
import type { Data, Rule } from './rule.js';

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

export interface CheckContext<M extends string> {
  facts: CheckFacts;
  options: CheckOptions;
  /** A finding at a code-point offset of the text, by message id. */
  report(messageId: M, at: number, data?: Data): void;
}

/** A citation check: a rule that looks at one document's facts and reports what it finds. */
export interface CheckRule<M extends string = string> extends Rule<M> {
  create(context: CheckContext<M>): void;
}

export const defineCheck = <M extends string>(
  meta: Omit<CheckRule<M>['meta'], 'source'>,
  create: CheckRule<M>['create'],
): CheckRule<M> => ({
  meta: { ...meta, source: 'check' },
  create,
});
