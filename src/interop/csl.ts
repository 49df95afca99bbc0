import edtf from 'edtf';
import type { Exportable } from './formats.js';
import { live } from './formats.js';

/** `1985-11-26` → `{date-parts: [[1985, 11, 26]]}`; intervals give both ends; anything else stays raw. */
function cslDate(value: string): object {
  try {
    const parts = (v: string) =>
      v
        .split('-')
        .map(Number)
        .filter((n) => Number.isFinite(n));
    edtf(value);
    const ends = value.split('/');
    if (ends.every((e) => /^\d{4}(?:-\d{2}){0,2}$/.test(e))) return { 'date-parts': ends.map(parts) };
  } catch {
    // not EDTF: keep it as given
  }
  return { raw: value };
}

/** The notes' citations as CSL-JSON items, for Zotero, pandoc and citation-js. */
export function toCsl({ sidecar }: Exportable): object[] {
  return live(sidecar.entries)
    .filter((e) => e.type === 'note' && e.citation && (e.citation.title || e.citation.archive))
    .map((e) => {
      const { issued, type, ...rest } = e.citation!;
      return {
        id: `${sidecar.source.path}#${e.id}`,
        type: type ?? 'document',
        ...rest,
        ...(issued ? { issued: cslDate(issued) } : {}),
        note: `${sidecar.source.path}, note ${e.n}`,
      };
    });
}
