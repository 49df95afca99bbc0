import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileTitles } from '../../src/core/titles.js';
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../src/cli/exit.js';
import { annotate } from '../../src/commands/annotate.js';
import { Document } from '../../src/core/document.js';
import { extractContext, extractorsFor, rulePacks, type Candidate, type Extractor } from '../../src/extract/index.js';
import { notesExtractor } from '../../src/extract/note-candidates.js';
import { loadConfig } from '../../src/io/config.js';
import { annotateDocument } from '../../src/pipeline/annotate-text.js';
import { withinBlocks } from '../../src/pipeline/blocks.js';
import { titleStage } from '../../src/pipeline/titles.js';
import { REPO, makeProject } from '../helpers.js';

/** An extractor with a bug that shows on one text only. */
const throwsOn = (name: string): Extractor => ({
  id: 'test:throws',
  description: 'throws on one text',
  types: ['person'],
  extract: (doc) => {
    if (doc.path.endsWith(name)) throw new TypeError(`cannot read properties of undefined (in ${name})`);
    return [];
  },
});

describe('a text whose extraction throws', () => {
  it('is reported as failed, naming the error; the other texts are written, the cache saved, and the exit code is 1', async () => {
    const root = makeProject({
      'corpus/a.txt': 'First text (1).\n\n(1) A note.\n',
      'corpus/b.txt': 'Second text.\n',
      'corpus/c.txt': 'Third text.\n',
    });
    const result = await annotate({ config: loadConfig(root), extractors: [notesExtractor(extractContext([])), throwsOn('b.txt')] });

    expect(result.files.map((f) => [f.target.text, f.status])).toEqual([
      ['corpus/a.txt', 'written'],
      ['corpus/b.txt', 'failed'],
      ['corpus/c.txt', 'written'],
    ]);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ file: 'corpus/b.txt', severity: 'error', ruleId: 'annotate-failed' });
    expect(result.messages[0]!.message).toMatch(/^annotation failed: TypeError: cannot read properties of undefined \(in b\.txt\)/);
    expect(existsSync(join(root, 'annotations/a.txt.yaml'))).toBe(true);
    expect(existsSync(join(root, 'annotations/b.txt.yaml'))).toBe(false);
    expect(existsSync(join(root, 'annotations/c.txt.yaml'))).toBe(true);
    const cache = JSON.parse(readFileSync(join(root, '.marginalia/cache.json'), 'utf8'));
    expect(Object.keys(cache.entries)).toEqual(['annotations/a.txt.yaml', 'annotations/c.txt.yaml']);
    expect(exitCodeOf({ failed: result.files.filter((f) => f.status === 'failed').length, interrupted: result.interrupted })).toBe(1);
  });
});

describe('the exit policy', () => {
  const message = (severity: 'error' | 'warning' | 'info') => ({ file: 'f', severity, message: 'm', ruleId: 'sidecar-stale' });
  it('is 0 for nothing or warnings, 1 for errors, failures, differences or too many warnings, 130 when interrupted', () => {
    expect(exitCodeOf({})).toBe(0);
    expect(exitCodeOf({ messages: [message('warning'), message('info')] })).toBe(0);
    expect(exitCodeOf({ messages: [message('error')] })).toBe(1);
    expect(exitCodeOf({ failed: 1 })).toBe(1);
    expect(exitCodeOf({ differ: true })).toBe(1);
    expect(exitCodeOf({ messages: [message('warning')], maxWarnings: 1 })).toBe(0);
    expect(exitCodeOf({ messages: [message('warning'), message('warning')], maxWarnings: 1 })).toBe(1);
    expect(exitCodeOf({ failed: 2, interrupted: true })).toBe(130);
  });
});

describe('entities stay inside their block', () => {
  const candidate = (text: string, from: string, to: string, type = 'org'): Candidate => ({
    type,
    start: text.indexOf(from),
    end: text.indexOf(to) + to.length,
    by: 'test',
    priority: 40,
  });

  it('a span over a blank line or out of a short line keeps its longest piece', () => {
    const list = 'SUBJECT\n\nOffice of Southeast Asian Affairs\n\nRobert B. Wright\n';
    expect(withinBlocks(list, [candidate(list, 'Office', 'Wright')]).map((c) => list.slice(c.start, c.end))).toEqual([
      'Office of Southeast Asian Affairs',
    ]);
    const memo = 'Secretary\n\nMr. Dean Rusk said so.';
    expect(withinBlocks(memo, [candidate(memo, 'Secretary', 'Rusk', 'person')]).map((c) => memo.slice(c.start, c.end))).toEqual([
      'Mr. Dean Rusk',
    ]);
    const distribution = 'Distribution:\nS/S—Mr. Battle\nG—Mr. Johnson\n';
    expect(
      withinBlocks(distribution, [candidate(distribution, 'Mr. Battle', 'Johnson', 'person')]).map((c) =>
        distribution.slice(c.start, c.end),
      ),
    ).toEqual(['G—Mr. Johnson']);
  });

  it('a span over a line break of wrapped prose (a newspaper column) is kept whole; notes span blocks', () => {
    const column =
      'The meeting was held yesterday at the house of Mr.\nJohn Smith, where the council of the town\nassembled to hear the report of the committee.\n\n(1) A note\nover two lines.';
    expect(withinBlocks(column, [candidate(column, 'Mr.', 'Smith', 'person')]).map((c) => column.slice(c.start, c.end))).toEqual([
      'Mr.\nJohn Smith',
    ]);
    const note = candidate(column, 'A note', 'lines.', 'note');
    expect(withinBlocks(column, [note])).toEqual([note]);
  });

  it('no entity of the bundled corpus or the FRUS fixtures crosses a blank line, nor a line break in FRUS (one paragraph a line)', async () => {
    const extractors = extractorsFor(rulePacks());
    const texts = [join(REPO, 'corpus'), join(REPO, 'test/fixtures/frus-dev')].flatMap((dir) =>
      (readdirSync(dir, { recursive: true }) as string[])
        .filter((n) => n.endsWith('.txt'))
        .map((n) => ({ path: n, text: readFileSync(join(dir, n), 'utf8') })),
    );
    expect(texts.length).toBeGreaterThan(40);
    for (const { path, text } of texts) {
      const { sidecar } = await annotateDocument(new Document(path, text), undefined, { generator: 'test', extractors });
      for (const e of sidecar.entries.filter((e) => !['note', 'note-marker', 'xref'].includes(e.type))) {
        expect(e.text, `${path} ${e.type}`).not.toMatch(/\n\s*\n/);
        if (/frus/.test(path)) expect(e.text, `${path} ${e.type}`).not.toContain('\n');
      }
    }
  }, 120_000);
});

describe('the title policy (personTitles in the config)', () => {
  const text = 'Yesterday Ambassador Stevenson met Col. Thomas Duff, Esq. in Paris.';
  const person = (from: string, to: string): Candidate => ({
    type: 'person',
    start: text.indexOf(from),
    end: text.indexOf(to) + to.length,
    by: 'test',
    priority: 40,
  });
  const extractors: Extractor[] = [
    { id: 'test:persons', description: '', types: ['person'], extract: () => [person('Ambassador', 'Stevenson'), person('Col.', 'Duff')] },
  ];
  const titles = compileTitles(extractContext(rulePacks()).list('titles'));
  const persons = async (policy: 'include' | 'exclude') =>
    (
      await annotateDocument(new Document('t.txt', text), undefined, { generator: 'test', extractors, people: titleStage(titles, policy) })
    ).sidecar.entries.map((e) => [e.start, e.end, e.text, e.title]);

  it('include: the span starts at the title, which is also kept in `title`', async () => {
    expect(await persons('include')).toEqual([
      [10, 30, 'Ambassador Stevenson', 'Ambassador'],
      [35, 51, 'Col. Thomas Duff', 'Col.'],
    ]);
  });

  it('exclude: the span starts at the name; the title is kept in `title`', async () => {
    expect(await persons('exclude')).toEqual([
      [21, 30, 'Stevenson', 'Ambassador'],
      [40, 51, 'Thomas Duff', 'Col.'],
    ]);
  });
});
