import { describe, expect, it } from 'vitest';
import { factsFromText } from '../../src/checks/facts.js';
import { runChecks } from '../../src/checks/run.js';
import { Document } from '../../src/core/document.js';
import { findArchivalCitations } from '../../src/extract/archival-citations.js';
import { findMoney } from '../../src/extract/money.js';
import { noteStructure } from '../../src/extract/notes.js';
import { noteCandidates } from '../../src/extract/note-candidates.js';
import { CITATION_RULES } from '../../src/rules/citations.js';
import { NOTE_RULES } from '../../src/rules/notes.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Sidecar } from '../../src/core/schema.js';
import { jsonlSpans } from '../../src/interop/jsonl.js';
import { cli, copyOfBundledCorpus, makeProject } from '../helpers.js';

/** Issue 28: `check` on clean texts of three genres reports nothing about their notes. */
const NOTE_FINDING_RULES = [...NOTE_RULES, ...CITATION_RULES.filter((r) => r.meta.id !== 'document-without-citation-metadata')];
const findings = (text: string) =>
  runChecks(
    factsFromText(new Document('t.txt', text)),
    { require: { source: ['archive'], bibliographic: ['author', 'title', 'issued', 'page'] } },
    NOTE_FINDING_RULES,
  ).map((m) => `${m.ruleId}:${m.line}`);

describe('FRUS notes with the label on a line of its own', () => {
  const text =
    '12. Telegram From the Embassy in Israel to the Department of State(1)\n\n' +
    'Tel Aviv, April 4, 1957.\n\n' +
    'The Ambassador saw the Prime Minister today.(2)\n\n' +
    '(1)\nSource: Department of State, Central Files, 684A.86/4–457. Secret.\n' +
    '(2)\nNot printed.\n';

  it('reads `(1)` then `Source: …` on the next line as note 1, with its citation', () => {
    const { notes } = noteStructure(text);
    const source = text.indexOf('Source:');
    const notPrinted = text.indexOf('Not printed');
    expect(notes.map((n) => [n.numbers, n.labelStart, n.start, n.end])).toEqual([
      [['1'], source - 4, source, text.indexOf('\n(2)')],
      [['2'], notPrinted - 4, notPrinted, notPrinted + 'Not printed.'.length],
    ]);
    const note1 = noteCandidates(text).find((c) => c.type === 'note' && c.n === '1')!;
    expect(note1.kind).toBe('source');
    expect(note1.citation?.archive).toBe('Department of State');
  });

  it('check reports no marker without its note', () => {
    expect(findings(text)).toEqual([]);
  });
});

describe('counts in parentheses in a text with no notes', () => {
  const text =
    'COURT CIRCULAR.\n\nAmong the company were the Hon. Misses Ponsonby (2), Lady Rolle, the Misses Clifford (3), ' +
    'and the Messrs. Gore (2).\n\nThe band of the Guards played.\n';

  it('are no note markers', () => {
    expect(noteStructure(text).markers).toEqual([]);
    expect(findings(text)).toEqual([]);
  });

  it('markers numbered from 1 still count where the notes are missing', () => {
    const numbered = 'The treaty was signed.(1) The talks went on.(2)\n\nThe end.\n';
    expect(noteStructure(numbered).markers.map((m) => [m.n, m.start, m.end])).toEqual([
      ['1', 22, 25],
      ['2', 44, 47],
    ]);
    expect(findings(numbered)).toEqual(['marker-without-note:1', 'marker-without-note:1']);
  });
});

describe('the header rule (document-without-citation-metadata)', () => {
  const newspaper = 'Among the company were the Hon. Misses Ponsonby (2), Lady Rolle, and others.\n';
  const record =
    'Telegram From the Embassy in Israel(1)\n\nThe Ambassador called.\n\n(1) Source: Department of State, Central Files, 684A.86/4–457. Secret.\n';
  const headerFindings = async (root: string) => {
    const r = await cli(root, 'check', '--format', 'json');
    return (JSON.parse(r.stdout) as { file: string; line: number; ruleId: string; message: string; severity: string }[])
      .filter((f) => f.ruleId === 'document-without-citation-metadata')
      .map((f) => `${f.file}:${f.line}:${f.severity}:${f.message}`);
  };

  it('applies to a document that cites its source, not to a newspaper page', async () => {
    const root = makeProject({ 'corpus/news/page.txt': newspaper, 'corpus/frus/d1.txt': record });
    await cli(root, 'annotate');
    expect(await headerFindings(root)).toEqual(['corpus/frus/d1.txt:1:warning:the document has no date in its header']);
  });

  it('is set per folder with check.overrides in the config', async () => {
    const root = makeProject({ 'corpus/news/page.txt': newspaper, 'corpus/frus/d1.txt': record, 'corpus/other/d2.txt': record });
    writeFileSync(
      join(root, 'marginalia.config.yaml'),
      'check:\n  overrides:\n    - files: ["corpus/frus/**"]\n      rules:\n        document-without-citation-metadata: off\n',
    );
    await cli(root, 'annotate');
    expect(await headerFindings(root)).toEqual(['corpus/other/d2.txt:1:warning:the document has no date in its header']);
  });

  it('an unknown rule id in an override is a config error', async () => {
    const root = makeProject({ 'corpus/d.txt': record });
    writeFileSync(
      join(root, 'marginalia.config.yaml'),
      'check:\n  overrides:\n    - files: ["corpus/**"]\n      rules:\n        no-such-rule: off\n',
    );
    const r = await cli(root, 'check');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('check.overrides.0.rules.no-such-rule');
  });
});

describe('a renumbered book whose note continues on indented lines of music', () => {
  const label = (i: number) => `[${String(i).padStart(2, '0')}]`;
  let body = 'THE CHANTS OF THE ABBEY\n\n';
  for (let i = 1; i <= 15; i++) body += `Paragraph ${i} tells of the chant sung at the office.${label(i)}\n\n`;
  let list = '';
  for (let i = 1; i <= 15; i++) {
    list += `${label(i)} Note ${i} on the chant.\n`;
    // Note 9 goes on after a blank line, set in, and note 10 follows the music with no blank line.
    list += i === 9 ? "\n      [G: {f' g'} a' g' f' | e' d']\n      [W: De profundis, etc.]\n" : '\n';
  }
  const text = body + list;

  it('reads note 9 with its music, then notes 10 and 11', () => {
    const { notes } = noteStructure(text);
    expect(notes.map((n) => n.numbers[0])).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1)));
    const nine = notes[8]!;
    expect([nine.start, nine.end]).toEqual([text.indexOf('Note 9 on'), text.indexOf('etc.]') + 'etc.]'.length]);
    const ten = notes[9]!;
    expect([ten.labelStart, ten.start, ten.end]).toEqual([
      text.indexOf('[10] Note'),
      text.indexOf('Note 10 on'),
      text.indexOf('Note 10 on') + 'Note 10 on the chant.'.length,
    ]);
  });

  it('check reports no marker without note and no numbering gap', () => {
    expect(findings(text)).toEqual([]);
  });
});

describe('export with a binary file in the corpus', () => {
  it.each(['csl', 'brat', 'jsonl'])('--format %s skips it with a warning and exits 0', async (format) => {
    const root = makeProject({
      'corpus/d1.txt': 'The Ambassador called.(1)\n\n(1) Source: Department of State, Central Files, 684A.86/4–457. Secret.\n',
      'corpus/bad/binary.txt': 'x\u0000y',
    });
    await cli(root, 'annotate');
    const r = await cli(root, 'export', '--format', format, ...(format === 'brat' ? ['--out', join(root, 'out')] : []));
    expect(r.stderr).not.toContain('no sidecar');
    expect(r.stderr).toContain('corpus/bad/binary.txt  warning  binary file (NUL bytes), skipped  text-binary');
    expect(r.code).toBe(0);
  });
});

describe('export --format jsonl and spaCy', () => {
  it('no two ents of a line overlap on the bundled corpus; every other entity is in spans.marginalia', async () => {
    const root = copyOfBundledCorpus();
    const r = await cli(root, 'export', '--format', 'jsonl');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            ents: [number, number, string][];
            spans: Record<string, [number, number, string][]>;
            meta: { source: string };
          },
      );
    expect(lines).toHaveLength(14);
    let nested = 0;
    for (const line of lines) {
      const sorted = [...line.ents].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0], line.meta.source).toBeGreaterThanOrEqual(sorted[i - 1]![1]);
      const sidecar = parse(
        readFileSync(join(root, 'annotations', `${line.meta.source.replace(/^corpus\//, '')}.yaml`), 'utf8'),
      ) as Sidecar;
      const expected = sidecar.entries
        .filter((e) => !['note', 'note-marker', 'xref'].includes(e.type) && e.status !== 'rejected' && e.status !== 'orphaned')
        .map((e) => `${e.start}-${e.end}-${e.type}`)
        .sort();
      const exported = [...line.ents, ...line.spans.marginalia!].map(([s, e, t]) => `${s}-${e}-${t}`).sort();
      expect(exported).toEqual(expected);
      nested += line.spans.marginalia!.length;
    }
    expect(nested).toBeGreaterThan(0);
  });

  it('import --from jsonl reads the span group as well as ents', () => {
    const line = { ents: [[0, 20, 'org']], spans: { marginalia: [[12, 20, 'place']] } };
    expect(jsonlSpans(line)).toEqual([
      [0, 20, 'org'],
      [12, 20, 'place'],
    ]);
  });
});

describe('index --types person and names written family name first', () => {
  it('keeps Kim Il-song, Kim Tae-chung and Kim Jong Pil apart, in one document and across documents', async () => {
    const root = makeProject({
      'marginalia.config.yaml': 'ner: none\n',
      'corpus/a.txt': 'President Kim Il-song met Premier Kim Tae-chung. Later Premier Kim Jong Pil arrived.\n',
      'corpus/b.txt': 'Chairman Kim Il-song spoke. Kim left at noon.\n',
      'corpus/c.txt': 'Opposition leader Kim Tae-chung was arrested.\n',
    });
    await cli(root, 'annotate');
    const r = await cli(root, 'index', '--types', 'person', '--format', 'json');
    const kims = (JSON.parse(r.stdout) as { cluster: string; aliases: string[]; documents: string[] }[])
      .filter((e) => e.cluster.startsWith('person:kim'))
      .map((e) => [e.cluster, e.aliases.map((a) => a.replace(/^.*?(Kim)/, '$1')).sort(), e.documents])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(kims).toEqual([
      ['person:kim-ilsong', ['Kim', 'Kim Il-song', 'Kim Il-song'], ['corpus/a.txt', 'corpus/b.txt']],
      ['person:kim-jongpil', ['Kim Jong Pil'], ['corpus/a.txt']],
      ['person:kim-taechung', ['Kim Tae-chung', 'Kim Tae-chung'], ['corpus/a.txt', 'corpus/c.txt']],
    ]);
  });
});

describe('money written in parts', () => {
  const sums = (text: string) =>
    findMoney(text)
      .map((c) => [text.slice(c.start, c.end), c.amount, c.currency])
      .sort((a, b) => text.indexOf(String(a[0])) - text.indexOf(String(b[0])));

  it('thousands set apart by spaces or no-break spaces are one amount', () => {
    expect(sums('Coût: 700 000 francs. Reste: 1\u00a0250\u00a0000 francs.')).toEqual([
      ['700 000 francs', 700000, 'FRF'],
      ['1\u00a0250\u00a0000 francs', 1250000, 'FRF'],
    ]);
  });

  it('pounds, shillings and pence are one amount in pounds', () => {
    expect(sums('a balance of £5,644 12s. 3d. was paid, and 2s. 9d. for postage; 5,644l. 12s. 3d. in all')).toEqual([
      ['£5,644 12s. 3d.', 5644.6125, 'GBP'],
      ['2s. 9d.', 0.1375, 'GBP'],
      ['5,644l. 12s. 3d.', 5644.6125, 'GBP'],
    ]);
  });

  it('annotate reads the sum in a Latin-1 file', async () => {
    const root = makeProject();
    writeFileSync(join(root, 'corpus/devis.txt'), Buffer.from('Devis du pont.\n\nCoût: 700 000 francs, payés en 1962.\n', 'latin1'));
    await cli(root, 'annotate');
    const money = (parse(readFileSync(join(root, 'annotations/devis.txt.yaml'), 'utf8')) as Sidecar).entries.filter(
      (e) => e.type === 'money',
    );
    expect(money.map((e) => [e.start, e.end, e.text, e.amount, e.currency])).toEqual([[22, 36, '700 000 francs', 700000, 'FRF']]);
  });
});

describe('acronym expansions', () => {
  const acronyms = (root: string, name: string) =>
    (parse(readFileSync(join(root, `annotations/${name}.yaml`), 'utf8')) as Sidecar).entries
      .filter((e) => e.type === 'acronym')
      .map((e) => [e.start, e.text, e.value ?? null]);

  it('take the long form the document spells out over the global list, and the list only where the document gives none', async () => {
    const israel =
      'Telegram From the Embassy in Israel to the Department of State\n\nThe Government of Israel will not agree. GOI insists.\n';
    const india = 'Telegram From the Embassy in India to the Department of State\n\nThe Prime Minister spoke. GOI insists.\n';
    const root = makeProject({ 'marginalia.config.yaml': 'ner: none\n', 'corpus/israel.txt': israel, 'corpus/india.txt': india });
    await cli(root, 'annotate');
    expect(acronyms(root, 'israel.txt')).toEqual([[israel.indexOf('GOI'), 'GOI', 'Government of Israel']]);
    expect(acronyms(root, 'india.txt')).toEqual([[india.indexOf('GOI'), 'GOI', 'Government of India']]);
  });
});

describe('FRUS archival citations in parentheses', () => {
  it('are reference entries with their parts, a lot in parts.lot', () => {
    const text =
      'The Ambassador reported the talks. (Department of State, Central Files, 511.60/4–457) He left.\n' +
      'See the memorandum (Department of State, S/P Files: Lot 67 D 548, R. Johnson Chron.) and (National Archives, RG 59, Central Files, Lot 89D336).\n' +
      'Not one: (Department of Defense, 1962) nor (see above, p. 4).\n';
    const found = findArchivalCitations(text).map((c) => [c.start, c.end, text.slice(c.start, c.end), c.parts]);
    const at = (s: string) => text.indexOf(s);
    expect(found).toEqual([
      [
        at('Department of State, Central'),
        at('Department of State, Central') + 'Department of State, Central Files, 511.60/4–457'.length,
        'Department of State, Central Files, 511.60/4–457',
        { archive: 'Department of State', series: 'Central Files', file: '511.60/4–457' },
      ],
      [
        at('Department of State, S/P'),
        at('Department of State, S/P') + 'Department of State, S/P Files: Lot 67 D 548, R. Johnson Chron.'.length,
        'Department of State, S/P Files: Lot 67 D 548, R. Johnson Chron.',
        { archive: 'Department of State', series: 'S/P Files', lot: 'Lot 67 D 548', file: 'R. Johnson Chron' },
      ],
      [
        at('National Archives'),
        at('National Archives') + 'National Archives, RG 59, Central Files, Lot 89D336'.length,
        'National Archives, RG 59, Central Files, Lot 89D336',
        { archive: 'National Archives', 'record-group': '59', series: 'Central Files', lot: 'Lot 89D336' },
      ],
    ]);
  });

  it('a source note puts a lot in parts.lot, not in parts.file', () => {
    const text =
      'Memorandum of Conversation(1)\n\nWashington, July 20, 1964.\n\nThe Secretary met the Ambassador.\n\n' +
      "(1) Source: National Archives and Records Administration, RG 59, Secretary's Memoranda of Conversation: Lot 65 D 330. Limited Official Use.\n";
    const note = noteCandidates(text).find((c) => c.type === 'note')!;
    expect(note.parts).toEqual({
      archive: 'National Archives and Records Administration',
      'record-group': '59',
      series: "Secretary's Memoranda of Conversation",
      lot: 'Lot 65 D 330',
    });
  });
});

describe('a newspaper column headed NOTES TO …', () => {
  it('a line opening with the zeros of an amount cut at the line end is no note 0', () => {
    const text =
      'NOTES TO CENTRAL\n\nThe Commissioners will analyse estimates calling for approximately 115,000.\n000. an unusually large sum.\nIt is practically certain these estimates will be pruned.\n';
    expect(noteStructure(text).notes).toEqual([]);
    expect(findings(text)).toEqual([]);
  });
});
