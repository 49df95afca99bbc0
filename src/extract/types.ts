import type { Model } from '../tagger/model.js';
import type { Document } from '../core/document.js';
import type { Citation, NoteKind } from '../core/schema.js';
import type { RulePack } from '../io/rule-packs.js';
import type { AuthorityRecord } from '../core/authority.js';

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
  kind?: NoteKind;
  citation?: Citation;
  repeats?: string;
  parts?: Record<string, string>;
  cluster?: string;
  /** The authority record it names. */
  ref?: string;
  /** 0..1, for the tagger's spans: the decoder's margin (see tagger/tag.ts). */
  confidence?: number;
  /** Read by the tagger as evidence, as it was trained to, but never an entry (`NOTICE`: a word in capitals). */
  evidenceOnly?: boolean;
}

export interface Extractor {
  id: string;
  description: string;
  /** Entity types it may produce. */
  types: readonly string[];
  /** `earlier`: the candidates of the extractors that ran before (the tagger reads the rules' as evidence). */
  extract(doc: Document, earlier?: readonly Candidate[]): Candidate[] | Promise<Candidate[]>;
}

/** What every extractor is created from: the rule packs, and their word lists merged once. */
export interface ExtractContext {
  packs: readonly RulePack[];
  lists: ReadonlyMap<string, string[]>;
  /** The accepted records of the project's authority files. */
  authorities: readonly AuthorityRecord[];
  /** A list of all packs by name (a later pack extends an earlier one); empty when none has it. */
  list(name: string): string[];
  /** The tagger's model file (default: the shipped one). */
  modelPath?: string;
  /** The project's entity types: an extractor of a type the project does not declare finds nothing. */
  types?: readonly string[];
  /** A model in memory instead of the file's (`train` scores the models it makes before writing one). */
  model?: Model;
}

/** An extractor module: `create(context)` compiles what it needs once, for every text of a run. */
export type ExtractorFactory = (context: ExtractContext) => Extractor;
