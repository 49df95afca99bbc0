import { describe, expect, it } from 'vitest';
import { parseBrat } from '../../src/interop/brat.js';
import { matchSpans } from '../../src/core/scoring.js';
import { createHash } from 'node:crypto';
import { cli, makeProject } from '../helpers.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A sidecar of these entries made for this text. */
const sidecarOf = (text: string, entries: object[]) =>
  JSON.stringify({ schemaVersion: 1, source: { path: 'x.txt', sha256: sha256(text), length: text.length }, entries });

describe('parseBrat(source)', () => {
  it('reads fragments as one span and attaches AnnotatorNotes', () => {
    const ann = 'T1\tperson 452 468\tChalmers B. Wood\nT6\tplace 701 710;711 715\tGrand Pa¬ lace\n#1\tAnnotatorNotes T1\tn=1\n';
    expect(parseBrat(ann)).toEqual([
      { id: 'T1', type: 'person', start: 452, end: 468, text: 'Chalmers B. Wood', note: 'n=1' },
      { id: 'T6', type: 'place', start: 701, end: 715, text: 'Grand Pa¬ lace' },
    ]);
  });
});

describe('matchSpans(gold, predicted)', () => {
  const s = (start: number, end: number) => ({ type: 'person', start, end });
  it('counts strict and one-to-one fuzzy matches', () => {
    expect(matchSpans([s(0, 5), s(10, 20)], [s(0, 5), s(12, 14), s(15, 25)])).toEqual({ strict: 1, fuzzy: 2 });
    expect(matchSpans([s(0, 10)], [s(0, 3), s(4, 10)])).toEqual({ strict: 0, fuzzy: 1 });
  });
});

describe('marginalia eval', () => {
  it('scores sidecars against brat gold, per type and micro, with recall-only types', async () => {
    const text = 'Mielke met Pham Hung in Hanoi.';
    const sidecar = (entries: object[]) => sidecarOf(text, entries);
    const root = makeProject({
      'gold/a.txt': text,
      'gold/a.ann': 'T1\tperson 0 6\tMielke\nT2\tperson 11 20\tPham Hung\nT3\tplace 24 29\tHanoi\n',
      'pred/a.txt.yaml': sidecar([
        { type: 'person', start: 0, end: 6, text: 'Mielke', by: 'x' },
        { type: 'person', start: 11, end: 15, text: 'Pham', by: 'x' },
        { type: 'place', start: 24, end: 29, text: 'Hanoi', by: 'x' },
        { type: 'place', start: 11, end: 20, text: 'Pham Hung', by: 'x' },
      ]),
    });
    const r = await cli(root, 'eval', '--gold', 'gold', '--pred', 'pred', '--recall-only', 'place', '--format', 'json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(
      result.types.map((t: { type: string; strict: number; fuzzy: number; gold: number; predicted: number }) => [
        t.type,
        t.gold,
        t.predicted,
        t.strict,
        t.fuzzy,
      ]),
    ).toEqual([
      ['person', 2, 2, 1, 2],
      ['place', 1, 2, 1, 1],
    ]);
    expect(result.types[0].strictScore).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(result.types[1].fuzzyScore).toEqual({ precision: null, recall: 1, f1: null });
    expect(result.micro).toMatchObject({ gold: 2, predicted: 2, strict: 1, fuzzy: 2 });
  });

  it('counts the same predictions of a type with or without --types naming it', async () => {
    const sidecar = sidecarOf;
    const a = 'Mielke met the Stasi.';
    const b = 'The Stasi in Berlin.';
    const root = makeProject({
      'gold/a.txt': a,
      'gold/a.ann': 'T1\tperson 0 6\tMielke\n',
      'gold/b.txt': b,
      'gold/b.ann': 'T1\torg 4 9\tStasi\n',
      'pred/a.txt.yaml': sidecar(a, [
        { type: 'person', start: 0, end: 6, text: 'Mielke', by: 'x' },
        { type: 'org', start: 15, end: 20, text: 'Stasi', by: 'x' },
      ]),
      'pred/b.txt.yaml': sidecar(b, [
        { type: 'org', start: 4, end: 9, text: 'Stasi', by: 'x' },
        { type: 'place', start: 13, end: 19, text: 'Berlin', by: 'x' },
      ]),
    });
    const orgRow = async (...types: string[]) => {
      const r = await cli(root, 'eval', '--gold', 'gold', '--pred', 'pred', ...types, '--format', 'json');
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.stdout).types as { type: string; gold: number; predicted: number; strict: number }[];
      return rows.map(({ type, gold, predicted, strict }) => ({ type, gold, predicted, strict }));
    };
    // a.txt's org is predicted though a.txt has no org gold: it is a false positive either way.
    expect(await orgRow()).toEqual([
      { type: 'org', gold: 1, predicted: 2, strict: 1 },
      { type: 'person', gold: 1, predicted: 1, strict: 1 },
    ]);
    expect(await orgRow('--types', 'org')).toEqual([{ type: 'org', gold: 1, predicted: 2, strict: 1 }]);
  });

  it('leaves out, and names, gold texts without predictions and predictions made for another text', async () => {
    const texts = { a: 'Mielke met Honecker.', b: 'Honecker met Mielke.', c: 'Mielke.', d: 'Honecker.' };
    const files: Record<string, string> = {};
    for (const [name, text] of Object.entries(texts)) {
      files[`gold/${name}.txt`] = text;
      files[`gold/${name}.ann`] = text.startsWith('Mielke') ? 'T1\tperson 0 6\tMielke\n' : 'T1\tperson 0 8\tHonecker\n';
    }
    const root = makeProject({
      ...files,
      'pred/a.txt.yaml': sidecarOf(texts.a, [{ type: 'person', start: 0, end: 6, text: 'Mielke', by: 'x' }]),
      // made for an earlier version of b.txt: its offsets are shifted
      'pred/b.txt.yaml': sidecarOf(`(1) ${texts.b}`, [{ type: 'person', start: 4, end: 12, text: 'Honecker', by: 'x' }]),
      // brat of another text: its quote is not at its offsets here
      'pred/c.ann': 'T1\tperson 2 8\tMielke\n',
    });
    const r = await cli(root, 'eval', '--gold', 'gold', '--pred', 'pred', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'pred  warning  1 of 4 gold texts have no prediction in pred and were not scored: d.txt  eval-prediction-skipped',
    );
    expect(r.stderr).toMatch(
      /pred\/b\.txt\.yaml {2}warning {2}made for another text than gold\/b\.txt \(its source\.sha256 \w{12}… is not the text's \w{12}…\): not scored/,
    );
    expect(r.stderr).toContain('pred/c.ann  warning  made for another text than gold/c.txt (its spans do not quote this text): not scored');
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ documents: 1, goldDocuments: 4, micro: { gold: 1, predicted: 1, strict: 1 } });
    const text = await cli(root, 'eval', '--gold', 'gold', '--pred', 'pred');
    expect(text.stdout.split('\n')[0]).toBe('1 of 4 documents scored (the others left out, as said above), predictions read from pred');
  });

  it('exits 2 when no gold text has a prediction', async () => {
    const root = makeProject({ 'gold/a.txt': 'Mielke.', 'gold/a.ann': 'T1\tperson 0 6\tMielke\n', 'pred/other.txt.yaml': '' });
    const r = await cli(root, 'eval', '--gold', 'gold', '--pred', 'pred');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pred: no prediction for any of the 1 gold texts in gold: nothing to score');
  });

  it('exits 2 when the gold folder is missing', async () => {
    const r = await cli(makeProject(), 'eval', '--gold', 'nowhere');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nowhere: no such folder/);
  });
});
