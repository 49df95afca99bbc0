import { escape } from './pages.js';

export interface TimelineDocument {
  href: string;
  title: string;
  /** `metadata.issued`, EDTF; undated documents are listed apart. */
  date?: string;
  /** The years of the document's dated entries (EDTF values of its dates). */
  entryYears: readonly number[];
}

/** The year an EDTF date begins in (`1964-04-02`, `1964~`, `1964/1966`, `196X` → 1960), if it has one. */
export function yearOfEdtf(value: string | undefined): number | undefined {
  const m = value ? /^(-?)(\d{3}[\dX])/.exec(value) : null;
  return m ? Number(`${m[1]}${m[2]!.replace('X', '0')}`) : undefined;
}

interface Year {
  documents: TimelineDocument[];
  /** Per document, its entries dated in this year. */
  entries: Map<TimelineDocument, number>;
}

function byYear(documents: readonly TimelineDocument[]): Map<number, Year> {
  const years = new Map<number, Year>();
  const yearOf = (y: number) => {
    let year = years.get(y);
    if (!year) years.set(y, (year = { documents: [], entries: new Map() }));
    return year;
  };
  for (const d of documents) {
    const y = yearOfEdtf(d.date);
    if (y !== undefined) yearOf(y).documents.push(d);
    for (const e of d.entryYears) yearOf(e).entries.set(d, (yearOf(e).entries.get(d) ?? 0) + 1);
  }
  return years;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:1rem 2rem;max-width:70rem}
table{border-collapse:collapse;width:100%;table-layout:fixed}ul{margin:0;padding-left:1.1rem}th,td{text-align:left;vertical-align:top;padding:.3rem .6rem;border-bottom:1px solid #ddd}
th.year{font-size:1.1rem;width:5rem}.bar{display:inline-block;height:.6rem;background:#F0E442;border:1px solid #b5a800;margin-right:.4rem}`;

/**
 * The timeline page: year by year, the documents dated then and the dated entries of every
 * document that fall in that year, each linking to its document; undated documents apart.
 */
export function timelinePage(documents: readonly TimelineDocument[]): string {
  const years = byYear(documents);
  const rows = [...years.keys()]
    .sort((a, b) => a - b)
    .map((y) => {
      const { documents: docs, entries } = years.get(y)!;
      const dated = docs
        .sort((a, b) => a.date!.localeCompare(b.date!) || a.href.localeCompare(b.href))
        .map((d) => `<li><time>${escape(d.date!)}</time> <a href="${escape(d.href)}">${escape(d.title)}</a></li>`)
        .join('');
      const named = [...entries]
        .sort(([a], [b]) => a.href.localeCompare(b.href))
        .map(
          ([d, n]) =>
            `<li><span class="bar" style="width:${Math.min(n, 40) * 4}px"></span>${n} in <a href="${escape(d.href)}">${escape(d.title)}</a></li>`,
        )
        .join('');
      return `<tr data-year="${y}"><th class="year" scope="row">${y}</th><td><ul>${dated}</ul></td><td><ul>${named}</ul></td></tr>`;
    });
  const undated = documents.filter((d) => yearOfEdtf(d.date) === undefined);
  const rest = undated.map((d) => `<li><a href="${escape(d.href)}">${escape(d.title)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>marginalia: timeline</title><style>${STYLE}</style></head>
<body><p><a href="index.html">← corpus</a> · <a href="map.html">map</a></p>
<h1>Timeline</h1>
<table><thead><tr><th>Year</th><th>Documents of the year</th><th>Dates the documents name in it</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${undated.length ? `<h2>Undated</h2><p>Documents whose date annotate could not read.</p><ul class="undated">${rest}</ul>` : ''}
</body></html>
`;
}
