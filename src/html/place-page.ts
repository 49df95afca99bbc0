import type { PlaceRecord } from '../core/places.js';
import { escape } from './pages.js';

export interface PlacePageInput extends Pick<PlaceRecord, 'name' | 'country' | 'admin' | 'feature' | 'lat' | 'lon'> {
  ref: string;
  forms: readonly string[];
  mentions: number;
  documents: readonly { href: string; title: string; path: string }[];
}

/** One linked place: its GeoNames record, the forms the texts use, and the documents that name it. */
export function placePage(p: PlacePageInput): string {
  const id = p.ref.replace(/^geonames:/, '');
  const rows: [string, string][] = [
    ['GeoNames', p.ref],
    ['country', [p.country, p.admin].filter(Boolean).join(', ')],
    ['kind', p.feature],
    ['coordinates', `${p.lat}, ${p.lon}`],
    ['forms', p.forms.join(' · ')],
    ['mentions', String(p.mentions)],
  ];
  const docs = p.documents
    .map((d) => `<li><a href="${escape(d.href)}">${escape(d.title)}</a> <small>${escape(d.path)}</small></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(p.name)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:50rem}dt{font-weight:bold}</style></head>
<body data-ref="${escape(p.ref)}"><p><a href="../map.html">← map</a> · <a href="../index.html">corpus</a></p>
<h1>${escape(p.name)}</h1>
<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd data-field="${k}">${escape(v)}</dd>`).join('')}</dl>
<p><small>Record ${escape(id)} of GeoNames (geonames.org, CC BY 4.0).</small></p>
<h2>Documents</h2><ul>${docs}</ul>
</body></html>
`;
}
