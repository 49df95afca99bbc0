import { sidecarState } from '../core/currency.js';
import type { Document } from '../core/document.js';
import { STRUCTURE_TYPES, type Entry } from '../core/schema.js';
import { evidenceExtractorsOf, extract } from '../extract/index.js';
import type { Config } from '../io/config.js';
import { collectTargets } from '../io/project.js';
import { readDocument, readSidecar } from '../io/read.js';
import type { ConventionSpan } from '../pipeline/conventions.js';
import { projectOf } from '../pipeline/project.js';
import type { TrainingText } from '../tagger/train.js';

/** The types the tagger labels. */
export const TAGGER_TYPES = ['person', 'place', 'org'] as const;

/** What a decision in a document nobody reviewed weighs in training, against 1 for a reviewed document. */
export const DECISION_WEIGHT = 0.5;

/** A curated text: the tagger's training text, and what the whole pipeline is scored against. */
export interface Example extends TrainingText {
  path: string;
  doc: Document;
  /** The tagger's types a person declared complete here (a review, an import's `--complete`). */
  complete: readonly string[];
  /** Every type the review holds complete, the tagger's and others (`date`): scored in cross-validation. */
  scored: readonly string[];
  /** The entries of the scored types a person holds right (UTF-16 offsets). */
  gold: ConventionSpan[];
  /** Entries a person decided (accepted, rejected, made): what a document nobody reviewed teaches. */
  decisions: number;
}

export interface Uncurated {
  text: string;
  hints: TrainingText['hints'];
}

/**
 * The project's texts with their curated entries, in corpus order (so the same sidecars give the
 * same model), and the others (nobody curated them: where the new model's changes go unseen).
 */
export async function curatedExamples(
  config: Config,
  onProgress?: (message: string) => void,
): Promise<{ examples: Example[]; others: Uncurated[] }> {
  const rules = evidenceExtractorsOf(projectOf(config).extract);
  const examples: Example[] = [];
  const others: Uncurated[] = [];
  const hintsOf = async (doc: Document) => (await extract(doc, rules)).map(({ type, start, end, by }) => ({ type, start, end, by }));
  const targets = collectTargets(config, [], config.root);
  const entityTypes = config.types.filter((t) => !(STRUCTURE_TYPES as readonly string[]).includes(t));
  for (const [i, target] of targets.entries()) {
    const doc = readDocument(config, target.text).value;
    const sidecar = readSidecar(config, target.sidecar).value;
    if (!doc || !sidecar || sidecarState(sidecar, doc.sha256) === 'stale') continue;
    // A review holds the types it names complete (every entity type when it names none); decisions count everywhere.
    const scored: readonly string[] = sidecar.reviewed ? (sidecar.reviewed.types ?? entityTypes) : [];
    const complete: readonly string[] = TAGGER_TYPES.filter((t) => scored.includes(t));
    const named = sidecar.entries.filter((e) => (TAGGER_TYPES as readonly string[]).includes(e.type));
    const decided = new Set(named.filter((e) => e.status === 'accepted' || e.status === 'rejected' || e.by === 'human'));
    if (complete.length === 0 && decided.size === 0) {
      others.push({ text: doc.text, hints: await hintsOf(doc) });
      continue;
    }
    const live = (e: Entry) => e.status !== 'rejected' && e.status !== 'orphaned';
    onProgress?.(`reading ${i + 1}/${targets.length}: ${target.text}`);
    const partial = complete.length < TAGGER_TYPES.length;
    examples.push({
      path: target.text,
      doc,
      complete,
      scored,
      gold: sidecar.entries.filter((e) => scored.includes(e.type) && live(e)).map((e) => utf16(doc, e)),
      decisions: complete.length ? 0 : decided.size,
      text: doc.text,
      spans: named.filter((e) => (complete.includes(e.type) || decided.has(e)) && live(e)).map((e) => utf16(doc, e)),
      rejected: named.filter((e) => e.status === 'rejected').map((e) => utf16(doc, e)),
      partial,
      ...(partial && complete.length ? { completeTypes: complete } : {}),
      hints: await hintsOf(doc),
      ...(complete.length ? {} : { weight: DECISION_WEIGHT }),
    });
  }
  return { examples, others };
}

const utf16 = (doc: Document, e: Entry) => ({ type: e.type, start: doc.toIndex(e.start), end: doc.toIndex(e.end) });

/** The tagger's types no example teaches: no review holds them complete and nobody decided one. */
export function untaughtTypes(examples: readonly Example[]): string[] {
  const taught = new Set(examples.flatMap((e) => [...e.complete, ...e.spans.map((s) => s.type), ...(e.rejected ?? []).map((r) => r.type)]));
  return TAGGER_TYPES.filter((t) => !taught.has(t));
}
