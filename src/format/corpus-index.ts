import type { IndexedEntity } from '../core/entity-index.js';

/** One line per entity: type, name, mentions, documents, dates, other forms. */
export function formatIndexText(entities: readonly IndexedEntity[]): string {
  return entities
    .map((e) => {
      const dates = e.first ? `  ${e.first}${e.last && e.last !== e.first ? ` – ${e.last}` : ''}` : '';
      const aliases =
        e.aliases.length > 1
          ? `  (also ${e.aliases
              .slice(1)
              .map((a) => `"${a}"`)
              .join(', ')})`
          : '';
      const p = e.place;
      const record = p
        ? `\n${' '.repeat(10)}${e.cluster} ${p.name}, ${[p.country, p.admin].filter(Boolean).join(' ')} (${p.lat}, ${p.lon})`
        : '';
      return `${e.type.padEnd(9)} ${e.name}  ×${e.mentions}${dates}${aliases}${record}\n${' '.repeat(10)}${e.documents.join(', ')}`;
    })
    .join('\n')
    .concat('\n');
}

const csvCell = (s: string | number | undefined) => {
  const v = String(s ?? '');
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

export function formatIndexCsv(entities: readonly IndexedEntity[]): string {
  const rows = [['type', 'name', 'cluster', 'mentions', 'aliases', 'documents', 'first', 'last', 'lat', 'lon']];
  for (const e of entities)
    rows.push([
      e.type,
      e.name,
      e.cluster,
      String(e.mentions),
      e.aliases.join(' | '),
      e.documents.join(' | '),
      e.first ?? '',
      e.last ?? '',
      e.place ? String(e.place.lat) : '',
      e.place ? String(e.place.lon) : '',
    ]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
