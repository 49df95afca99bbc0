import fc from 'fast-check';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { annotateDocument } from '../src/pipeline/annotate-text.js';
import { Document } from '../src/core/document.js';
import { datesExtractor } from '../src/extract/dates.js';
import { notesExtractor } from '../src/extract/notes.js';
import type { Entry, Sidecar } from '../src/core/schema.js';
import { serializeSidecar } from '../src/io/sidecar.js';
import { extractContext } from '../src/extract/index.js';

/** Runs per property in the suite; `npm run fuzz` sets MARGINALIA_RUNS=10000. */
export const PROPERTY_RUNS = Number(process.env.MARGINALIA_RUNS ?? 1000);

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
