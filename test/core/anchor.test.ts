import { describe, expect, it } from 'vitest';
import { reanchor, withContext } from '../../src/core/anchor.js';
import { Document } from '../../src/core/document.js';
import type { Entry } from '../../src/core/schema.js';

const before = 'The fair at Castle Cary was held on Monday last.\n\nCattle were driven from Castle Cary to Wincanton by the drovers.\n';
const accepted = (doc: Document, text: string): Entry => {
  const start = doc.toCodePoint(doc.text.indexOf(text));
  return withContext(doc, { type: 'place', start, end: start + [...text].length, text, by: 'rule:places', status: 'accepted' });
};

describe('reanchor', () => {
  it('orphans an entry whose passage was deleted rather than moving it to another mention in other words', () => {
    const entry = accepted(new Document('t.txt', before), 'Castle Cary');
    const after = new Document('t.txt', before.slice(before.indexOf('Cattle')));
    expect(reanchor(after, entry)).toMatchObject({ status: 'orphaned', previousStatus: 'accepted', text: 'Castle Cary' });
  });

  it('follows an entry whose passage moved with its words around it', () => {
    const entry = accepted(new Document('t.txt', before), 'Castle Cary');
    const moved = `A new first paragraph, added by the editor.\n\n${before}`;
    const found = reanchor(new Document('t.txt', moved), entry);
    expect([found.status, found.start, found.text]).toEqual(['accepted', entry.start + 45, 'Castle Cary']);
  });

  it('still finds an entry whose words changed on one side only', () => {
    const entry = accepted(new Document('t.txt', before), 'Castle Cary');
    const edited = before.replace('The fair at', 'The great autumn fair, held at');
    const found = reanchor(new Document('t.txt', edited), entry);
    expect([found.status, edited.slice(found.start, found.end)]).toEqual(['accepted', 'Castle Cary']);
    expect(found.start).toBe(edited.indexOf('Castle Cary'));
  });
});
