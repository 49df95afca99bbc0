import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/schema.js';
import { diffEntries } from '../../src/diff/entries.js';
import { assignIds } from '../../src/pipeline/ids.js';
import { cli, makeProject } from '../helpers.js';

/** How much context an entry keeps on each side, as annotate writes it. */
const CONTEXT = 24;

/** Machine entries for every occurrence of each quote in the text, with their context and ids as annotate makes them. */
function entriesOf(text: string, quotes: readonly [type: string, quote: string][]): Entry[] {
  const entries: Entry[] = [];
  for (const [type, quote] of quotes)
    for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
      const end = at + quote.length;
      entries.push({
        type,
        start: at,
        end,
        text: quote,
        by: 'rule:test',
        status: 'auto',
        prefix: text.slice(Math.max(0, at - CONTEXT), at),
        suffix: text.slice(end, end + CONTEXT),
      } as Entry);
    }
  return assignIds(entries);
}

const brief = (e: Entry) => `${e.type} ${e.start}-${e.end} ${e.text}`;
const briefly = (d: ReturnType<typeof diffEntries>) => ({
  added: d.added.map(brief),
  removed: d.removed.map(brief),
  changed: d.changed.map((c) => `${brief(c.before)} → ${brief(c.after)} (${c.changes.join(', ')})`),
});

const HEADER = '10. Memorandum for the Record\n\nWashington, May 3, 1977.\n\n';
const VISIT = 'Secretary Vance met Ambassador Dobrynin in Washington to discuss the talks.\n\n';
const REPLY = 'The Ambassador said Moscow would reply within a week.\n\n';
const RETURN = 'Secretary Vance told Brzezinski he would return to Washington on Friday.\n\n';
const SIGNED = 'Memorandum for the record by Harold Saunders.\n';
const NAMES: [string, string][] = [
  ['person', 'Secretary Vance'],
  ['person', 'Dobrynin'],
  ['person', 'Brzezinski'],
  ['person', 'Harold Saunders'],
  ['place', 'Washington'],
  ['place', 'Moscow'],
  ['reference', 'Memorandum for the Record'],
  ['reference', 'Memorandum for the record'],
];

describe('diffEntries over an edited text', () => {
  it('a paragraph inserted with one more mention of a name is one added entry, nothing moved', () => {
    const before = HEADER + VISIT + REPLY + RETURN + SIGNED;
    const inserted = 'Later that day Secretary Vance telephoned.\n\n';
    const after = HEADER + VISIT + inserted + REPLY + RETURN + SIGNED;
    const at = (HEADER + VISIT).length + 'Later that day '.length;
    expect(briefly(diffEntries(entriesOf(before, NAMES), entriesOf(after, NAMES), false))).toEqual({
      added: [`person ${at}-${at + 15} Secretary Vance`],
      removed: [],
      changed: [],
    });
  });

  it('a paragraph moved whose names also occur elsewhere is moved, not removed and added', () => {
    const before = HEADER + VISIT + REPLY + RETURN + SIGNED;
    const after = HEADER + RETURN + VISIT + REPLY + SIGNED;
    const x = entriesOf(before, NAMES);
    const y = entriesOf(after, NAMES);
    const at = (text: string, quote: string, from: number) => text.indexOf(quote, from);
    const was = (HEADER + VISIT + REPLY).length;
    const now = HEADER.length;
    const moved = (type: string, quote: string) =>
      `${type} ${at(before, quote, was)}-${at(before, quote, was) + quote.length} ${quote} → ${type} ${at(after, quote, now)}-${at(after, quote, now) + quote.length} ${quote} (moved)`;
    expect(briefly(diffEntries(x, y, false))).toEqual({
      added: [],
      removed: [],
      changed: [moved('person', 'Secretary Vance'), moved('person', 'Brzezinski'), moved('place', 'Washington')],
    });
  });
});

describe('diff --rev REV PATHS', () => {
  it('compares only the texts, sidecars or folders named', async () => {
    const root = makeProject({
      'corpus/frus/d10.txt': HEADER + VISIT + SIGNED,
      'corpus/frus/d11.txt': HEADER + REPLY + SIGNED,
      'corpus/other.txt': 'Brzezinski met Dobrynin in Moscow.\n',
    });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    git('init', '-q');
    expect((await cli(root, 'annotate')).code).toBe(0);
    git('add', '-A');
    git('commit', '-qm', 'annotated');
    for (const name of ['corpus/frus/d10.txt', 'corpus/frus/d11.txt', 'corpus/other.txt']) {
      writeFileSync(join(root, name), `${readFileSync(join(root, name), 'utf8')}\nSecretary Vance agreed.\n`);
    }
    expect((await cli(root, 'annotate')).code).toBe(0);
    const headers = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('+++ '));
    const one = await cli(root, 'diff', '--rev', 'HEAD', 'corpus/frus/d10.txt');
    expect([one.code, headers(one.stdout)]).toEqual([1, ['+++ annotations/frus/d10.txt.yaml']]);
    const folder = await cli(join(root, 'corpus'), 'diff', '--rev', 'HEAD', 'frus');
    expect(headers(folder.stdout)).toEqual(['+++ annotations/frus/d10.txt.yaml', '+++ annotations/frus/d11.txt.yaml']);
    const sidecar = await cli(root, 'diff', '--rev', 'HEAD', 'annotations/other.txt.yaml');
    expect(headers(sidecar.stdout)).toEqual(['+++ annotations/other.txt.yaml']);
    expect(headers((await cli(root, 'diff', '--rev', 'HEAD')).stdout)).toHaveLength(3);
  });
});
