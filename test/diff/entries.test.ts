import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/schema.js';
import { diffEntries } from '../../src/diff/entries.js';

const e = (id: string, type: string, start: number, text: string, extra: Partial<Entry> = {}): Entry => ({
  id,
  type,
  start,
  end: start + text.length,
  text,
  by: 'rule:x',
  status: 'auto',
  ...extra,
});

describe('diffEntries', () => {
  it('names what a curator did: accepted, retyped, re-spanned; and what was added and removed', () => {
    const a = [
      e('p-1', 'person', 0, 'Rusk'),
      e('p-2', 'person', 10, 'Gromyko'),
      e('g-1', 'place', 20, 'Geneva'),
      e('d-1', 'date', 30, 'May 5'),
    ];
    const b = [
      e('p-1', 'person', 0, 'Rusk', { status: 'accepted' }),
      e('p-2', 'org', 10, 'Gromyko', { by: 'human', status: undefined }),
      e('g-1', 'place', 20, 'Genev', { by: 'human', status: undefined }),
      e('x-1', 'place', 40, 'Moscow'),
    ];
    const d = diffEntries(a, b);
    expect(d.changed.map((c) => [c.before.text, c.changes])).toEqual([
      ['Rusk', ['accepted']],
      ['Gromyko', ['retyped']],
      ['Geneva', ['re-spanned']],
    ]);
    expect(d.added.map((x) => x.text)).toEqual(['Moscow']);
    expect(d.removed.map((x) => x.text)).toEqual(['May 5']);
  });
});
