import fc from 'fast-check';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { annotateDocument } from '../src/pipeline/annotate-text.js';
import { Document } from '../src/core/document.js';
import { datesExtractor } from '../src/extract/dates.js';
import { notesExtractor } from '../src/extract/note-candidates.js';
import type { Entry, Sidecar } from '../src/core/schema.js';
import { serializeSidecar } from '../src/io/sidecar.js';
import { extractContext } from '../src/extract/index.js';

/** Runs per property in the suite, sized for its time budget; `npm run fuzz` sets MARGINALIA_RUNS=10000. */
export const PROPERTY_RUNS = Number(process.env.MARGINALIA_RUNS ?? 300);

const extractors = [datesExtractor, notesExtractor].map((create) => create(extractContext([])));
const word = fc.constantFrom(
  'the',
  'Mielke',
  'Hanoi',
  'plan',
  '1985',
  'May 3, 1986',
  '(1)',
  '𝔄',
  'é',
  'Café',
  'x',
  ',',
  '.',
  '\n',
  '  ',
  '😀',
);
const text = fc.array(word, { minLength: 5, maxLength: 40 }).map((w) => w.join(' '));
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.array(word, { maxLength: 3 }).map((w) => w.join(' ')) });
const slice = (t: string, start: number, end: number) => [...t].slice(start, end).join('');

/** What annotate does to one text, with the sidecar written to YAML and read back. */
async function rerun(t: string, previous: Sidecar | undefined): Promise<Sidecar> {
  const { sidecar } = await annotateDocument(new Document('corpus/t.txt', t), previous, { generator: 'test', extractors });
  return parse(serializeSidecar(sidecar, 'annotations/t.txt.yaml', 'annotations/marginalia.schema.json'));
}

/**
 * Random texts with random human entries, then random insertions, deletions and
 * replacements (elsewhere and inside spans), each followed by a re-run of annotate.
 */
export function humanWorkSurvivesEdits() {
  return fc.asyncProperty(
    text,
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.boolean()), { minLength: 1, maxLength: 5 }),
    fc.array(edit, { minLength: 1, maxLength: 4 }),
    async (original, spans, edits) => {
      const points = [...original];
      const human: Entry[] = spans.map(([s, len, rejected], i) => {
        const start = s % points.length;
        const end = Math.min(points.length, start + 1 + len);
        return {
          type: 'place',
          start,
          end,
          text: points.slice(start, end).join(''),
          by: 'human',
          ...(rejected ? { status: 'rejected' as const } : {}),
          comment: `h${i}`,
        };
      });
      const first = await rerun(original, undefined);
      let sidecar: Sidecar = { ...first, entries: [...first.entries, ...human] };
      let current = original;
      for (const e of edits) {
        const cps = [...current];
        const at = e.at % (cps.length + 1);
        current = [...cps.slice(0, at), e.insert, ...cps.slice(at + e.remove)].join('');
        sidecar = await rerun(current, sidecar);
        const kept = sidecar.entries.filter((x) => x.comment?.startsWith('h'));
        expect(kept.map((x) => x.comment).sort()).toEqual(human.map((x) => x.comment).sort());
        for (const x of kept) {
          if (x.status !== 'orphaned') expect(slice(current, x.start, x.end)).toBe(x.text);
          else {
            const status = human.find((h) => h.comment === x.comment)!.status;
            expect(x.previousStatus).toBe(status === 'rejected' || status === 'accepted' ? status : undefined);
          }
        }
      }
    },
  );
}

/** Runs of the curation property: a quarter of the others' in the suite (each runs annotate four times), all of them in `npm run fuzz`. */
export const CURATION_RUNS = process.env.MARGINALIA_RUNS ? PROPERTY_RUNS : PROPERTY_RUNS / 4;

/** What `machineCurationSurvives` saw, summed over its runs (printed by `npm run fuzz`). */
export const curationFigures = { cycles: 0, curated: 0, deleted: 0, kept: 0, lost: 0 };

/** Words whose dates recur: several machine entries share one type and text. */
const recurring = fc.constantFrom('the', 'May 3, 1986', 'May 3, 1986', 'June 1986', 'in', 'Hanoi', '.', '\n', 'plan', '1985');
const recurringText = fc.array(recurring, { minLength: 8, maxLength: 40 }).map((w) => w.join(' '));
const curation = fc.record({ pick: fc.nat(), action: fc.constantFrom('retype', 'respan', 'delete', 'retext') });
const key = (e: Pick<Entry, 'type' | 'start' | 'end'>) => `${e.type}:${e.start}:${e.end}`;
const live = (e: Entry) => e.status !== 'rejected' && e.status !== 'orphaned';

/**
 * A person curates machine entries in the sidecar by hand (retypes, moves a boundary, deletes,
 * puts on another word), among entries whose text recurs; then annotate runs again (as
 * `--force` would), and again after random edits of the text. Every decision stands: a curated
 * entry keeps its type and text (or is orphaned), a deleted one never comes back live.
 */
export function machineCurationSurvives() {
  return fc.asyncProperty(
    recurringText,
    fc.array(curation, { minLength: 1, maxLength: 4 }),
    fc.array(edit, { maxLength: 3 }),
    async (original, actions, edits) => {
      const first = await rerun(original, undefined);
      const machine = first.entries.filter((e) => e.status === 'auto' && e.type === 'date');
      fc.pre(machine.length > 0);
      const entries = [...first.entries];
      const curated: Entry[] = [];
      const deleted: Entry[] = [];
      const touched = new Set<Entry>();
      const words = [...original.matchAll(/\p{L}{3,}/gu)];
      for (const { pick, action } of actions) {
        const target = machine[pick % machine.length]!;
        if (touched.has(target)) continue;
        touched.add(target);
        const i = entries.indexOf(target);
        if (action === 'delete') {
          entries.splice(i, 1);
          deleted.push(target);
          continue;
        }
        let changed: Entry;
        if (action === 'retype') changed = { ...target, type: 'place' };
        else if (action === 'respan' && target.end - target.start > 1)
          changed = { ...target, end: target.end - 1, text: slice(original, target.start, target.end - 1) };
        else {
          const word = words[pick % Math.max(1, words.length)];
          if (!word) continue;
          const start = [...original.slice(0, word.index)].length;
          changed = { ...target, start, end: start + [...word[0]].length, text: word[0] };
        }
        entries[i] = changed;
        curated.push(changed);
      }
      fc.pre(curated.length + deleted.length > 0);
      let sidecar: Sidecar = { ...first, entries };
      let current = original;
      const runs = [undefined, ...edits];
      for (const e of runs) {
        if (e) {
          const cps = [...current];
          const at = e.at % (cps.length + 1);
          current = [...cps.slice(0, at), e.insert, ...cps.slice(at + e.remove)].join('');
        }
        sidecar = await rerun(current, sidecar);
        curationFigures.cycles++;
        const human = sidecar.entries.filter((x) => x.by === 'human');
        if (!e) {
          // The text as curated: each decision where the person left it.
          const liveKeys = new Set(sidecar.entries.filter(live).map(key));
          for (const c of curated) expect(human.some((h) => key(h) === key(c) && h.status === undefined)).toBe(true);
          for (const d of deleted) expect(liveKeys.has(key(d)), `deleted ${key(d)} came back`).toBe(false);
          expect(sidecar.entries.filter((x) => x.status === 'rejected').length).toBeGreaterThanOrEqual(deleted.length);
        }
        // Through text edits: the curated entries are all still there, at their text or orphaned.
        const kept = human.filter((h) => (h.status !== 'orphaned' ? slice(current, h.start, h.end) === h.text : true));
        expect(kept.length).toBe(curated.length);
        expect(sidecar.entries.filter((x) => x.status === 'rejected' || x.previousStatus === 'rejected').length).toBeGreaterThanOrEqual(
          deleted.length,
        );
      }
      curationFigures.curated += curated.length;
      curationFigures.deleted += deleted.length;
      curationFigures.kept += curated.length + deleted.length;
    },
  );
}
