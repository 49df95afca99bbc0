import type { Document } from '../core/document.js';
import { formsOf, type AuthorityRecord } from '../core/authority.js';
import { PRIORITY } from '../core/priority.js';
import type { Candidate, ExtractorFactory } from './types.js';

interface Form {
  text: string;
  record: AuthorityRecord;
}

const LETTER = /[\p{L}\p{N}]/u;
const isBoundary = (text: string, i: number) => i < 0 || i >= text.length || !LETTER.test(text[i]!);

/** A bare surname (one word) of a person: matched only where it can name one record. */
const isBare = (record: AuthorityRecord, form: string) => record.type === 'person' && !/\s/.test(form);

/**
 * Every form of an accepted authority record, linked to it (`ref`). A bare surname is taken
 * where one record only has it, or where the text names in full exactly one of the records
 * that have it (`McNamara` after `Robert S. McNamara`).
 */
export const authorityExtractor: ExtractorFactory = ({ authorities }) => {
  const accepted = authorities.filter((r) => r.status === 'accepted');
  // Forms by their first word, longest first: a scan over the text's capitalized words finds them.
  const byFirstWord = new Map<string, Form[]>();
  const surnameOwners = new Map<string, AuthorityRecord[]>();
  for (const record of accepted) {
    for (const text of formsOf(record)) {
      const first = text.split(/\s+/)[0]!;
      byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { text, record }]);
      if (isBare(record, text)) surnameOwners.set(text, [...(surnameOwners.get(text) ?? []), record]);
    }
  }
  for (const forms of byFirstWord.values()) forms.sort((a, b) => b.text.length - a.text.length);
  return {
    id: 'rule:authority',
    description: "The forms of the authority files' accepted records, linked to their record",
    types: ['person', 'org', 'place'],
    extract(doc: Document): Candidate[] {
      const text = doc.text;
      const found: { start: number; end: number; form: Form }[] = [];
      for (const m of text.matchAll(/[\p{Lu}][\p{L}\p{M}'’.-]*/gu)) {
        if (!isBoundary(text, m.index - 1)) continue;
        const word = m[0].replace(/[.'’-]+$/, '');
        for (const form of byFirstWord.get(word) ?? []) {
          if (text.startsWith(form.text, m.index) && isBoundary(text, m.index + form.text.length)) {
            found.push({ start: m.index, end: m.index + form.text.length, form });
            break;
          }
        }
      }
      const namedInFull = new Set(found.filter((f) => !isBare(f.form.record, f.form.text)).map((f) => f.form.record.id));
      const out: Candidate[] = [];
      for (const { start, end, form } of found) {
        let record: AuthorityRecord | undefined = form.record;
        if (isBare(form.record, form.text)) {
          const owners = surnameOwners.get(form.text)!;
          const named = owners.filter((r) => namedInFull.has(r.id));
          record = owners.length === 1 ? owners[0] : named.length === 1 ? named[0] : undefined;
        }
        if (record) out.push({ type: record.type, start, end, by: 'rule:authority', priority: PRIORITY.authority, ref: record.id });
      }
      return out;
    },
  };
};
