/**
 * The one script of the pages (inline, under the CSP nonce): the list's sorting and filters,
 * the document page's actions by mouse and keyboard. Every write sends the page's ETag as
 * If-Match; after it the page reloads, so what is shown is what is on disk.
 */
export const CLIENT_SCRIPT = String.raw`
(() => {
const $ = (s, root) => (root || document).querySelector(s);
const $$ = (s, root) => [...(root || document).querySelectorAll(s)];
const status = $('#status');
const say = (text, isError) => { status.textContent = text; status.classList.toggle('error', Boolean(isError)); };
const flash = sessionStorage.getItem('marginalia-flash');
if (flash) { say(flash); sessionStorage.removeItem('marginalia-flash'); }

async function post(url, body, etag) {
  const headers = { 'Content-Type': 'application/json' };
  if (etag) headers['If-Match'] = etag;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  const json = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(json.error || res.statusText);
  return json;
}
function reloadWith(message, focusId) {
  sessionStorage.setItem('marginalia-flash', message);
  if (focusId) sessionStorage.setItem('marginalia-focus', focusId);
  location.reload();
}
async function undo() {
  try { const r = await post('/api/undo', {}); reloadWith('undone: ' + r.restored.join(', ')); }
  catch (e) { say(e.message, true); }
}
$('#undo').addEventListener('click', undo);

if (document.body.dataset.page === 'list') {
  const rows = $$('#docs tbody tr');
  const apply = () => {
    const type = $('#f-type').value, st = $('#f-status').value, text = $('#f-text').value.toLowerCase();
    let n = 0;
    for (const r of rows) {
      const ok = (!type || r.dataset.types.split(' ').includes(type)) && (!st || r.dataset.statuses.split(' ').includes(st)) && (!text || r.dataset.text.includes(text));
      r.hidden = !ok; if (ok) n++;
    }
    $('#shown').textContent = n + ' shown';
  };
  ['#f-type', '#f-status', '#f-text'].forEach((s) => $(s).addEventListener('input', apply));
  apply();
  $$('#docs th').forEach((th, col) => th.querySelector('button').addEventListener('click', () => {
    const dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    $$('#docs th').forEach((h) => h.removeAttribute('aria-sort'));
    th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    const key = (r) => r.children[col].dataset.sort;
    const numeric = rows.every((r) => key(r) === '' || !isNaN(Number(key(r))));
    rows.sort((a, b) => dir * (numeric ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b))));
    const body = $('#docs tbody'); rows.forEach((r) => body.appendChild(r));
  }));
  document.addEventListener('keydown', (e) => { if (e.key === 'u' && !e.target.matches('input,select,textarea')) undo(); });
  return;
}

const path = document.body.dataset.path, etag = document.body.dataset.etag;
const text = $('#text');
let current;
const marks = () => $$('mark.entity');
function show(mark) {
  current = mark;
  const d = mark.dataset;
  const rows = [['type', d.type], ['text', mark.textContent], ['status', d.status], ['by', d.by], ['value', d.value], ['cluster', d.cluster], ['ref', d.ref], ['span', d.start + '–' + d.end]];
  const dl = document.createElement('dl');
  for (const [k, v] of rows) if (v) { const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.dataset.field = k; dd.textContent = v; dl.append(dt, dd); }
  $('#details').replaceChildren(dl);
  $('#actions').hidden = false;
  $('#delete').hidden = d.by !== 'human';
  $('#retype').value = d.type;
  $('#bulk-text').textContent = mark.textContent;
  $('#bulk-type').textContent = d.type;
  $('#bulk-type2').textContent = d.type;
  $('#bulk-confirm').hidden = true;
  showPlace(mark);
}
// A place's GeoNames record and the records it may name instead, from the page's data block.
const places = $('#place-data') ? JSON.parse($('#place-data').textContent) : { records: {}, candidates: {} };
const where = (r) => r.name + ', ' + [r.country, r.admin].filter(Boolean).join(' ') + ' (' + r.lat + ', ' + r.lon + ')';
function showPlace(mark) {
  const d = mark.dataset;
  $('#place').hidden = d.type !== 'place';
  if (d.type !== 'place') return;
  const record = d.ref && places.records[d.ref];
  $('#place-record').textContent = !d.ref ? 'No record.' : record ? d.ref + ': ' + where(record) : d.ref + ': not a record of the place table';
  const items = (places.candidates[d.entryId] || []).map((ref) => {
    const r = places.records[ref], li = document.createElement('li'), b = document.createElement('button');
    b.type = 'button'; b.dataset.ref = ref;
    b.textContent = where(r) + ' · ' + r.feature + ' · ' + r.population.toLocaleString('en') + (ref === d.ref ? ' ✓' : '');
    b.addEventListener('click', () => link(ref));
    li.append(b); return li;
  });
  $('#place-candidates').replaceChildren(...items);
}
function link(ref) {
  if (current) edit([{ op: 'link', id: current.dataset.entryId, ref }], current.textContent + (ref ? ' is ' + ref : ' has no record'));
}
$('#place-none').addEventListener('click', () => link(null));
text.addEventListener('focusin', (e) => { const m = e.target.closest('mark.entity'); if (m) show(m); });
async function edit(edits, message) {
  try { const r = await post('/api/edit', { path, edits }, etag); reloadWith(message, r.ids[0]); }
  catch (e) { say(e.message, true); }
}
const act = (op) => { if (current) edit([{ op, id: current.dataset.entryId }], op + ': ' + current.textContent); };
const move = (spec) => {
  if (!current) return;
  const [edge, by, dir] = spec.split(',');
  edit([{ op: 'move', id: current.dataset.entryId, edge, by, direction: Number(dir) }], 'moved the ' + edge + ' of ' + current.textContent);
};
$$('[data-act]').forEach((b) => b.addEventListener('click', () => act(b.dataset.act)));
$$('[data-move]').forEach((b) => b.addEventListener('click', () => move(b.dataset.move)));
$('#retype').addEventListener('change', () => { if (current) edit([{ op: 'retype', id: current.dataset.entryId, type: $('#retype').value }], 'retyped ' + current.textContent + ' as ' + $('#retype').value); });

// A code-point offset in the text of a point of the page: what precedes it, less the page's own additions.
function offsetOf(node, offset) {
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(node, offset);
  const part = range.cloneContents();
  part.querySelectorAll('[data-skip]').forEach((el) => el.remove());
  return [...part.textContent].length;
}
function addSelection() {
  const sel = getSelection();
  if (!sel.rangeCount || sel.isCollapsed) return say('select some text first', true);
  const range = sel.getRangeAt(0);
  if (!text.contains(range.commonAncestorContainer)) return say('select text of the document', true);
  let start = offsetOf(range.startContainer, range.startOffset), end = offsetOf(range.endContainer, range.endOffset);
  const chosen = [...sel.toString()];
  // Spaces at either end of a selection are not part of a name.
  while (chosen.length && /\s/.test(chosen[0])) { chosen.shift(); start++; }
  while (chosen.length && /\s/.test(chosen[chosen.length - 1])) { chosen.pop(); end--; }
  if (!chosen.length) return say('select some text first', true);
  const type = $('#add-type').value;
  edit([{ op: 'add', type, start, end, text: chosen.join('') }], 'added ' + type + ' ' + chosen.join(''));
}
$('#add').addEventListener('click', addSelection);

let pending;
async function bulk(spec, verb) {
  try {
    const plan = await post('/api/bulk/dry-run', spec);
    pending = { spec, etag: plan.etag };
    $('#bulk-count').textContent = verb + ' ' + plan.count + ' entries in ' + plan.sidecars.length + ' documents?';
    $('#bulk-run').textContent = verb + ' ' + plan.count;
    $('#bulk-confirm').hidden = false;
    $('#bulk-run').focus();
  } catch (e) { say(e.message, true); }
}
$('#bulk-reject').addEventListener('click', () => current && bulk({ kind: 'reject-text', type: current.dataset.type, text: current.textContent }, 'Reject'));
$('#bulk-accept').addEventListener('click', () => current && bulk({ kind: 'accept-type', path, type: current.dataset.type }, 'Accept'));
$('#bulk-cancel').addEventListener('click', () => { $('#bulk-confirm').hidden = true; pending = undefined; });
$('#bulk-run').addEventListener('click', async () => {
  if (!pending) return;
  try { const r = await post('/api/bulk', pending.spec, pending.etag); reloadWith(r.count + ' entries changed in ' + r.sidecars.length + ' documents', current && current.dataset.entryId); }
  catch (e) { say(e.message, true); }
});
$$('[data-focus]').forEach((b) => b.addEventListener('click', () => { const m = $('mark[data-entry-id="' + CSS.escape(b.dataset.focus) + '"]'); if (m) { m.focus(); m.scrollIntoView({ block: 'center' }); } }));

const KEYS = { '[': 'start,word,-1', ']': 'start,word,1', '{': 'start,char,-1', '}': 'start,char,1', ',': 'end,word,-1', '.': 'end,word,1', '<': 'end,char,-1', '>': 'end,char,1' };
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.matches('input,select,textarea')) return;
  const onMark = document.activeElement && document.activeElement.matches('mark.entity');
  if (e.key === 'u') return undo();
  if (e.key === 'e') return addSelection();
  if (e.key === 'j' || e.key === 'k') {
    const all = marks(), i = all.indexOf(document.activeElement);
    const next = all[e.key === 'j' ? Math.min(all.length - 1, i + 1) : Math.max(0, i - 1)];
    if (next) { next.focus(); next.scrollIntoView({ block: 'center' }); }
    return;
  }
  if (!onMark) return;
  if (e.key === 'b') $('#bulk-reject').click();
  else if (e.key === 'A') $('#bulk-accept').click();
  else if (e.key === 'a') act('accept');
  else if (e.key === 'r') act('reject');
  else if (e.key === 'Delete' || e.key === 'Backspace') { if (current.dataset.by === 'human') act('delete'); }
  else if (e.key === 't') { e.preventDefault(); $('#retype').focus(); }
  else if (/^[0-9]$/.test(e.key) && current.dataset.type === 'place') {
    const ref = e.key === '0' ? null : (places.candidates[current.dataset.entryId] || [])[Number(e.key) - 1];
    if (ref !== undefined) link(ref);
  }
  else if (KEYS[e.key]) { e.preventDefault(); move(KEYS[e.key]); }
  else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(document.activeElement); }
});
const focusId = sessionStorage.getItem('marginalia-focus');
sessionStorage.removeItem('marginalia-focus');
const again = focusId && $('mark[data-entry-id="' + CSS.escape(focusId) + '"]');
if (again) { again.focus(); again.scrollIntoView({ block: 'center' }); }
})();
`;
