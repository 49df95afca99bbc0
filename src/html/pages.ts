import type { Message } from '../core/message.js';
import type { Entry, Sidecar } from '../core/schema.js';
import type { Document } from '../core/document.js';
import { markUp, nestable } from '../interop/formats.js';

/** Okabe–Ito colours: told apart with any common colour-vision deficiency. */
export const TYPE_COLOURS: Record<string, string> = {
  person: '#E69F00',
  org: '#56B4E9',
  place: '#009E73',
  date: '#F0E442',
  money: '#0072B2',
  acronym: '#CC79A7',
  reference: '#D55E00',
  xref: '#999999',
};
const colourOf = (type: string) => TYPE_COLOURS[type] ?? '#BBBBBB';

export const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body{font:16px/1.6 Georgia,serif;margin:0;display:grid;grid-template-columns:minmax(0,1fr) 22rem;min-height:100vh}
main{padding:1.5rem 2rem;max-width:48rem}
pre.text{white-space:pre-wrap;font:inherit}
aside{border-left:1px solid #ccc;padding:1rem;background:#fafafa;position:sticky;top:0;height:100vh;overflow:auto;font:14px/1.4 system-ui,sans-serif}
mark.entity{background:none;border-bottom:3px solid var(--c);padding:0 1px;cursor:pointer}
mark.entity:focus,mark.entity.selected{outline:2px solid #000;background:color-mix(in srgb,var(--c) 35%,transparent)}
mark.entity[data-type=acronym]{border-bottom-style:dotted}
.note{background:#f3f3f3;display:inline}
a.marker{font-weight:bold}
.finding{display:inline-block;margin:0 .2em;padding:0 .3em;border-radius:3px;background:#fde;color:#900;font:12px system-ui,sans-serif}
.legend span{display:inline-block;margin:0 .6em .3em 0;border-bottom:3px solid var(--c)}
#details{border:1px solid #999;padding:.5rem;margin:.5rem 0;min-height:4rem;background:#fff}
#details dt{font-weight:bold}
ul.entities{list-style:none;padding:0}
ul.entities button{font:inherit;background:none;border:none;border-bottom:2px solid var(--c);cursor:pointer;text-align:left}
`;

const SCRIPT = `
const details = document.getElementById('details');
function show(id) {
  const el = document.querySelector('mark[data-id="' + id + '"]');
  if (!el) return;
  document.querySelectorAll('mark.selected').forEach((m) => m.classList.remove('selected'));
  el.classList.add('selected');
  const d = el.dataset;
  const rows = [['type', d.type], ['text', el.textContent], ['value', d.value], ['cluster', d.cluster], ['source', d.by], ['status', d.status]];
  details.innerHTML = '<dl>' + rows.filter((r) => r[1]).map((r) => '<dt>' + r[0] + '</dt><dd data-field="' + r[0] + '">' + r[1].replace(/[&<>]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;'})[c]) + '</dd>').join('') + '</dl>';
}
document.addEventListener('click', (e) => {
  const mark = e.target.closest('mark.entity, button[data-show]');
  if (mark) show(mark.dataset.id || mark.dataset.show);
});
document.addEventListener('keydown', (e) => {
  if ((e.key === 'Enter' || e.key === ' ') && e.target.matches('mark.entity')) { e.preventDefault(); show(e.target.dataset.id); }
});
`;

/** What an element of the page shows for an entry. */
function open(e: Entry): string {
  if (e.type === 'note')
    return `<span class="note" id="note-${escape(e.n ?? '')}" data-id="${escape(e.id ?? '')}"><a href="#marker-${escape(e.n ?? '')}" class="back" aria-label="back to marker ${escape(e.n ?? '')}">↩</a> `;
  if (e.type === 'note-marker')
    return `<a class="marker" id="marker-${escape(e.n ?? '')}" href="#note-${escape(e.n ?? '')}" data-id="${escape(e.id ?? '')}">`;
  const value = e.value ?? (e.amount !== undefined ? `${e.amount} ${e.currency ?? ''}` : undefined);
  const data = { id: e.id, type: e.type, value, cluster: e.cluster, by: e.by, status: e.status };
  const attrs = Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` data-${k}="${escape(String(v))}"`)
    .join('');
  return `<mark class="entity" tabindex="0" style="--c:${colourOf(e.type)}"${attrs} title="${escape(e.type)}">`;
}
const close = (e: Entry) => (e.type === 'note' ? '</span>' : e.type === 'note-marker' ? '</a>' : '</mark>');

export interface PageInput {
  doc: Document;
  sidecar: Sidecar;
  /** check's findings for this text, shown where they point. */
  findings: Message[];
  /** Link back to the index page. */
  indexHref: string;
}

/**
 * One document as a page: the text with its nestable entries, notes and markers linked
 * both ways, the check findings in place, a legend, a side list of entities and a details panel.
 */
/** The findings as notes at their offsets in the text. */
function findingsAt(doc: PageInput['doc'], findings: readonly Message[]): (offset: number) => string {
  const at = new Map<number, Message[]>();
  for (const f of findings) {
    const offset = f.line ? doc.offsetAt(f.line, f.column ?? 1) : 0;
    at.set(offset, [...(at.get(offset) ?? []), f]);
  }
  return (i) =>
    (at.get(i) ?? [])
      .map((f) => `<span class="finding" role="note" data-rule="${escape(f.ruleId)}">${escape(f.severity)}: ${escape(f.message)}</span>`)
      .join('');
}

/** One row per entity (type and text), with its mentions counted; the button shows the first. */
function entityList(shown: readonly Entry[]): string {
  const groups = new Map<string, Entry[]>();
  for (const e of shown) {
    if (e.type === 'note' || e.type === 'note-marker') continue;
    const key = `${e.type}\u0000${e.text.replace(/\s+/g, ' ')}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()]
    .map(
      ([e, ...more]) =>
        `<li><button type="button" data-show="${escape(e!.id ?? '')}" style="--c:${colourOf(e!.type)}">${escape(e!.text)}</button> <small>${escape(e!.type)}${more.length ? ` ×${more.length + 1}` : ''}</small></li>`,
    )
    .join('\n');
}

export function documentPage({ doc, sidecar, findings, indexHref }: PageInput): string {
  const shown = nestable(sidecar.entries);
  const body = markUp(doc.text, shown, { open, close, escape, at: findingsAt(doc, findings) });
  const types = [...new Set(shown.filter((e) => e.type !== 'note' && e.type !== 'note-marker').map((e) => e.type))].sort();
  const legend = types.map((t) => `<span style="--c:${colourOf(t)}">${escape(t)}</span>`).join('');
  const list = entityList(shown);
  // Human work the text no longer holds: shown apart, never lost from sight.
  const orphaned = sidecar.entries
    .filter((e) => e.status === 'orphaned')
    .map(
      (e) =>
        `<li class="orphaned" data-entry-id="${escape(e.id ?? '')}" data-status="orphaned">${escape(e.text)} <small>${escape(e.type)} · orphaned</small></li>`,
    )
    .join('\n');
  const title = sidecar.metadata?.title ?? sidecar.source.path;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body data-entries="${shown.length}">
<main>
<p><a href="${escape(indexHref)}">← all documents</a></p>
<h1>${escape(title)}</h1>
<p class="legend" aria-label="legend">${legend}</p>
<pre class="text">${body}</pre>
</main>
<aside aria-label="entities">
<h2>Details</h2>
<div id="details" aria-live="polite">Select an entity (click, or Tab then Enter).</div>
<h2>Entities</h2>
<ul class="entities">${list}</ul>
${orphaned ? `<h2>Orphaned</h2>\n<p><small>Entries a person made that are no longer in the text.</small></p>\n<ul class="orphaned">${orphaned}</ul>` : ''}
</aside>
<script>${SCRIPT}</script>
</body></html>
`;
}

export interface IndexInput {
  documents: { href: string; title: string; path: string; entries: number; findings: number; number?: string; date?: string }[];
  entities: { type: string; name: string; mentions: number; documents: { href: string; path: string }[] }[];
}

/** The index page: every document, then every entity with links to its documents. */
export function indexPage({ documents, entities }: IndexInput): string {
  const docs = documents
    .map(
      (d) =>
        `<li>${d.number ? `${escape(d.number)}. ` : ''}<a href="${escape(d.href)}">${escape(d.title)}</a>${d.date ? ` <time>${escape(d.date)}</time>` : ''} <small>${escape(d.path)} · ${d.entries} entries${d.findings ? ` · ${d.findings} findings` : ''}</small></li>`,
    )
    .join('\n');
  const ents = entities
    .map(
      (e) =>
        `<li><span style="border-bottom:3px solid ${colourOf(e.type)}">${escape(e.name)}</span> <small>${escape(e.type)} ×${e.mentions}</small> ${e.documents.map((d) => `<a href="${escape(d.href)}">${escape(d.path)}</a>`).join(', ')}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>marginalia: corpus</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}</style></head>
<body><h1>Corpus</h1><p><a href="map.html">Map of the places</a> · <a href="timeline.html">Timeline</a></p><h2>Documents</h2><ul>${docs}</ul><h2>Entities</h2><ul>${ents}</ul></body></html>
`;
}
