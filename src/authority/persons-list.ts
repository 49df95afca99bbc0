import { recordId, type AuthorityRecord } from '../core/authority.js';

/** `McNamara, Robert S.` → `Robert S. McNamara`; a name without a comma is kept as it is. */
export function invertName(indexForm: string): string {
  const m = /^([^,]+),\s*(.+)$/.exec(indexForm.trim());
  return m ? `${m[2]!.trim()} ${m[1]!.trim()}` : indexForm.trim();
}

/** Which column holds what, by header name: `name` is required. */
export interface ColumnMap {
  name: string;
  id?: string;
  description?: string;
  type?: string;
  sameAs?: string;
}

/** A delimited table (CSV with quotes, or TSV) as rows of fields. */
export function parseTable(source: string, delimiter: ',' | '\t'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/**
 * Records from a persons list: one row a person, the name in index form (`Surname, Given
 * names`, as FRUS volumes print it) or as written; variants are the surname and the name
 * without middle initials. Imported records are accepted: a curated list is the authority.
 */
export function recordsFromTable(
  rows: string[][],
  columns: ColumnMap,
): { records: AuthorityRecord[]; errors: { row: number; message: string }[] } {
  const [header, ...body] = rows;
  const at = (name: string | undefined) => (name === undefined ? -1 : header!.indexOf(name));
  const errors: { row: number; message: string }[] = [];
  const nameAt = at(columns.name);
  if (!header || nameAt < 0) return { records: [], errors: [{ row: 1, message: `no column "${columns.name}" in the header` }] };
  const records = new Map<string, AuthorityRecord>();
  body.forEach((cells, i) => {
    const raw = cells[nameAt]?.trim();
    if (!raw) return void errors.push({ row: i + 2, message: `no name in column "${columns.name}"` });
    const type = (cells[at(columns.type)]?.trim() || 'person') as AuthorityRecord['type'];
    if (!['person', 'org', 'place'].includes(type))
      return void errors.push({ row: i + 2, message: `type "${type}" is not person, org or place` });
    const preferred = type === 'person' ? invertName(raw) : raw;
    const surname = type === 'person' && raw.includes(',') ? raw.split(',')[0]!.trim() : undefined;
    const plain = preferred.replace(/\s+\p{Lu}\.(?=\s)/gu, '');
    const id = recordId(type, preferred);
    const previous = records.get(id);
    const description = cells[at(columns.description)]?.trim();
    const sameAs = cells[at(columns.sameAs)]?.trim();
    records.set(id, {
      id,
      type,
      preferred,
      variants: [
        ...new Set([...(previous?.variants ?? []), ...(surname ? [surname] : []), ...(plain !== preferred ? [plain] : [])]),
      ].sort(),
      ...((previous?.description ?? description) ? { description: previous?.description ?? description } : {}),
      ...(sameAs ? { sameAs: [sameAs] } : {}),
      status: 'accepted',
    });
  });
  return { records: [...records.values()].sort((a, b) => a.id.localeCompare(b.id)), errors };
}
