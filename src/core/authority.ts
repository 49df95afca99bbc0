import { z } from 'zod';
import { isEdtf } from './edtf.js';

/**
 * An authority file: one record per person, body or place, with the forms under which the
 * corpus names it. People curate it (`status`); annotate links every mention it finds to a
 * record (`ref`), and `authority build` proposes records without touching their work.
 */
export const AuthorityRecord = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]+$/)
    .describe('Stable id, written into the `ref` of every entry that names the record'),
  type: z.enum(['person', 'org', 'place']),
  preferred: z.string().min(1).describe('The preferred form: `Robert S. McNamara`'),
  variants: z
    .array(z.string().min(1))
    .default([])
    .describe('Other forms: `McNamara`, `Secretary McNamara`; a bare surname is matched only where unambiguous'),
  description: z.string().optional(),
  dates: z.string().refine(isEdtf, { message: 'not an EDTF date' }).optional().describe('EDTF: `1916/2009`'),
  sameAs: z.array(z.string().url()).optional().describe('The same entity elsewhere: Wikidata, VIAF …'),
  status: z
    .enum(['proposed', 'accepted', 'rejected'])
    .default('proposed')
    .describe('Only accepted records are matched; a rejected record’s forms are never tagged'),
  mentions: z.number().int().nonnegative().optional().describe('authority build: mentions found in the corpus'),
  texts: z.array(z.string()).optional().describe('authority build: the texts that mention it'),
});

export const AuthorityFile = z.strictObject({
  records: z.array(AuthorityRecord).default([]),
});

export type AuthorityRecord = z.infer<typeof AuthorityRecord>;
export type AuthorityFile = z.infer<typeof AuthorityFile>;

export const AUTHORITY_SCHEMA_FILE = 'authority.schema.json';

export function authorityJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(AuthorityFile, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://marginalia.dev/schema/authority-v1.json',
    title: 'marginalia authority file',
  };
}

/** Every form of a record, the preferred first. */
export const formsOf = (r: AuthorityRecord) => [...new Set([r.preferred, ...r.variants])];

/** A readable, stable id from a record's type and preferred form: `person:mcnamara-robert-s`. */
export function recordId(type: string, preferred: string, familyNameFirst = false): string {
  const words = preferred
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g) ?? ['x'];
  // People by surname first, as indexes list them; a name written family name first (`Kim Jong Pil`) is in that order already.
  const ordered = type === 'person' && words.length > 1 && !familyNameFirst ? [words[words.length - 1]!, ...words.slice(0, -1)] : words;
  return `${type}:${ordered.join('-')}`;
}
