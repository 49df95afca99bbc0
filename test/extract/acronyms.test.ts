import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import { acronymsExtractor } from '../../src/extract/acronyms.js';
import { extract, extractContext, rulePacks } from '../../src/extract/index.js';
import { resolve } from '../../src/pipeline/resolve.js';

const acronyms = async (text: string) => {
  const doc = new Document('corpus/t.txt', text);
  const extractor = acronymsExtractor(extractContext(rulePacks()));
  const candidates = await extract(doc, [extractor]);
  return {
    candidates,
    entries: resolve(doc, candidates)
      .filter((e) => e.type === 'acronym')
      .sort((a, b) => a.start - b.start)
      .map((e) => [e.text, e.value ?? null]),
  };
};

describe('acronyms: a word in capitals is that word', () => {
  it('takes NOTICE, LONDON and STALIN for words, keeps NATO and OTS, and a word the document defines as an acronym', async () => {
    const text =
      'Public NOTICE is given that the LONDON coach leaves at noon. STALIN was not discussed by NATO or the OTS. ' +
      'The Cooperative for American Relief Everywhere (CARE) sent food; CARE sent more.\n';
    const { candidates, entries } = await acronyms(text);
    expect(entries).toEqual([
      ['NATO', null],
      ['OTS', null],
      ['CARE', 'Cooperative for American Relief Everywhere'],
      ['CARE', 'Cooperative for American Relief Everywhere'],
    ]);
    // The tagger still reads them as it was trained to: evidence, never entries.
    expect(candidates.filter((c) => c.evidenceOnly).map((c) => text.slice(c.start, c.end))).toEqual(['NOTICE', 'LONDON', 'STALIN']);
  });
});
