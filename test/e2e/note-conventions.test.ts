import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { factsFromText } from '../../src/checks/facts.js';
import { runChecks } from '../../src/checks/run.js';
import { CITATION_RULES } from '../../src/rules/citations.js';
import { NOTE_RULES } from '../../src/rules/notes.js';
import { Document } from '../../src/core/document.js';
import type { Sidecar } from '../../src/core/schema.js';
import { noteStructure } from '../../src/extract/notes.js';
import { noteCandidates } from '../../src/extract/note-candidates.js';
import { REPO, cli, makeProject } from '../helpers.js';

/**
 * The note conventions of issue 24, one small document each (test/fixtures/notes-conventions):
 * the exact notes and markers found, no note finding on the clean documents, and exactly the
 * planted finding on each document of defects/.
 */
const DIR = join(REPO, 'test/fixtures/notes-conventions');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** [n, start, end, the note's first words] and [n, start, end], UTF-16 offsets. */
type NoteAt = [string, number, number, string];
type MarkerAt = [string, number, number];

const CLEAN: Record<string, { notes: NoteAt[]; markers: MarkerAt[] }> = {
  // `[Footnote 1: …]` after the paragraph (indented) and after the letter; `[see note 1]` inside a note is no marker.
  'gutenberg-letter.txt': {
    notes: [
      ['1', 421, 537, 'This last phrase'],
      ['2', 618, 739, 'The letters to Hofmeister'],
    ],
    markers: [
      ['1', 261, 264],
      ['2', 588, 591],
    ],
  },
  // Two letters in one file, each numbering its footnotes from 1; `[Op. 18]`, `[Mollo?]` are no markers.
  'gutenberg-two-letters.txt': {
    notes: [
      ['1', 301, 375, 'In reference to'],
      ['1', 695, 759, 'This beautiful letter'],
      ['2', 775, 848, 'A large portion'],
      ['3', 864, 925, 'Beethoven did not'],
    ],
    markers: [
      ['1', 219, 222],
      ['1', 382, 385],
      ['2', 564, 567],
      ['3', 629, 632],
    ],
  },
  // `[A]` … `[Footnote A: …]`; the `[A]`, `[C]` keys in the table are no markers.
  'gutenberg-lettered.txt': {
    notes: [
      ['A', 180, 212, 'The log gives'],
      ['B', 228, 261, 'Captain Josiah Reed'],
      ['C', 442, 483, 'Madeira'],
    ],
    markers: [
      ['A', 72, 75],
      ['B', 143, 146],
      ['C', 424, 427],
    ],
  },
  'gutenberg-starred.txt': {
    notes: [['*', 117, 155, 'The first edition']],
    markers: [['*', 57, 60]],
  },
  // `[01]` is note 1; the notes stand under `NOTES TO CHAPTER I`, after chapter II; `see [03]` inside a note is no marker.
  'renumbered.txt': {
    notes: [
      ['1', 235, 271, 'The Roman road'],
      ['2', 278, 336, 'The ford was replaced'],
      ['3', 343, 374, 'By a private Act'],
    ],
    markers: [
      ['1', 43, 47],
      ['2', 87, 91],
      ['3', 156, 160],
    ],
  },
  // `[01]` paragraphs at each chapter's end, a paragraph away from their markers, with no heading.
  'renumbered-chapters.txt': {
    notes: [
      ['1', 120, 162, 'The charter is lost'],
      ['2', 169, 195, 'Twelve monks'],
      ['3', 297, 334, 'Its roof timbers'],
    ],
    markers: [
      ['1', 40, 44],
      ['2', 69, 73],
      ['3', 223, 227],
    ],
  },
  // `1.` notes under `NOTES`; the `1.`, `2.` list in the text is no notes list.
  'notes-section.txt': {
    notes: [
      ['1', 229, 290, 'Dugdale, Monasticon'],
      ['2', 294, 331, 'Stow, Survey'],
      ['3', 335, 381, 'Parish chest'],
    ],
    markers: [
      ['1', 55, 58],
      ['2', 92, 95],
      ['3', 124, 127],
    ],
  },
  'notes-section-paren.txt': {
    notes: [
      ['1', 126, 186, 'Ruding, Annals'],
      ['2', 190, 204, 'Ibid., p. 298.'],
    ],
    markers: [
      ['1', 60, 63],
      ['2', 107, 110],
    ],
  },
  // `*`, `†`, `‡` lines under the paragraph holding the sign; `*  *  *  *  *` is a section break.
  'page-footnotes.txt': {
    notes: [
      ['*', 101, 141, 'Aust Cliff'],
      ['†', 211, 246, 'Their names'],
      ['‡', 249, 276, 'Raised to twopence'],
    ],
    markers: [
      ['*', 28, 29],
      ['†', 154, 155],
      ['‡', 193, 194],
    ],
  },
  // `[^1]: …` definitions; `[^note]` is named, and its definition runs over an indented line.
  'markdown.txt': {
    notes: [
      ['1', 103, 144, 'Estate map'],
      ['2', 151, 156, 'Ibid.'],
      ['note', 166, 221, 'The foundations'],
    ],
    markers: [
      ['1', 38, 42],
      ['2', 62, 66],
      ['note', 88, 95],
    ],
  },
  // Indented bibliographic footnotes with Ibid. and Op. cit. (cut from the Midewiwin report).
  'bibliographic.txt': {
    notes: [
      ['1', 189, 234, 'Coll. Minn. Hist. Soc.'],
      ['2', 526, 673, 'Information respecting'],
      ['3', 693, 707, 'Ibid., p. 362.'],
      ['4', 776, 801, 'Op. cit., vol. 5'],
    ],
    markers: [
      ['1', 65, 68],
      ['2', 249, 252],
      ['3', 422, 425],
      ['4', 722, 725],
    ],
  },
};

/** The one finding planted in each document of defects/, as `rule:line`. */
const DEFECTS: Record<string, string> = {
  'gutenberg-letter.txt': 'note-without-marker:13',
  'gutenberg-two-letters.txt': 'marker-without-note:14',
  'gutenberg-lettered.txt': 'marker-without-note:4',
  'gutenberg-starred.txt': 'note-without-marker:5',
  'renumbered.txt': 'marker-without-note:4',
  'renumbered-chapters.txt': 'note-without-marker:17',
  'notes-section.txt': 'note-numbering-gap:10',
  'notes-section-paren.txt': 'notes-out-of-order:9',
  'page-footnotes.txt': 'duplicate-note-number:6',
  'markdown.txt': 'marker-without-note:3',
  'bibliographic.txt': 'note-without-marker:11',
};

/** What `check` reports about notes: the note rules and the citation rules on notes (not the header metadata). */
const NOTE_FINDING_RULES = [...NOTE_RULES, ...CITATION_RULES.filter((r) => r.meta.id !== 'document-without-citation-metadata')];

function reported(name: string, text: string): string[] {
  const facts = factsFromText(new Document(name, text));
  const options = { require: { source: ['archive', 'archive_location'], bibliographic: ['author', 'title', 'issued', 'page'] } };
  return runChecks(facts, options, NOTE_FINDING_RULES).map((m) => `${m.ruleId}:${m.line}`);
}

describe('note conventions: the notes and markers found', () => {
  it.each(Object.keys(CLEAN))('%s', (name) => {
    const text = read(name);
    const { notes, markers } = noteStructure(text);
    const expected = CLEAN[name]!;
    expect(notes.flatMap((n) => n.numbers.map((x) => [x, n.start, n.end]))).toEqual(expected.notes.map(([n, s, e]) => [n, s, e]));
    for (const [n, start, , words] of expected.notes) expect(text.slice(start, start + words.length), `note ${n}`).toBe(words);
    expect(markers.map((m) => [m.n, m.start, m.end])).toEqual(expected.markers);
  });
});

describe('note conventions: check', () => {
  it.each(Object.keys(CLEAN))('%s has no note finding', (name) => {
    expect(reported(name, read(name))).toEqual([]);
  });

  it.each(Object.keys(DEFECTS))('defects/%s has exactly its planted finding', (name) => {
    expect(reported(name, read(`defects/${name}`))).toEqual([DEFECTS[name]]);
  });

  it('the check command, over annotated sidecars, reports the same', async () => {
    const root = makeProject();
    cpSync(DIR, join(root, 'corpus'), { recursive: true });
    await cli(root, 'annotate');
    const r = await cli(root, 'check', '--format', 'json');
    const findings = (JSON.parse(r.stdout) as { file: string; line: number; ruleId: string }[])
      .filter((f) => f.ruleId !== 'document-without-citation-metadata')
      .map((f) => `${f.file}:${f.ruleId}:${f.line}`);
    expect(findings.sort()).toEqual(
      Object.entries(DEFECTS)
        .map(([name, finding]) => `corpus/defects/${name}:${finding}`)
        .sort(),
    );
  });
});

describe('note conventions: numbering sections', () => {
  it('a footnote mislabelled 1 after a marker 2 is reported, not taken for a new letter', () => {
    const text =
      'TO HERR HOFMEISTER.\n\nMy Quartets are full of faults.[1]\n\n[Footnote 1: The Mollo edition.]\n\n' +
      'I must live like an exile.[2]\n\n[Footnote 1: Written at Heiligenstadt.]\n';
    expect(reported('t.txt', text)).toEqual(['marker-without-note:7', 'note-without-marker:9']);
  });

  it('each note of a letter is linked to the marker of its letter in the sidecar', async () => {
    const root = makeProject({ 'corpus/letters.txt': read('gutenberg-two-letters.txt') });
    await cli(root, 'annotate');
    const entries = (parse(readFileSync(join(root, 'annotations/letters.txt.yaml'), 'utf8')) as Sidecar).entries;
    const markerLine = new Map(entries.filter((e) => e.type === 'note-marker').map((e) => [e.id, e.start]));
    const links = entries.filter((e) => e.type === 'note').map((e) => [e.n, e.markers?.map((id) => markerLine.get(id))]);
    expect(links).toEqual([
      ['1', [219]],
      ['1', [382]],
      ['2', [564]],
      ['3', [629]],
    ]);
  });
});

describe('note conventions: citations', () => {
  it('reads bibliographic references and gives an Ibid. or Op. cit. its antecedent and its fields', () => {
    const notes = (name: string) => noteCandidates(read(name)).filter((c) => c.type === 'note');
    const paren = notes('notes-section-paren.txt');
    expect(paren.map((n) => [n.n, n.kind, n.repeats])).toEqual([
      ['1', 'bibliographic', undefined],
      ['2', 'other', '1'],
    ]);
    expect(paren[1]!.citation).toEqual({ ...paren[0]!.citation, page: '298' });
    expect(paren[0]!.citation).toMatchObject({
      author: [{ literal: 'Ruding' }],
      title: 'Annals of the Coinage',
      issued: '1840',
      page: '221',
    });
    // No note before parses as a citation: Ibid. and Op. cit. repeat the note before them.
    expect(notes('bibliographic.txt').map((n) => n.repeats)).toEqual([undefined, undefined, '2', '2']);
    expect(notes('markdown.txt').map((n) => n.repeats)).toEqual([undefined, '1', undefined]);
  });
});
