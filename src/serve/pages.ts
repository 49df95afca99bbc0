import { nestable } from '../interop/formats.js';
import type { Entry } from '../core/schema.js';
import { escape, TYPE_COLOURS } from '../html/pages.js';
import { markUp } from '../interop/formats.js';
import type { DocumentData, DocumentRow } from './data.js';
import { CLIENT_SCRIPT } from './client.js';
import { PLACE_PANEL, placeData, type PlaceReview } from './places.js';

const STATUSES = ['auto', 'accepted', 'rejected', 'human', 'orphaned'] as const;
const STATUS_LABEL: Record<(typeof STATUSES)[number], string> = {
  auto: 'to review',
  accepted: 'accepted',
  rejected: 'rejected',
  human: 'human',
  orphaned: 'orphaned',
};

/** The keys of the document page, shown on it and handled by the script. */
export const SHORTCUTS: [string, string][] = [
  ['a', 'accept the focused entity'],
  ['r', 'reject it'],
  ['t', 'change its type (the type menu)'],
  ['[ / ]', 'move its start a word left / right'],
  ['{ / }', 'move its start a character left / right'],
  [', / .', 'move its end a word left / right'],
  ['< / >', 'move its end a character left / right'],
  ['Delete', 'delete it (human entries only)'],
  ['e', 'add the selected text as an entity (of the type chosen under “Add”)'],
  ['b', 'reject its text as its type in the whole corpus (shows the count; Enter runs it)'],
  ['A', 'accept every entry of its type in this document (shows the count; Enter runs it)'],
  ['1 – 9', 'place: link it to that candidate GeoNames record'],
  ['0', 'place: link it to no record'],
  ['j / k', 'next / previous entity'],
  ['u', 'undo the last action'],
];

/** One CSS class per type (inline style attributes are outside the CSP). */
function typeStyles(types: readonly string[]): string {
  return types.map((t) => `.t-${t}{--c:${TYPE_COLOURS[t] ?? '#BBBBBB'}}`).join('\n');
}

const BASE_STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#111}
header{padding:.6rem 1.5rem;border-bottom:1px solid #ccc;background:#f6f6f6;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header h1{font-size:1.15rem;margin:0}
#status{color:#064;font-weight:600}#status.error{color:#a00}
button{font:inherit;cursor:pointer}
kbd{border:1px solid #aaa;border-radius:3px;padding:0 .3em;background:#fff;font-size:.85em}
`;

const DOC_STYLE = `
body{display:flex;flex-direction:column;height:100vh}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 24rem;flex:1;min-height:0}
main{padding:1rem 2rem;overflow:auto}
pre.text{max-width:50rem}
pre.text{white-space:pre-wrap;font:16px/1.7 Georgia,serif}
aside{border-left:1px solid #ccc;padding:.8rem 1rem;background:#fafafa;overflow:auto}
mark.entity{background:color-mix(in srgb,var(--c) 14%,transparent);border-bottom:3px solid var(--c);padding:0 1px;cursor:pointer;color:inherit}
mark.entity[data-status=accepted]{background:color-mix(in srgb,var(--c) 40%,transparent)}
mark.entity[data-status=rejected]{background:none;border-bottom:2px dashed #999;text-decoration:line-through #b00}
mark.entity[data-by=human]{box-shadow:inset 0 -1px 0 #000}
mark.entity:focus{outline:2px solid #000;outline-offset:1px}
.note{background:#f0f0f0}
a.marker{font-weight:bold}
.finding{display:inline-block;margin:0 .2em;padding:0 .3em;border-radius:3px;background:#fde;color:#900;font:12px system-ui,sans-serif}
#details{border:1px solid #999;background:#fff;padding:.5rem;min-height:5rem}
#details dl{display:grid;grid-template-columns:auto 1fr;gap:0 .6rem;margin:0 0 .5rem}#details dt{font-weight:600}#details dd{margin:0}
.row{display:flex;gap:.3rem;flex-wrap:wrap;margin:.3rem 0}
#bulk-confirm{margin-top:.4rem}
ul.entities{list-style:none;padding:0;margin:0}ul.entities li{margin:.15rem 0}
ul.entities button{background:none;border:none;border-bottom:2px solid var(--c);padding:0}
small{color:#555}
table.keys td{padding:0 .4rem 0 0;font-size:.9em}
`;

const LIST_STYLE = `
main{padding:1rem 1.5rem}
.filters{display:flex;gap:1rem;margin:.5rem 0 1rem;flex-wrap:wrap}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th button{background:none;border:none;font-weight:700;padding:0}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.problem td{color:#a00}
`;

function page(nonce: string, title: string, style: string, bodyAttrs: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style nonce="${nonce}">${BASE_STYLE}${style}</style></head>
<body ${bodyAttrs}>
${body}
<script nonce="${nonce}">${CLIENT_SCRIPT}</script>
</body></html>
`;
}

/** The document list: counts to review, sortable, filtered by type, status and text, all in the page. */
export function listPage(rows: readonly DocumentRow[], types: readonly string[], nonce: string): string {
  const hasReviewed = rows.some((r) => r.reviewed !== undefined);
  const cols: [string, string][] = [
    ['title', 'Document'],
    ['date', 'Date'],
    ...STATUSES.map((s) => [s, STATUS_LABEL[s]] as [string, string]),
    ...(hasReviewed ? [['reviewed', 'Reviewed'] as [string, string]] : []),
    ['findings', 'Findings'],
  ];
  const head = cols.map(([key, label]) => `<th data-key="${key}"><button type="button">${escape(label)}</button></th>`).join('');
  const body = rows
    .map((r) => {
      const statuses = STATUSES.filter((s) => r.counts[s] > 0);
      const cells = [
        `<td data-sort="${escape(r.title.toLowerCase())}"><a href="/doc?path=${encodeURIComponent(r.path)}">${escape(r.title)}</a><br><small>${escape(r.path)}${r.problem ? ` · ${escape(r.problem)}` : ''}</small></td>`,
        `<td data-sort="${escape(r.date ?? '')}">${escape(r.date ?? '')}</td>`,
        ...STATUSES.map((s) => `<td class="n" data-sort="${r.counts[s]}">${r.counts[s]}</td>`),
        ...(hasReviewed ? [`<td data-sort="${r.reviewed ? 1 : 0}">${r.reviewed === undefined ? '' : r.reviewed ? 'yes' : 'no'}</td>`] : []),
        `<td class="n" data-sort="${r.findings}">${r.findings}</td>`,
      ];
      const data = `data-types="${escape(r.types.join(' '))}" data-statuses="${statuses.join(' ')}${r.findings ? ' findings' : ''}" data-text="${escape(`${r.title} ${r.path}`.toLowerCase())}"`;
      return `<tr ${data}${r.problem ? ' class="problem"' : ''}>${cells.join('')}</tr>`;
    })
    .join('\n');
  const typeOptions = types.map((t) => `<option value="${escape(t)}">${escape(t)}</option>`).join('');
  const statusOptions = [...STATUSES.map((s) => [s, `has ${STATUS_LABEL[s]}`]), ['findings', 'has findings']]
    .map(([v, l]) => `<option value="${v}">${escape(l!)}</option>`)
    .join('');
  return page(
    nonce,
    'marginalia: review',
    LIST_STYLE,
    'data-page="list"',
    `<header><h1>marginalia review</h1><span>${rows.length} documents</span><button type="button" id="undo">Undo last action (u)</button><span id="status" role="status"></span></header>
<main>
<div class="filters">
<label>Type <select id="f-type"><option value="">any</option>${typeOptions}</select></label>
<label>Status <select id="f-status"><option value="">any</option>${statusOptions}</select></label>
<label>Text <input id="f-text" type="search" placeholder="title or path"></label>
<span id="shown"></span>
</div>
<table id="docs"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>
</main>`,
  );
}

/**
 * Entries that nest as markup, rejected ones included (shown struck through, to be reconsidered):
 * outer spans first; one that would cross a placed span is left out of the text (listed aside).
 */
const shownEntries = (entries: readonly Entry[]) => nestable(entries, (all) => all.filter((e) => e.status !== 'orphaned'));

const isStructure = (e: Entry) => e.type === 'note' || e.type === 'note-marker';

function open(e: Entry): string {
  const n = escape(e.n ?? '');
  if (e.type === 'note')
    return `<span class="note" id="note-${n}" data-id="${escape(e.id ?? '')}"><a href="#marker-${n}" class="back" data-skip aria-label="back to marker ${n}">↩ </a>`;
  if (e.type === 'note-marker') return `<a class="marker" id="marker-${n}" href="#note-${n}" data-id="${escape(e.id ?? '')}">`;
  const value = e.value ?? (e.amount !== undefined ? `${e.amount} ${e.currency ?? ''}` : undefined);
  const data = {
    'entry-id': e.id,
    status: e.status ?? 'auto',
    type: e.type,
    by: e.by,
    value,
    cluster: e.cluster,
    ref: e.ref,
    start: e.start,
    end: e.end,
  };
  const attrs = Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` data-${k}="${escape(String(v))}"`)
    .join('');
  return `<mark class="entity t-${e.type}" tabindex="0"${attrs} title="${escape(`${e.type} · ${e.status ?? 'auto'}`)}">`;
}
const close = (e: Entry) => (e.type === 'note' ? '</span>' : e.type === 'note-marker' ? '</a>' : '</mark>');
/** A carriage return as a character reference: HTML parsing would otherwise drop it, and with it an offset. */
const escapeText = (c: string) => (c === '\r' ? '&#13;' : escape(c));

/** One document: its text with every entity highlighted and focusable, the actions, the entities grouped. */
/** Each finding as a note placed at its offset in the text. */
function findingsMarkup(doc: DocumentData['doc'], findings: DocumentData['findings']): (offset: number) => string {
  const findingsAt = new Map<number, string[]>();
  for (const f of findings) {
    const offset = f.line ? doc.offsetAt(f.line, f.column ?? 1) : 0;
    const html = `<span class="finding" role="note" data-skip data-rule="${escape(f.ruleId)}">${escape(f.severity)}: ${escape(f.message)}</span>`;
    findingsAt.set(offset, [...(findingsAt.get(offset) ?? []), html]);
  }
  return (i) => (findingsAt.get(i) ?? []).join('');
}

/** The side list: one item per entity (type and text), its mentions counted by status, a button to the first shown. */
function entityList(entries: readonly Entry[], shownIds: ReadonlySet<string | undefined>): string {
  const groups = new Map<string, Entry[]>();
  for (const e of entries.filter((e) => !isStructure(e) && e.type !== 'xref')) {
    const key = `${e.type}\u0000${e.text}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()]
    .sort((a, b) => a[0]!.type.localeCompare(b[0]!.type) || b.length - a.length || a[0]!.text.localeCompare(b[0]!.text))
    .map((es) => {
      const first = es.find((e) => shownIds.has(e.id));
      const by = STATUSES.filter((s) => s !== 'human')
        .map((s) => [s, es.filter((e) => (e.status ?? 'auto') === s).length] as const)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${STATUS_LABEL[s]}`)
        .join(', ');
      const label = escape(es[0]!.text);
      const item = first ? `<button type="button" data-focus="${escape(first.id ?? '')}">${label}</button>` : label;
      return `<li class="t-${es[0]!.type}" data-type="${escape(es[0]!.type)}">${item} <small>${escape(es[0]!.type)} ×${es.length} (${by})</small></li>`;
    })
    .join('\n');
}

export function documentPage(data: DocumentData, entityTypes: readonly string[], nonce: string, places?: PlaceReview): string {
  const { doc, sidecar, findings, target } = data;
  const shown = shownEntries(sidecar.entries);
  const text = markUp(doc.text, shown, { open, close, escape: escapeText, at: findingsMarkup(doc, findings) });
  const list = entityList(sidecar.entries, new Set(shown.map((e) => e.id)));
  const orphaned = sidecar.entries
    .filter((e) => e.status === 'orphaned')
    .map((e) => `<li>${escape(e.type)} “${escape(e.text)}” <small>${escape(e.id ?? '')}</small></li>`)
    .join('');
  const counts = STATUSES.map((s) => {
    const n =
      s === 'human'
        ? sidecar.entries.filter((e) => e.by === 'human').length
        : sidecar.entries.filter((e) => (e.status ?? 'auto') === s).length;
    return `${n} ${STATUS_LABEL[s]}`;
  }).join(' · ');
  const typeOptions = entityTypes.map((t) => `<option value="${escape(t)}">${escape(t)}</option>`).join('');
  const keys = SHORTCUTS.map(([k, v]) => `<tr><td><kbd>${escape(k)}</kbd></td><td>${escape(v)}</td></tr>`).join('');
  const title = sidecar.metadata?.title ?? target.text;
  return page(
    nonce,
    title,
    `${DOC_STYLE}${typeStyles(entityTypes)}`,
    `data-page="document" data-path="${escape(target.text)}" data-etag="${escape(data.etag)}"`,
    `<header><a href="/">← all documents</a><h1>${escape(title)}</h1><small>${escape(target.text)} · ${counts}</small><button type="button" id="undo">Undo (u)</button><span id="status" role="status" aria-live="polite"></span></header>
<div class="layout">
<main><pre class="text" id="text">${text}</pre></main>
<aside aria-label="review">
<h2>Entity</h2>
<div id="details"><p>Focus an entity (Tab or click) to review it.</p></div>
<div id="actions" hidden>
<div class="row"><button type="button" data-act="accept">Accept (a)</button><button type="button" data-act="reject">Reject (r)</button><button type="button" data-act="delete" id="delete">Delete</button></div>
<div class="row"><label>Type <select id="retype">${typeOptions}</select></label></div>
<div class="row">Start <button type="button" data-move="start,word,-1" title="[">⇤ word</button><button type="button" data-move="start,char,-1" title="{">← char</button><button type="button" data-move="start,char,1" title="}">char →</button><button type="button" data-move="start,word,1" title="]">word ⇥</button></div>
<div class="row">End <button type="button" data-move="end,word,-1" title=",">⇤ word</button><button type="button" data-move="end,char,-1" title="&lt;">← char</button><button type="button" data-move="end,char,1" title="&gt;">char →</button><button type="button" data-move="end,word,1" title=".">word ⇥</button></div>
<div class="row"><button type="button" id="bulk-reject">Reject every “<span id="bulk-text"></span>” as <span id="bulk-type"></span> in the corpus…</button></div>
<div class="row"><button type="button" id="bulk-accept">Accept all <span id="bulk-type2"></span> entries of this document…</button></div>
</div>
${PLACE_PANEL}
<div id="bulk-confirm" hidden><span id="bulk-count"></span> <button type="button" id="bulk-run">Run</button> <button type="button" id="bulk-cancel">Cancel</button></div>
<h2>Add</h2>
<div class="row"><label>Type <select id="add-type">${typeOptions}</select></label><button type="button" id="add">Add selected text (e)</button></div>
<h2>Entities</h2>
<ul class="entities">${list}</ul>
${orphaned ? `<h2>Orphaned</h2><ul>${orphaned}</ul>` : ''}
${places ? placeData(places, nonce) : ''}
<details><summary>Keyboard shortcuts</summary><table class="keys">${keys}</table></details>
</aside>
</div>`,
  );
}
