import type { AuthorityRecord } from '../core/authority.js';

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One row a record: id, type, preferred, variants (`|`-separated), description, dates, sameAs, status. */
export function authorityCsv(records: readonly AuthorityRecord[]): string {
  const rows = [['id', 'type', 'preferred', 'variants', 'description', 'dates', 'sameAs', 'status']];
  for (const r of records)
    rows.push([r.id, r.type, r.preferred, r.variants.join('|'), r.description ?? '', r.dates ?? '', (r.sameAs ?? []).join('|'), r.status]);
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

const SCHEMA_TYPE = { person: 'Person', org: 'Organization', place: 'Place' } as const;

/**
 * schema.org JSON-LD: Person, Organization or Place, with alternate names and sameAs. Only the
 * accepted records: a proposal nobody reviewed (`Advertiser`) is no published Person.
 */
export function authorityJsonLd(records: readonly AuthorityRecord[]): string {
  const graph = records
    .filter((r) => r.status === 'accepted')
    .map((r) => ({
      '@id': `#${r.id}`,
      '@type': SCHEMA_TYPE[r.type],
      name: r.preferred,
      ...(r.variants.length ? { alternateName: r.variants } : {}),
      ...(r.description ? { description: r.description } : {}),
      ...(r.sameAs?.length ? { sameAs: r.sameAs } : {}),
    }));
  return `${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 2)}\n`;
}
