import { describe, expect, it } from 'vitest';
import { withContext } from '../../src/core/anchor.js';
import { Document } from '../../src/core/document.js';
import type { Entry } from '../../src/core/schema.js';
import { merge } from '../../src/pipeline/merge.js';

const doc = new Document('corpus/t.txt', 'Rusk met Gromyko in Geneva on May 5.\n');
const at = (text: string, type: string, extra: Partial<Entry> = {}): Entry => {
  const start = doc.text.indexOf(text);
  return withContext(doc, { type, start, end: start + text.length, text, by: 'rule:x', status: 'auto', ...extra });
};

describe('merge', () => {
  it("keeps human work, lets a rejection suppress the machine's same span, and an accepted entry its overlaps of that type", () => {
    const machine = [at('Rusk', 'person'), at('Gromyko', 'person'), at('Geneva', 'place'), at('May 5', 'date')];
    const previous = [
      at('Gromyko', 'person', { status: 'rejected' }),
      at('Geneva on', 'place', { status: 'accepted' }),
      at('Rusk', 'org', { by: 'human', status: undefined }),
    ];
    const { entries, orphaned } = merge(doc, machine, previous);
    expect(orphaned).toEqual([]);
    expect(entries.map((e) => [e.type, e.text, e.status ?? e.by])).toEqual([
      ['org', 'Rusk', 'human'],
      ['person', 'Gromyko', 'rejected'],
      ['place', 'Geneva on', 'accepted'],
      ['date', 'May 5', 'auto'],
    ]);
  });

  it('orphans a human entry whose text is gone, keeping the decision it carried', () => {
    const gone = { ...at('Geneva', 'place', { status: 'accepted' }), text: 'Lausanne' };
    const { orphaned } = merge(doc, [], [gone]);
    expect(orphaned).toEqual([expect.objectContaining({ text: 'Lausanne', status: 'orphaned', previousStatus: 'accepted' })]);
  });
});
