import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOTE_RULES } from '../../src/rules/notes.js';
import { runChecks } from '../../src/checks/run.js';
import { factsFromText } from '../../src/checks/facts.js';
import { Document } from '../../src/core/document.js';
import { noteStructure } from '../../src/extract/notes.js';
import { REPO } from '../helpers.js';

/**
 * Mutation test of the citation checks: in every document with notes (bundled, and frus-dev
 * with its gold), delete each marker in turn, delete each note in turn, and swap the numbers of
 * two adjacent notes; each planted defect must be reported by the right rule at the right line.
 * Library calls only (no files, no CLI), so it stays fast enough for `npm test`.
 */

/** Public-domain FRUS documents with gold, vendored (test/fixtures/frus-dev). */
const FRUS_DEV = join(REPO, 'test/fixtures/frus-dev');

interface MarkerAt {
  n: string;
  start: number;
  end: number;
}
interface NoteAt {
  n: string;
  /** Where its label begins (`(3)`, `[3]`) and where its text ends, UTF-16 indexes. */
  labelStart: number;
  end: number;
}
interface Annotated {
  name: string;
  text: string;
  markers: MarkerAt[];
  notes: NoteAt[];
}
interface Planted {
  text: string;
  rule: string;
  /** Every line the rule must report at. */
  lines: number[];
  /** The same places in the unmutated text, where the rule must not have reported already. */
  linesBefore: number[];
}
type Kind = 'delete a marker' | 'delete a note' | 'swap two adjacent notes';

const lineOf = (text: string, index: number) => text.slice(0, index).split(/\r\n|\r|\n/).length;
const lineStartOf = (text: string, index: number) => Math.max(text.lastIndexOf('\n', index - 1), text.lastIndexOf('\r', index - 1)) + 1;

/** The frus-dev documents with the gold's markers and notes (offsets are code points; these texts are BMP-only). */
function frusDocuments(): Annotated[] {
  return readdirSync(FRUS_DEV)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(FRUS_DEV, f), 'utf8');
      const ann = readFileSync(join(FRUS_DEV, f.replace(/\.txt$/, '.ann')), 'utf8');
      const nOf = new Map([...ann.matchAll(/^#\d+\tAnnotatorNotes (T\d+)\tn=([^;\s]+)/gm)].map((m) => [m[1]!, m[2]!]));
      const spans = [...ann.matchAll(/^(T\d+)\t(note|note-marker) (\d+) (\d+)\t/gm)].map((m) => ({
        id: m[1]!,
        type: m[2]!,
        start: Number(m[3]),
        end: Number(m[4]),
      }));
      const markers = spans
        .filter((s) => s.type === 'note-marker')
        .map((s) => ({ n: nOf.get(s.id) ?? text.slice(s.start + 1, s.end - 1), start: s.start, end: s.end }));
      // The gold note starts after its label; the label opens the note's line.
      const notes = spans
        .filter((s) => s.type === 'note')
        .map((s) => ({
          n: nOf.get(s.id)!,
          labelStart: lineStartOf(text, s.start) + /^[ \t]*/.exec(text.slice(lineStartOf(text, s.start)))![0].length,
          end: s.end,
        }));
      return { name: `frus-dev/${f}`, text, markers, notes };
    })
    .filter((d) => d.notes.length > 0);
}

/**
 * The bundled documents, with the markers and notes the extractor finds (they are reviewed in annotations/);
 * and the same for the note conventions' clean fixtures (asserted exactly in note-conventions.test.ts).
 */
function extractedDocuments(folder: string, prefix: string): Annotated[] {
  const dir = join(REPO, folder);
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.txt') && !f.startsWith('defects'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const { notes, markers } = noteStructure(text);
      return {
        name: `${prefix}/${f}`,
        text,
        markers,
        notes: notes.flatMap((note) => note.numbers.map((n) => ({ n, labelStart: note.labelStart, end: note.end }))),
      };
    })
    .filter((d) => d.notes.length > 0);
}

function deleteMarker(doc: Annotated, marker: MarkerAt): Planted | undefined {
  // A note other markers still point to, or no note at all: deleting this one plants no defect.
  if (doc.markers.some((m) => m !== marker && m.n === marker.n)) return undefined;
  const note = doc.notes.find((n) => n.n === marker.n);
  if (!note) return undefined;
  const text = doc.text.slice(0, marker.start) + doc.text.slice(marker.end);
  const shift = note.labelStart > marker.start ? marker.end - marker.start : 0;
  return {
    text,
    rule: 'note-without-marker',
    lines: [lineOf(text, note.labelStart - shift)],
    linesBefore: [lineOf(doc.text, note.labelStart)],
  };
}

/** Deletes the note's lines (all numbers of a compound note line go with it). */
function deleteNote(doc: Annotated, note: NoteAt): Planted | undefined {
  const from = lineStartOf(doc.text, note.labelStart);
  const newline = /\r\n|\r|\n/.exec(doc.text.slice(note.end));
  const to = newline ? note.end + newline.index + newline[0].length : doc.text.length;
  const gone = new Set(doc.notes.filter((n) => n.labelStart === note.labelStart).map((n) => n.n));
  const left = new Set(doc.notes.filter((n) => n.labelStart !== note.labelStart).map((n) => n.n));
  const orphans = doc.markers.filter((m) => gone.has(m.n) && !left.has(m.n));
  if (!orphans.length) return undefined;
  const text = doc.text.slice(0, from) + doc.text.slice(to);
  const moved = (i: number) => (i >= to ? i - (to - from) : i);
  return {
    text,
    rule: 'marker-without-note',
    lines: orphans.map((m) => lineOf(text, moved(m.start))),
    linesBefore: orphans.map((m) => lineOf(doc.text, m.start)),
  };
}

/** Swaps the numbers in the labels of two adjacent single-number notes: the second now stands out of order. */
function swapNotes(doc: Annotated, first: NoteAt, second: NoteAt): Planted | undefined {
  const single = (note: NoteAt) => doc.notes.filter((n) => n.labelStart === note.labelStart).length === 1;
  if (!single(first) || !single(second) || !/^\d+$/.test(first.n) || !/^\d+$/.test(second.n) || Number(first.n) >= Number(second.n))
    return undefined;
  const relabel = (label: string, n: string) => label.replace(/\d+/, n);
  const labelOf = (note: NoteAt) => /^(?:[(\[]\d+[)\]]|\[Footnote \d+:|\[\^\d+\]:|\d+[.)])/.exec(doc.text.slice(note.labelStart))?.[0];
  const [a, b] = [labelOf(first), labelOf(second)];
  if (!a || !b) return undefined;
  const text =
    doc.text.slice(0, first.labelStart) +
    relabel(a, second.n) +
    doc.text.slice(first.labelStart + a.length, second.labelStart) +
    relabel(b, first.n) +
    doc.text.slice(second.labelStart + b.length);
  const shift = relabel(a, second.n).length - a.length;
  return {
    text,
    rule: 'notes-out-of-order',
    lines: [lineOf(text, second.labelStart + shift)],
    linesBefore: [lineOf(doc.text, second.labelStart)],
  };
}

/**
 * A bare sign (`*`, `†`, `[*]`) is a marker only where its note exists, and a `* …` line a note only under
 * the sign: with either gone, the other is plain text, so no check can see the loss. Not planted.
 */
const isSign = (n: string) => /^[*†‡§]$/u.test(n);

function plantAll(doc: Annotated): { kind: Kind; what: string; planted: Planted }[] {
  const out: { kind: Kind; what: string; planted: Planted | undefined }[] = [];
  doc = { ...doc, markers: doc.markers.filter((m) => !isSign(m.n)), notes: doc.notes.filter((n) => !isSign(n.n)) };
  for (const m of doc.markers) out.push({ kind: 'delete a marker', what: `marker ${m.n} at ${m.start}`, planted: deleteMarker(doc, m) });
  const byLabel = [...new Map(doc.notes.map((n) => [n.labelStart, n])).values()].sort((x, y) => x.labelStart - y.labelStart);
  for (const n of byLabel) out.push({ kind: 'delete a note', what: `note ${n.n}`, planted: deleteNote(doc, n) });
  for (let i = 1; i < byLabel.length; i++)
    out.push({
      kind: 'swap two adjacent notes',
      what: `notes ${byLabel[i - 1]!.n} and ${byLabel[i]!.n}`,
      planted: swapNotes(doc, byLabel[i - 1]!, byLabel[i]!),
    });
  return out.filter((x): x is { kind: Kind; what: string; planted: Planted } => x.planted !== undefined);
}

/** What the note rules report on a text, as `rule:line`, through the same path `check` takes for a text without a current sidecar. */
function reported(name: string, text: string): string[] {
  const facts = factsFromText(new Document(name, text));
  return runChecks(facts, { require: { source: [], bibliographic: [] } }, NOTE_RULES).map((m) => `${m.ruleId}:${m.line}`);
}

describe('planted citation defects are reported by the right rule at the right line', () => {
  const tally = new Map<Kind, { made: number; found: number }>();
  const docs = [
    ...extractedDocuments('corpus', 'bundled'),
    ...extractedDocuments('test/fixtures/notes-conventions', 'conventions'),
    ...(existsSync(FRUS_DEV) ? frusDocuments() : []),
  ];

  const conventions = new Map<string, { made: number; found: number }>();

  afterAll(() => {
    const lines = [...tally].map(([kind, t]) => `${kind}: ${t.found}/${t.made}`);
    console.log(`citation mutations (found/made) over ${docs.length} documents: ${lines.join(', ')}`);
    const fixtures = [...conventions].map(([name, t]) => `${name} ${t.found}/${t.made}`);
    console.log(`of which on the note conventions' fixtures: ${fixtures.join(', ')}`);
  });

  it('covers each note conventions fixture', () => {
    expect(docs.filter((d) => d.name.startsWith('conventions/')).length).toBeGreaterThanOrEqual(10);
  });

  it.skipIf(!existsSync(FRUS_DEV))('covers the frus-dev documents with notes', () => {
    expect(docs.filter((d) => d.name.startsWith('frus-dev/')).length).toBeGreaterThanOrEqual(29);
  });

  it('covers the bundled documents with notes', () => {
    expect(docs.filter((d) => d.name.startsWith('bundled/')).length).toBeGreaterThanOrEqual(10);
  });

  it.each<Kind>(['delete a marker', 'delete a note', 'swap two adjacent notes'])('%s', (kind) => {
    const missed: string[] = [];
    const t = { made: 0, found: 0 };
    for (const doc of docs) {
      const before = reported(doc.name, doc.text);
      for (const { what, planted } of plantAll(doc).filter((p) => p.kind === kind)) {
        t.made++;
        const after = reported(doc.name, planted.text);
        const atLines = planted.lines.every((line) => after.includes(`${planted.rule}:${line}`));
        const isNew = planted.linesBefore.every((line) => !before.includes(`${planted.rule}:${line}`));
        const perDoc = doc.name.startsWith('conventions/') ? conventions.get(doc.name) : undefined;
        if (doc.name.startsWith('conventions/') && !perDoc) conventions.set(doc.name, { made: 0, found: 0 });
        const fixture = conventions.get(doc.name);
        if (fixture) fixture.made++;
        if (atLines && isNew) {
          t.found++;
          if (fixture) fixture.found++;
        } else missed.push(`${doc.name} ${what}: want ${planted.rule} at ${planted.lines.join(', ')}; got ${after.join(' ') || 'nothing'}`);
      }
    }
    tally.set(kind, t);
    expect(missed).toEqual([]);
    expect(t.made).toBeGreaterThan(0);
  });
});
