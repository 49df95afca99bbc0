import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArchival, parseNote } from '../../src/extract/citations.js';
import { annotate } from '../../src/commands/annotate.js';
import { check } from '../../src/commands/check.js';
import { evaluate } from '../../src/commands/eval.js';
import { loadConfig } from '../../src/io/config.js';
import { noteStructure } from '../../src/extract/notes.js';
import { notesExtractor } from '../../src/extract/note-candidates.js';
import type { Entry, Sidecar } from '../../src/core/schema.js';
import { parse } from 'yaml';
import { REPO, cli, makeProject } from '../helpers.js';
import { extractContext } from '../../src/extract/index.js';

/** Public-domain FRUS documents with note gold, vendored so that these tests run on a bare clone. */
const FRUS_DEV = join(REPO, 'test/fixtures/frus-dev');

describe('notes on frus-dev', () => {
  it('finds note markers and notes with strict F1 ≥ 0.98', async () => {
    const result = await evaluate({ gold: FRUS_DEV, types: ['note', 'note-marker'], extractors: [notesExtractor(extractContext([]))] });
    for (const t of result.types) expect(t.strictScore.f1, t.type).toBeGreaterThanOrEqual(0.98);
  });

  it('reports every real defect and nothing on the documents without one', () => {
    const root = makeProject();
    cpSync(FRUS_DEV, join(root, 'corpus'), { recursive: true, filter: (p) => !p.endsWith('.ann') });
    const { messages } = check({ config: loadConfig(root) });
    expect(messages.filter((m) => m.ruleId !== 'sidecar-missing').map((m) => `${m.file}:${m.line} ${m.ruleId}`)).toEqual([
      'corpus/frus1961-63v01-d308.txt:9 source-note-unlabelled',
      'corpus/frus1961-63v03-d308.txt:61 duplicate-note-number',
      'corpus/frus1961-63v03-d45.txt:27 notes-out-of-order',
      'corpus/frus1961-63v04-d307.txt:30 note-numbering-gap',
      'corpus/frus1961-63v04-d38.txt:16 note-numbering-gap',
      'corpus/frus1961-63v04-d69.txt:38 duplicate-note-number',
      'corpus/frus1961-63v16-d257.txt:5 source-citation-inline',
    ]);
  });
});

/** Documents with notes and no defect: the bundled corpus and the clean part of frus-dev. */
function cleanDocuments(): { name: string; text: string }[] {
  const docs: { name: string; text: string }[] = [];
  const add = (dir: string, prefix: string) => {
    for (const name of (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.endsWith('.txt')).sort()) {
      docs.push({ name: `${prefix}/${name.replace(/\//g, '_')}`, text: readFileSync(join(dir, name), 'utf8') });
    }
  };
  add(join(REPO, 'corpus'), 'bundled');
  add(FRUS_DEV, 'frus-dev');
  return docs.filter(({ text }) => {
    const { notes, markers } = noteStructure(text);
    const numbers = notes.flatMap((n) => n.numbers);
    const sorted = [...numbers].sort((a, b) => Number(a) - Number(b));
    const contiguous = sorted.every((n, i) => i === 0 || Number(n) === Number(sorted[i - 1]) + 1);
    return (
      notes.length > 0 && new Set(numbers).size === numbers.length && contiguous && numbers.every((n) => markers.some((m) => m.n === n))
    );
  });
}

const lineOf = (text: string, index: number) => text.slice(0, index).split(/\r\n|\r|\n/).length;

interface Mutation {
  name: string;
  /** The mutated text and where the right rule must report, or undefined when it does not apply. */
  apply(text: string): { text: string; rule: string; line: number } | undefined;
}

const MUTATIONS: Mutation[] = [
  {
    name: 'delete a note',
    apply(text) {
      const { notes, markers } = noteStructure(text);
      const note = notes.find((n) => n.numbers.length === 1)!;
      const lineStart = text.lastIndexOf('\n', note.labelStart) + 1;
      const lineEnd = text.indexOf('\n', note.end);
      const mutated = text.slice(0, lineStart) + text.slice(lineEnd < 0 ? text.length : lineEnd + 1);
      const marker = markers.find((m) => m.n === note.numbers[0])!;
      return { text: mutated, rule: 'marker-without-note', line: lineOf(mutated, marker.start) };
    },
  },
  {
    name: 'delete a marker',
    apply(text) {
      const { notes, markers } = noteStructure(text);
      const note = notes.find((n) => n.numbers.length === 1 && markers.filter((m) => m.n === n.numbers[0]).length === 1)!;
      const marker = markers.find((m) => m.n === note.numbers[0])!;
      const mutated = text.slice(0, marker.start) + text.slice(marker.end);
      return { text: mutated, rule: 'note-without-marker', line: lineOf(mutated, note.start - (marker.end - marker.start)) };
    },
  },
  {
    name: 'renumber a note',
    apply(text) {
      const { notes } = noteStructure(text);
      const note = notes.find((n) => n.numbers.length === 1)!;
      const label = text.slice(note.labelStart, note.start).trimEnd();
      const renumbered = label.replace(/\d+/, '99');
      const mutated = text.slice(0, note.labelStart) + renumbered + text.slice(note.labelStart + label.length);
      return { text: mutated, rule: 'note-without-marker', line: lineOf(text, note.start) };
    },
  },
  {
    name: 'strip the archive from a source note',
    apply(text) {
      const source = noteStructure(text).notes.find(
        (n) => parseNote(text.slice(n.start, n.end)).citation?.archive && /^Source:/.test(text.slice(n.start, n.end)),
      );
      if (!source) return undefined;
      const body = text.slice(source.start, source.end);
      const archive = parseNote(body).citation!.archive!;
      const mutated = text.slice(0, source.start) + body.replace(`${archive}, `, '') + text.slice(source.end);
      return { text: mutated, rule: 'source-note-incomplete', line: lineOf(text, source.start) };
    },
  },
  {
    name: 'duplicate a note',
    apply(text) {
      const { notes } = noteStructure(text);
      const note = notes[notes.length - 1]!;
      const lineStart = text.lastIndexOf('\n', note.labelStart) + 1;
      const line = text.slice(lineStart, note.end);
      const mutated = `${text.slice(0, note.end)}\n${line}${text.slice(note.end)}`;
      return { text: mutated, rule: 'duplicate-note-number', line: lineOf(text, note.start) + 1 };
    },
  },
];

describe('mutations of clean documents are reported by the right rule at the right line', () => {
  const docs = cleanDocuments();
  const root = makeProject();
  const config = loadConfig(root);
  mkdirSync(join(root, 'corpus'), { recursive: true });

  it('has enough clean documents to mean something', () => {
    expect(docs.length).toBeGreaterThanOrEqual(25);
  });

  it.each(MUTATIONS.map((m) => [m.name, m] as const))('%s', (_, mutation) => {
    let applied = 0;
    for (const doc of docs) {
      const mutated = mutation.apply(doc.text);
      if (!mutated) continue;
      applied++;
      const file = `corpus/${doc.name.replace(/\//g, '__')}`;
      writeFileSync(join(root, file), mutated.text);
      const found = check({ config, paths: [file], cwd: root }).messages.filter((m) => m.ruleId === mutated.rule);
      expect(
        found.map((m) => m.line),
        `${doc.name}: ${mutation.name}`,
      ).toContain(mutated.line);
    }
    expect(applied).toBeGreaterThan(0);
  });
});

describe('the journal sample’s notes', () => {
  let entries: Entry[];
  beforeAll(async () => {
    const root = makeProject();
    cpSync(join(REPO, 'corpus/ptoj-2023-public-security-diplomacy-1945-1975.txt'), join(root, 'corpus/j.txt'));
    await annotate({ config: loadConfig(root), extractors: [notesExtractor(extractContext([]))] });
    entries = (parse(readFileSync(join(root, 'annotations/j.txt.yaml'), 'utf8')) as Sidecar).entries;
  });

  it('resolves every marker to its note', () => {
    const markers = entries.filter((e) => e.type === 'note-marker');
    const notes = entries.filter((e) => e.type === 'note');
    expect(markers.map((m) => m.n)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const m of markers) expect(notes.find((n) => n.n === m.n)?.markers).toEqual([m.id]);
  });

  it('splits the compound notes, each with its own page', () => {
    const page = (n: string) => entries.find((e) => e.type === 'note' && e.n === n)!.citation?.page;
    expect([page('2'), page('5')]).toEqual(['133', '136']);
    expect([page('4'), page('6'), page('7')]).toEqual(['12', '13', '19']);
    const note4 = entries.find((e) => e.type === 'note' && e.n === '4')!;
    expect(note4.citation).toEqual({
      type: 'book',
      author: [{ literal: 'Ministry of Public Security' }],
      title:
        'Department of International Cooperation, Summary of the history of foreign affairs and international cooperation of the Vietnam People’s Public Security Forces (1950-2005)',
      'publisher-place': 'Ha Noi',
      issued: '2007',
      page: '12',
    });
    expect(entries.find((e) => e.type === 'note' && e.n === '1')!.citation).toEqual({
      type: 'book',
      author: [{ literal: 'Ho Chi Minh' }],
      title: 'Complete Works',
      volume: '5',
      publisher: 'National Political Publishing House',
      'publisher-place': 'Hanoi',
      issued: '2011',
      page: '256',
    });
  });

  it('reports note (8)’s missing page', async () => {
    const r = await cli(REPO, 'check', 'corpus/ptoj-2023-public-security-diplomacy-1945-1975.txt', '--format', 'json');
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: 'corpus/ptoj-2023-public-security-diplomacy-1945-1975.txt',
        line: 98,
        column: 5,
        severity: 'warning',
        offset: 20488,
        message: 'note 8 gives no page',
        ruleId: 'bibliographic-note-incomplete',
        messageId: 'missing',
        source: 'check',
      },
    ]);
  });
});

describe('citation parsing', () => {
  it.each([
    [
      'National Archives, RG 59, Central Files 1964–66, POL 27 VIET S',
      { archive: 'National Archives', 'record-group': '59', series: 'Central Files 1964–66', file: 'POL 27 VIET S' },
    ],
    ['BStU MfS Abt X 348, 257-259', { archive: 'BStU', collection: 'MfS Abt X', unit: '348', folios: '257-259' }],
    [
      'Johnson Library, National Security File, Country File, USSR, Box 392',
      { archive: 'Johnson Library', series: 'National Security File', box: '392', file: 'Country File, USSR' },
    ],
    [
      'Department of State, S/P Files: Lot 67 D 548, R. Johnson Chron',
      { archive: 'Department of State', series: 'S/P Files', lot: 'Lot 67 D 548', file: 'R. Johnson Chron' },
    ],
  ])('%s', (reference, parts) => {
    expect(parseArchival(reference).parts).toEqual(parts);
  });

  it('reads a FRUS source note up to its classification', () => {
    expect(parseNote('Source: Department of State, Central Files, 751K.00/2-2161. Secret. Drafted by Wood.')).toEqual({
      kind: 'source',
      citation: { type: 'manuscript', archive: 'Department of State', archive_location: 'Central Files, 751K.00/2-2161' },
      parts: { archive: 'Department of State', series: 'Central Files', file: '751K.00/2-2161' },
    });
  });

  it('resolves Ibid. to the note it repeats, and reports one with nothing before it', async () => {
    const text =
      'Report on the claims\n\nLondon, May 1, 1963.\n\nA claim.(1) Another.(2) A third.(3) More.(4) Last.(5)\n\nNotes\n(1) Ibid., p. 4.\n' +
      '(2) Jane Doe: A Book, Norton Press, New York, 1999, p. 12.\n(3) Ibid., p. 13.\n(4) Max Roe: Papers, Beck Verlag, Munich, 1970, p. 2.\n(5) Doe, op. cit., p. 40.\n';
    const root = makeProject({ 'corpus/t.txt': text });
    await annotate({ config: loadConfig(root), extractors: [notesExtractor(extractContext([]))] });
    const notes = (parse(readFileSync(join(root, 'annotations/t.txt.yaml'), 'utf8')) as Sidecar).entries.filter((e) => e.type === 'note');
    expect(notes.map((n) => [n.n, n.repeats])).toEqual([
      ['1', undefined],
      ['2', undefined],
      ['3', '2'],
      ['4', undefined],
      ['5', '2'],
    ]);
    const r = await cli(root, 'check', '--format', 'json');
    expect(JSON.parse(r.stdout).map((m: { ruleId: string; line: number }) => [m.ruleId, m.line])).toEqual([['ibid-without-antecedent', 8]]);
  });
});

describe('check output for CI', () => {
  const root = makeProject({
    'corpus/a b.txt': 'Title\n\nSaid it.(1) And again.(2)\n\nNotes\n(1) Source: Kennedy Library, Hilsman Papers. Secret.\n',
  });

  it('--format sarif writes SARIF 2.1.0 with rule ids, file URIs, lines and columns', async () => {
    const r = await cli(root, 'check', '--format', 'sarif');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('marginalia');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('marker-without-note');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'marker-without-note');
    expect(result).toMatchObject({
      level: 'error',
      message: { text: 'note marker 2 has no note 2' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'corpus/a%20b.txt', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 23 },
          },
        },
      ],
    });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('marker-without-note');
  });

  it('--format github prints workflow commands', async () => {
    const r = await cli(root, 'check', '--format', 'github');
    const lines = r.stdout.trim().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,(line=\d+,col=\d+,)?title=[a-z-]+::.+$/);
    expect(lines).toContain('::error file=corpus/a b.txt,line=3,col=23,title=marker-without-note::note marker 2 has no note 2');
  });

  it('per-rule severity, ignore globs and an inline ignore change what is reported', async () => {
    const project = makeProject({
      'marginalia.config.yaml':
        'check:\n  rules:\n    marker-without-note: warning\n    sidecar-missing: "off"\n  ignore: ["corpus/skip/**"]\n',
      'corpus/a.txt': 'Title\n\nMay 1, 1963\n\nSaid it.(1) And again.(2)\n\nNotes\n(1) Source: Kennedy Library, Hilsman Papers. Secret.\n',
      'corpus/skip/b.txt': 'Said it.(1)\n',
      'corpus/c.txt':
        'Title\n\nMay 1, 1963\n\nSaid it.(1) And again.(2)\n\nmarginalia-ignore: marker-without-note\n\nNotes\n(1) Source: Kennedy Library, Hilsman Papers. Secret.\n',
    });
    const r = await cli(project, 'check', '--format', 'json');
    expect(JSON.parse(r.stdout).map((m: { file: string; ruleId: string; severity: string }) => [m.file, m.ruleId, m.severity])).toEqual([
      ['corpus/a.txt', 'marker-without-note', 'warning'],
    ]);
    expect(r.code).toBe(0);
    const bad = makeProject({ 'marginalia.config.yaml': 'check:\n  rules:\n    no-such-rule: error\n' });
    expect((await cli(bad, 'check')).code).toBe(2);
  });
});

describe('document metadata', () => {
  it('takes the title from the heading line, not from a label such as SUBJECT, even when it begins with "Summary"', async () => {
    const { documentMetadata } = await import('../../src/extract/metadata.js');
    const text = readFileSync(join(REPO, 'corpus/frus/frus1964-68v14-d20.txt'), 'utf8');
    expect(documentMetadata(text)).toEqual({ title: 'Summary Record of National Security Council Meeting No. 525', issued: '1964-04-02' });
    const wilson = documentMetadata(readFileSync(join(REPO, 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt'), 'utf8'));
    expect(wilson).toMatchObject({
      issued: '1986-01-06',
      archive: 'BStU',
      archive_location: 'MfS Abt X 348, 257-259',
      translator: [{ literal: "Sean O'Grady" }],
      language: 'German',
    });
  });
});
