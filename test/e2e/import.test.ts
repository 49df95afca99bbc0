import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Entry, Sidecar } from '../../src/core/schema.js';
import { cli, copyOfBundledCorpus } from '../helpers.js';

const D12 = 'corpus/frus/frus1961-63v05-d12.txt';
const D12_SIDECAR = 'annotations/frus/frus1961-63v05-d12.txt.yaml';
const read = (root: string, path = D12_SIDECAR): Sidecar => parse(readFileSync(join(root, path), 'utf8'));
const live = (e: Entry) => e.status !== 'rejected' && e.status !== 'orphaned';
const count = (sidecar: Sidecar, type: string) => sidecar.entries.filter((e) => e.type === type && live(e)).length;
/** A brat line for the code-point span of the first `text` in the file. */
const bratLine = (root: string, n: number, type: string, text: string) => {
  const body = readFileSync(join(root, D12), 'utf8');
  const at = [...body.slice(0, body.indexOf(text))].length;
  return `T${n}\t${type} ${at} ${at + [...text].length}\t${text}\n`;
};

describe('import of another tool’s gold', () => {
  it('--complete person rejects only the machine persons the gold lacks, says how many, and marks the review for persons', async () => {
    const root = copyOfBundledCorpus();
    const before = read(root);
    writeFileSync(join(root, 'gold.ann'), bratLine(root, 1, 'person', 'Thompson') + bratLine(root, 2, 'place', 'Moscow'));
    const r = await cli(root, 'import', 'gold.ann', '--from', 'brat', '--text', D12, '--complete', 'person', '--by', 'A. Archivist');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const after = read(root);
    const gold = read(root).entries.find((e) => e.type === 'person' && e.status === 'accepted')!;
    expect(gold.text).toBe('Thompson');
    const rejectedPersons = before.entries.filter((e) => e.type === 'person' && e.status === 'auto' && e.start !== gold.start).length;
    expect(rejectedPersons).toBeGreaterThan(0);
    expect(r.stdout).toMatch(new RegExp(`; machine entries the gold lacks, rejected: person ${rejectedPersons}\\n$`));
    // The places the gold merely mentions are not declared complete: none is rejected.
    expect(count(after, 'place')).toBe(count(before, 'place'));
    expect(count(after, 'org')).toBe(count(before, 'org'));
    expect(after.reviewed).toEqual({ by: 'A. Archivist', at: new Date().toISOString().slice(0, 10), types: ['person'] });
  });

  it('--reviewed without --complete is refused, naming what to add', async () => {
    const root = copyOfBundledCorpus();
    writeFileSync(join(root, 'gold.ann'), bratLine(root, 1, 'person', 'Thompson'));
    const r = await cli(root, 'import', 'gold.ann', '--from', 'brat', '--text', D12, '--reviewed');
    expect([r.code, r.stderr]).toEqual([
      2,
      'marginalia: --reviewed needs --complete TYPES: the types the file annotates completely (e.g. --complete person, or all)\n',
    ]);
    expect(read(root)).toEqual(read(copyOfBundledCorpus()));
  });

  it('--complete with a type the project does not have is refused', async () => {
    const root = copyOfBundledCorpus();
    writeFileSync(join(root, 'gold.ann'), bratLine(root, 1, 'person', 'Thompson'));
    const r = await cli(root, 'import', 'gold.ann', '--from', 'brat', '--text', D12, '--complete', 'ship');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--complete ship: not an entity type of this project');
  });

  it('an imported span equal to an entry confirms it, keeping its id, value and cluster, and is never doubled', async () => {
    const root = copyOfBundledCorpus();
    const before = read(root);
    const date = before.entries.find((e) => e.type === 'date' && e.value && e.status === 'auto')!;
    const person = before.entries.find((e) => e.type === 'person' && e.cluster && e.status === 'auto')!;
    const body = [...readFileSync(join(root, D12), 'utf8')];
    const line = (n: number, e: Entry) => `T${n}\t${e.type} ${e.start} ${e.end}\t${body.slice(e.start, e.end).join('')}\n`;
    writeFileSync(join(root, 'gold.ann'), line(1, date) + line(2, person));
    const first = await cli(root, 'import', 'gold.ann', '--from', 'brat', '--text', D12);
    expect(first.stdout).toBe(`0 entries imported into the sidecar of ${D12} (2 entries already there confirmed)\n`);
    // Imported twice: still one entry per span.
    await cli(root, 'import', 'gold.ann', '--from', 'brat', '--text', D12);
    for (const e of [date, person]) {
      const at = read(root).entries.filter((x) => x.type === e.type && x.start === e.start && x.end === e.end);
      expect(at).toEqual([{ ...e, status: 'accepted' }]);
    }
    expect((await cli(root, 'annotate', '--force')).code).toBe(0);
    expect(read(root).entries.find((x) => x.id === date.id)).toMatchObject({ value: date.value, status: 'accepted' });
  });

  it('into a sidecar whose text changed since goes through the edit engine: refused, said, nothing written', async () => {
    const root = copyOfBundledCorpus();
    writeFileSync(join(root, 'gold.ann'), bratLine(root, 1, 'person', 'Thompson'));
    writeFileSync(join(root, D12), `A preface.\n\n${readFileSync(join(root, D12), 'utf8')}`);
    const before = readFileSync(join(root, D12_SIDECAR), 'utf8');
    const r = await cli(root, 'import', 'gold.ann', '--from', 'brat', '--text', D12, '--complete', 'person');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('changed since its sidecar was written: run `marginalia annotate');
    expect(readFileSync(join(root, D12_SIDECAR), 'utf8')).toBe(before);
  });
});
