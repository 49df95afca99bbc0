// What the pipeline does with a capitalized word: nationalities and titles alone are no persons,
// one wrong decision is not copied to every mention, the period table is read back as written.
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import type { Candidate } from '../../src/extract/types.js';
import { readFrusAll } from '../../src/training/corpora.js';
import { loadModel, tagText } from '../../src/extract/tagger.js';
import { parseSidecar } from '../../src/io/sidecar.js';
import { casing, parsePeriod, serializePeriod } from '../../src/tagger/period.js';
import { shippedVocabulary } from '../../src/extract/vocabulary.js';

const { doubtfulPerson, isDemonym, noNameWords, notPersonAlone } = shippedVocabulary();
import { resolve } from '../../src/pipeline/resolve.js';
import { PRIORITY } from '../../src/core/priority.js';

const person = (text: string, word: string, by = 'nlp:tagger', from = 0): Candidate => {
  const start = text.indexOf(word, from);
  return { type: 'person', start, end: start + word.length, by, priority: 35 };
};

describe('the vocabulary of persons', () => {
  it('knows nationalities, singular and plural, and titles alone', () => {
    for (const w of ['Greek', 'Greeks', 'Koreans', 'Swiss', 'Vietnamese', 'Soviets', 'Turks']) expect(notPersonAlone(w), w).toBe(true);
    expect(isDemonym('Englishmen')).toBe(true);
    for (const w of ['Secretary', 'Vice President', 'His Majesty', 'Archbishop', 'Greek Cypriots']) expect(notPersonAlone(w), w).toBe(true);
    for (const w of ['Rusk', 'Diem', 'Lodge', 'Dean Rusk']) expect(notPersonAlone(w), w).toBe(false);
  });

  it('doubts a word written in lower case, by period text or by the document', () => {
    expect(doubtfulPerson('Hope', new Set())).toBe(true);
    expect(doubtfulPerson('Diem', new Set())).toBe(false);
    expect(doubtfulPerson('Bunker', new Set(['bunker']))).toBe(true);
    expect(noNameWords("President's Special Assistant")).toBe(true);
    expect(noNameWords('Secretary of State')).toBe(true);
    expect(noNameWords('Dean Rusk')).toBe(false);
  });
});

describe('resolve and persons', () => {
  it('never makes a nationality or a title a person, nor propagates it', () => {
    const text = 'The Greek position is firm. Greek officials met the Minister. Minister Averoff said no.';
    const entries = resolve(new Document('t.txt', text), [person(text, 'Greek'), person(text, 'Minister')]);
    expect(entries.filter((e) => e.type === 'person')).toEqual([]);
  });

  it('propagates a full name’s last name, and reads an all-capital mention of it as the person', () => {
    const text = 'Dean Rusk met Gromyko. Later Rusk left.\nRUSK';
    const candidates: Candidate[] = [
      person(text, 'Dean Rusk', 'rule:names/titled'),
      { type: 'acronym', start: text.indexOf('RUSK'), end: text.length, by: 'rule:acronyms', priority: 32 },
    ];
    const persons = resolve(new Document('t.txt', text), candidates).filter((e) => e.type === 'person');
    expect(persons.map((e) => e.text)).toEqual(['Dean Rusk', 'Rusk', 'RUSK']);
  });

  it('lets the speaker rule make no person of a word the document writes in lower case', () => {
    const text = 'We have every hope of success. Hope said nothing.';
    const entries = resolve(new Document('t.txt', text), [person(text, 'Hope', 'rule:names/speaker')]);
    expect(entries.filter((e) => e.type === 'person')).toEqual([]);
  });
});

describe('the period table', () => {
  it('reads back what it wrote, with its sha256', () => {
    const data = {
      words: ['the', 'greeks'],
      counts: Uint32Array.from([10, 3]),
      clusters: Uint16Array.from([1, 513]),
      cases: Uint32Array.from([1, 9, 0, 0, 0, 3, 0, 0, 2, 0]),
      builtFrom: { test: 1 },
    };
    const bytes = serializePeriod(data);
    expect(serializePeriod(data).equals(bytes)).toBe(true);
    const table = parsePeriod(bytes);
    expect(table.words).toEqual(['the', 'greeks']);
    expect([...table.clusters]).toEqual([1, 513]);
    expect(casing(table, 'greeks')).toEqual({ capital: 3, lower: 0, afterThe: 2 });
    expect(table.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ships with the model, which records its sha256', () => {
    const model = loadModel();
    expect(model.period?.sha256).toBe(model.periodFile?.sha256);
    expect(model.period!.words.length).toBeGreaterThan(10000);
  });
});

describe('frus-all as training data', () => {
  it('makes every mention of a volume’s persName a person, and says the persons are complete', () => {
    const a = { id: 'v-d1', text: 'Rusk met Gromyko.', entities: [{ type: 'person', start: 0, end: 4, text: 'Rusk' }] };
    const b = {
      id: 'v-d2',
      text: 'Secretary Rusk and the Department of State.',
      entities: [{ type: 'person', start: 23, end: 42, text: 'Department of State' }],
    };
    const [doc] = readFrusAll([a, b], [b]);
    expect(doc!.completeTypes).toEqual(['person']);
    expect(doc!.spans.map((s) => b.text.slice(s.start, s.end))).toEqual(['Rusk']);
  });
});

describe('confidence', () => {
  it('gives each tagger span a deterministic confidence in 0..1', () => {
    const model = loadModel();
    const text = 'Secretary Rusk met Ambassador Dobrynin in Moscow. Nodis.';
    const once = tagText(model, text);
    expect(tagText(model, text)).toEqual(once);
    expect(once.length).toBeGreaterThan(0);
    for (const s of once) {
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    // The decoder's margin: a name with a title before it is surer than a bare capital word alone.
    const sure = once.find((s) => text.slice(s.start, s.end).includes('Dobrynin'))!;
    const doubtful = tagText(model, 'Then Nodis.').find((s) => s.type === 'person');
    expect(sure.confidence).toBeGreaterThan(doubtful?.confidence ?? 0);
    expect(sure.confidence).toBeGreaterThan(0.5);
  });

  it('is written on the tagger’s entries only, and a version-1 sidecar is still read', () => {
    const text = 'Rusk met Gromyko.';
    const entries = resolve(new Document('t.txt', text), [
      { ...person(text, 'Gromyko'), confidence: 0.75 },
      { ...person(text, 'Rusk', 'rule:names/speaker'), confidence: 0.5 },
    ]);
    expect(entries.sort((a, b) => a.start - b.start).map((e) => [e.text, e.confidence])).toEqual([
      ['Rusk', undefined],
      ['Gromyko', 0.75],
    ]);
    const v1 = `schemaVersion: 1\nsource: {path: t.txt, sha256: "${'0'.repeat(64)}", length: 4}\nentries: []\n`;
    expect(parseSidecar('t.txt.yaml', v1).value?.schemaVersion).toBe(2);
  });
});

describe('a town alone is a town', () => {
  it('makes a place of a tagger person that is a large town no word list knows as a name, unless the document names it in full', async () => {
    const { plausible } = await import('../../src/pipeline/persons.js');
    const { shippedVocabulary } = await import('../../src/extract/vocabulary.js');
    const text = 'Rochdale and Taylor sent word. General Oldham came; Oldham left.\n';
    const at = (word: string, from = 0): Candidate => {
      const start = text.indexOf(word, from);
      return { type: 'person', start, end: start + word.length, by: 'nlp:tagger', priority: 35 };
    };
    const kept = plausible(text, [at('Rochdale'), at('Taylor'), at('Oldham', 40)], new Set(), shippedVocabulary());
    expect(kept.map((c) => [text.slice(c.start, c.end), c.type])).toEqual([
      ['Rochdale', 'place'],
      ['Taylor', 'person'],
      ['Oldham', 'person'],
    ]);
  });
});

describe('propagation', () => {
  it('copies an organization to its other mentions, not into an office (`Secretary of State`)', () => {
    const text = 'State agreed with Defense. Secretary of State Rogers saw State officials.';
    const doc = new Document('t.txt', text);
    const org: Candidate = { type: 'org', start: 0, end: 5, by: 'nlp:tagger', priority: PRIORITY.tagger };
    expect(resolve(doc, [org]).map((e) => [e.type, e.start, e.text])).toEqual([
      ['org', 0, 'State'],
      ['org', 57, 'State'],
    ]);
  });
});

describe('names in capitals', () => {
  it('makes a person of a known first name before a word in capitals, and of that word elsewhere; not of a common word', () => {
    const text = 'Joseph STALIN was not discussed. STALIN was mentioned once more. Notice to John HOTEL and NATO.';
    const entries = resolve(new Document('t.txt', text), []);
    expect(entries.map((e) => [e.type, e.text, e.by])).toEqual([
      ['person', 'Joseph STALIN', 'resolve:capitals'],
      ['person', 'STALIN', 'resolve:capitals'],
    ]);
  });
});
