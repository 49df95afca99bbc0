import { z } from 'zod';

/** Bumped when a sidecar written by this version would not be read correctly by an older one. */
export const SCHEMA_VERSION = 2;
export const SCHEMA_FILE = 'marginalia.schema.json';

export const BUILTIN_ENTITY_TYPES = ['person', 'org', 'place', 'date', 'money', 'acronym', 'reference'] as const;
/** Document structure, always allowed next to the configured entity types. */
export const STRUCTURE_TYPES = ['note', 'note-marker', 'xref'] as const;

export const STATUSES = ['auto', 'accepted', 'rejected', 'orphaned'] as const;

const offset = z.number().int().nonnegative();

/** CSL-JSON fields of a note's citation, so it exports to Zotero, pandoc and citation-js as it is. */
export const Citation = z.strictObject({
  type: z.enum(['book', 'manuscript', 'article', 'document']).optional(),
  author: z.array(z.strictObject({ literal: z.string() })).optional(),
  title: z.string().optional(),
  'container-title': z.string().optional(),
  volume: z.string().optional(),
  publisher: z.string().optional(),
  'publisher-place': z.string().optional(),
  issued: z.string().optional().describe('EDTF'),
  page: z.string().optional(),
  archive: z.string().optional(),
  archive_location: z.string().optional(),
  URL: z.string().optional(),
  note: z.string().optional(),
});

/** The citation fields in the order a sidecar writes them: the schema's own order. */
export const CITATION_KEYS = Object.keys(Citation.shape) as (keyof Citation)[];

export const NOTE_KINDS = ['source', 'bibliographic', 'other'] as const;

export const Entry = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]+$/)
      .optional()
      .describe('Stable id; filled in by annotate when a person omits it'),
    type: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .describe('Entity type: a built-in or one declared in the config'),
    start: offset.describe('Start, in Unicode code points, 0-based'),
    end: offset.describe('End, in Unicode code points, exclusive'),
    text: z.string().describe('The exact text of the span'),
    title: z
      .string()
      .optional()
      .describe(
        'Person: the titles before the name (`Ambassador`, `Col.`), inside the span or just before it (see personTitles in the config)',
      ),
    prefix: z.string().optional().describe('Text just before the span, to find it again when the text changes'),
    suffix: z.string().optional().describe('Text just after the span'),
    by: z.string().min(1).describe('Who made it: a rule id such as "rule:dates", "nlp:compromise", or "human"'),
    status: z.enum(STATUSES).optional().describe('auto (machine), accepted, rejected, orphaned (could not be re-anchored)'),
    previousStatus: z
      .enum(['accepted', 'rejected'])
      .optional()
      .describe('Orphaned entries: the decision to restore when the span is found again'),
    value: z.string().optional().describe('Normalized value: EDTF for dates, the expansion for acronyms'),
    amount: z.number().optional().describe('Money: the amount'),
    currency: z.string().optional().describe('Money: ISO 4217 code or a historical currency name'),
    n: z.string().optional().describe('Note and note-marker: the note number or symbol'),
    kind: z.enum(NOTE_KINDS).optional().describe('Note: a source note, a bibliographic reference, or another note'),
    citation: Citation.optional().describe('Note: its citation, in CSL-JSON fields'),
    repeats: z.string().optional().describe('Note: the number of the note an Ibid. or op. cit. repeats'),
    markers: z.array(z.string()).optional().describe('Note: ids of the markers that point to it'),
    parts: z.record(z.string(), z.string()).optional().describe('Archival reference: archive, collection, unit, folios'),
    cluster: z.string().optional().describe('Alias cluster id shared by mentions of one entity'),
    ref: z.string().optional().describe('The id of the authority record the mention names'),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe("Machine entries of the tagger: how sure it is, 0..1 (the decoder's margin; deterministic)"),
    comment: z.string().optional().describe('A free remark by a person'),
  })
  .refine((e) => e.end >= e.start, { message: 'end must not be before start', path: ['end'] });

export const DocumentMetadata = Citation.extend({
  translator: z.array(z.strictObject({ literal: z.string() })).optional(),
  language: z.string().optional().describe('Original language'),
}).describe('Citation metadata of the document itself, read from its header and source note');

/** The metadata fields in written order: the citation's, then the document's own. */
export const METADATA_KEYS = Object.keys(DocumentMetadata.shape) as (keyof DocumentMetadata)[];

export const Sidecar = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION).describe('Version of the sidecar schema'),
  generator: z
    .string()
    .optional()
    .describe('Tool version and rule fingerprint that made the machine entries; a match lets annotate skip the text'),
  source: z.strictObject({
    path: z.string().min(1).describe('The text, relative to the project root, with forward slashes'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of the file bytes'),
    length: offset.describe('Length of the decoded text in code points'),
    encoding: z.string().optional().describe('The encoding the text was decoded from (utf-8 when absent)'),
  }),
  metadata: DocumentMetadata.optional(),
  reviewed: z
    .strictObject({
      by: z.string().optional(),
      at: z.string().optional().describe('ISO 8601 date'),
      types: z
        .array(z.string())
        .optional()
        .describe('The entity types whose entries the review holds complete (an import of gold for some types); absent: all'),
    })
    .optional()
    .describe('A person reviewed the document: its entries (of `types`, or all) are complete and correct (`marginalia review`, `serve`)'),
  entries: z.array(Entry),
});

export type Entry = z.infer<typeof Entry>;

/** Field order in a written entry: what a reviewer reads first comes first. */
export const ENTRY_KEYS = [
  'id',
  'type',
  'start',
  'end',
  'text',
  'title',
  'value',
  'amount',
  'currency',
  'n',
  'kind',
  'markers',
  'repeats',
  'citation',
  'parts',
  'cluster',
  'ref',
  'confidence',
  'by',
  'status',
  'previousStatus',
  'comment',
  'prefix',
  'suffix',
] as const satisfies readonly (keyof Entry)[];
/** What an entry says beyond its span: extractors set these, diff compares them. */
export const VALUE_KEYS = [
  'value',
  'amount',
  'currency',
  'n',
  'kind',
  'citation',
  'repeats',
  'parts',
  'cluster',
  'ref',
] as const satisfies readonly (keyof Entry)[];
// Every field of the schema has its place in the written order (a type error otherwise).
const everyKeyOrdered: Exclude<keyof Entry, (typeof ENTRY_KEYS)[number]> extends never ? true : never = true;
void everyKeyOrdered;
export type Citation = z.infer<typeof Citation>;
export type DocumentMetadata = z.infer<typeof DocumentMetadata>;
export type NoteKind = (typeof NOTE_KINDS)[number];
export type Sidecar = z.infer<typeof Sidecar>;
export type Status = (typeof STATUSES)[number];

let jsonSchema: Record<string, unknown> | undefined;

/** The JSON Schema of a sidecar, for editors and other tools. */
export function sidecarJsonSchema(): Record<string, unknown> {
  jsonSchema ??= {
    ...z.toJSONSchema(Sidecar, { target: 'draft-2020-12' }),
    $id: `https://marginalia.dev/schema/sidecar-v${SCHEMA_VERSION}.json`,
    title: 'marginalia annotation sidecar',
  };
  return jsonSchema;
}

/** Work a person did (an entry, a decision, a remark on a machine entry): kept through every re-run of annotate. */
export function isHumanWork(entry: Entry): boolean {
  return entry.by === 'human' || (entry.status !== undefined && entry.status !== 'auto') || entry.comment !== undefined;
}
