import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import { extract, extractorsFor, rulePacks } from '../../src/extract/index.js';
import { readGum, readLitBank } from '../../src/training/corpora.js';
import { loadModel, tagText } from '../../src/extract/tagger.js';
import { headedByOrganization } from '../../src/tagger/tag.js';
import { parseModel, serializeModel } from '../../src/tagger/model.js';
import { tokenize } from '../../src/tagger/tokens.js';
import { FEATURE_SET, SLOTS, SLOT_NAMES, featurize, lexiconSets } from '../../src/tagger/features.js';
import { REPO } from '../helpers.js';
import { train } from '../../src/tagger/train.js';

const words = (text: string, abbreviations = new Set(['mr', 'col', 'jr'])) => {
  const t = tokenize(text, abbreviations);
  return Array.from({ length: t.count }, (_, i) => [t.starts[i], t.ends[i], text.slice(t.starts[i]!, t.ends[i]!)]);
};

describe('the tokenizer', () => {
  it('keeps initials, abbreviations, O’ and Mc names whole, and splits a possessive', () => {
    expect(words("Mr. J. B. O'Brien met McNamara's aide.")).toEqual([
      [0, 3, 'Mr.'],
      [4, 6, 'J.'],
      [7, 9, 'B.'],
      [10, 17, "O'Brien"],
      [18, 21, 'met'],
      [22, 30, 'McNamara'],
      [30, 31, "'"],
      [31, 32, 's'],
      [33, 37, 'aide'],
      [37, 38, '.'],
    ]);
  });

  it('joins a word hyphenated at a line end (OCR), with ¬ or -', () => {
    expect(words('the Grand Pa¬ lace and the exam-\nple').map((w) => w[2])).toEqual([
      'the',
      'Grand',
      'Pa¬ lace',
      'and',
      'the',
      'exam-\nple',
    ]);
  });

  it('counts UTF-16 offsets past characters outside the BMP, and ends sentences at full stops and blank lines', () => {
    const text = '𝔄 Rusk went. Then\n\nLodge';
    expect(words(text)).toEqual([
      [0, 2, '𝔄'],
      [3, 7, 'Rusk'],
      [8, 12, 'went'],
      [12, 13, '.'],
      [14, 18, 'Then'],
      [20, 25, 'Lodge'],
    ]);
    expect(tokenize(text, new Set()).sentences).toEqual([0, 4, 5, 6]);
  });
});

describe('the shipped model', () => {
  it("loads, and tags people, places and organizations with exact spans, the rules' spans as its evidence", async () => {
    expect(loadModel().buckets).toBe(1 << 18);
    const text = 'Secretary Rusk met Ambassador Lodge in Saigon on Monday. The Department of State agreed.';
    const candidates = await extract(new Document('t.txt', text), extractorsFor(rulePacks()));
    expect(candidates.filter((c) => c.by === 'nlp:tagger').map((c) => [c.type, text.slice(c.start, c.end)])).toEqual([
      ['person', 'Rusk'],
      ['place', 'Saigon'],
      ['org', 'Department of State'],
    ]);
  });

  it('tags no office as an organization or a place: `Minister`, `Foreign Minister`, `Secretary of State`', () => {
    const tagged = (text: string) => tagText(loadModel(), text).map((s) => [s.type, text.slice(s.start, s.end)]);
    expect(tagged('The Ambassador met the Foreign Minister on December 13.')).toEqual([]);
    expect(tagged('He saw the Secretary of State and the Prime Minister in London.')).toEqual([['place', 'London']]);
    expect(tagged('The Foreign Minister and the Defense Minister of Israel arrived.')).toEqual([['place', 'Israel']]);
    // A word just before a title belongs to the office (`Prime` was a place).
    expect(
      tagged('Joseph STALIN was not discussed. STALIN was mentioned once more by the Prime Minister.').map(([type]) => type),
    ).not.toContain('place');
  });

  it('keeps a known first name just before a person at the start of a line (`Cyrus Vance`)', () => {
    const text = 'Participants:\nCyrus Vance, Secretary of State\nZbigniew Brzezinski, Assistant to the President';
    expect(tagText(loadModel(), text).map((s) => text.slice(s.start, s.end))).toEqual(['Cyrus Vance', 'Zbigniew Brzezinski']);
  });

  it('keeps a first name as period print abbreviates it (`Wm.`, `Chas.`), and not its own span beside the name', () => {
    const text = 'Signed, Wm. Hanell, Secretary. Chas. Smith and Geo. Brown were present.';
    expect(tagText(loadModel(), text).map((s) => text.slice(s.start, s.end))).toEqual(['Wm. Hanell', 'Chas. Smith', 'Geo. Brown']);
  });

  it('makes an organization of a place whose head word is an organization’s', () => {
    const model = loadModel();
    const sets = lexiconSets(model.lexicon, model.period);
    const text = 'the Little River turnpike company, the House of Representatives, Senate, Alexandria';
    const at = (words: string) => ({
      type: 'place' as const,
      start: text.indexOf(words),
      end: text.indexOf(words) + words.length,
      confidence: 0.5,
    });
    const typeOf = (words: string) => headedByOrganization(text, at(words), sets).type;
    expect(['Little River turnpike company', 'House of Representatives', 'Senate', 'Alexandria'].map(typeOf)).toEqual([
      'org',
      'org',
      'org',
      'place',
    ]);
  });

  it('is the default engine; compromise and none are the others', async () => {
    expect(extractorsFor(rulePacks()).map((e) => e.id)).toContain('nlp:tagger');
    expect(extractorsFor(rulePacks(), { ner: 'compromise' }).map((e) => e.id)).toContain('nlp:compromise');
    expect(
      extractorsFor(rulePacks(), { ner: 'none' })
        .map((e) => e.id)
        .filter((id) => id.startsWith('nlp:')),
    ).toEqual([]);
  });
});

describe('the model file (src/tagger/FORMAT.md)', () => {
  it('has a slot per feature name, every slot filled for every token', () => {
    expect(SLOT_NAMES.length).toBe(SLOTS);
    const model = loadModel();
    const tokens = tokenize('Ambassador Stevenson met Dean Rusk in Geneva on May 5.', new Set(['mr']));
    const features = featurize(tokens, lexiconSets(model.lexicon, model.period));
    expect(features.length).toBe(tokens.count * SLOTS);
    expect([...features].filter((h) => h === 0)).toEqual([]);
  });

  it('names the feature set it was trained for, and a model of another feature set is refused', () => {
    const bytes = readFileSync(join(REPO, 'models/tagger.bin'));
    // The shipped file is exactly what serializeModel writes of it.
    expect(serializeModel(loadModel()).equals(bytes)).toBe(true);
    const body = gunzipSync(bytes);
    const length = body.readUInt32LE(0);
    const header = JSON.parse(body.subarray(4, 4 + length).toString('utf8'));
    expect(header.features).toBe(FEATURE_SET);
    const other = Buffer.from(JSON.stringify({ ...header, features: '0:00000000' }));
    const size = Buffer.alloc(4);
    size.writeUInt32LE(other.length);
    const stale = gzipSync(Buffer.concat([size, other, body.subarray(4 + length)]));
    expect(() => parseModel(stale)).toThrow(/trained for feature set 0:00000000, this marginalia computes .*: retrain it/);
  });
});

describe('training', () => {
  const litbank = [
    'Mr\tB-PER\tO',
    'Smith\tI-PER\tO',
    'went\tO\tO',
    'to\tO\tO',
    'London\tB-GPE\tO',
    '.\tO\tO',
    '',
    'The\tB-PER\tO',
    'man\tI-PER\tO',
    'saw\tO\tO',
    'Paris\tB-GPE\tO',
    '.\tO\tO',
    '',
  ].join('\n');
  const lexicon = {
    abbreviations: ['mr'],
    titles: ['Mr'],
    orgHeads: ['Ministry'],
    particles: ['van'],
    notNames: ['He'],
    capitals: {},
    classes: {},
  };

  it('reads LitBank keeping name-like spans only (`the man` is not a name)', () => {
    const doc = readLitBank(litbank);
    expect(doc.spans.map((s) => [s.type, doc.text.slice(s.start, s.end)])).toEqual([
      ['person', 'Mr Smith'],
      ['place', 'London'],
      ['place', 'Paris'],
    ]);
  });

  it('reads GUM entities, named ones only', () => {
    const conllu = [
      '1\tJane\tJane\tPROPN\t_\t_\t0\t_\t_\tEntity=(1-person-new',
      '2\tDoe\tDoe\tPROPN\t_\t_\t0\t_\t_\tEntity=1)',
      '3\tleft\tleave\tVERB\t_\t_\t0\t_\t_\t_',
      '4\tthe\tthe\tDET\t_\t_\t0\t_\t_\tEntity=(2-place-new',
      '5\tcity\tcity\tNOUN\t_\t_\t0\t_\t_\tEntity=2)|SpaceAfter=No',
      '6\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_',
      '',
    ].join('\n');
    const doc = readGum(conllu);
    expect(doc.text).toBe('Jane Doe left the city.\n');
    expect(doc.spans.map((s) => [s.type, doc.text.slice(s.start, s.end)])).toEqual([['person', 'Jane Doe']]);
  });

  it('gives the same bytes for the same data and seed', () => {
    const texts = [{ ...readLitBank(litbank), hints: [] }];
    const once = serializeModel(train(texts, lexicon, { epochs: 3, seed: 7, buckets: 1 << 10, partial: 'complete' }));
    const twice = serializeModel(train(texts, lexicon, { epochs: 3, seed: 7, buckets: 1 << 10, partial: 'complete' }));
    expect(once.equals(twice)).toBe(true);
    const model = parseModel(once);
    expect(tagText(model, 'Mr Smith went to London.').map((s) => s.type)).toEqual(['person', 'place']);
  });
});

describe('a model that leaves the types nobody taught it to the model it was adapted from', () => {
  const TEXT = 'Secretary Rusk flew from Washington to Moscow with Gromyko of the Foreign Ministry.';
  const shipped = loadModel();
  // A model that finds nothing: whatever the result holds comes from the model it leaves types to.
  const blank = {
    ...shipped,
    weights: new Float32Array(shipped.weights.length),
    transitions: new Float32Array(shipped.transitions.length),
  };
  const typed = (spans: { type: string; start: number; end: number }[]) => spans.map((s) => `${s.type}:${TEXT.slice(s.start, s.end)}`);

  it('takes exactly those types from the other model', () => {
    expect(tagText(blank, TEXT)).toEqual([]);
    const persons = typed(tagText(shipped, TEXT).filter((s) => s.type === 'person'));
    expect(persons).toEqual(['person:Rusk', 'person:Gromyko']);
    expect(typed(tagText({ ...blank, leaves: { to: shipped, types: ['person'] } }, TEXT))).toEqual(persons);
  });

  it('is found again on load when its card names the types and the shipped model it was adapted from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-leaves-'));
    const sha256 = createHash('sha256')
      .update(readFileSync(join(REPO, 'models/tagger.bin')))
      .digest('hex');
    const file = join(dir, 'tagger.bin');
    writeFileSync(file, serializeModel({ ...blank, trainedOn: { adaptedFrom: sha256, leaves: ['person'] } }));
    copyFileSync(join(REPO, 'models/period.bin'), join(dir, 'period.bin'));
    expect(typed(tagText(loadModel(file), TEXT))).toEqual(['person:Rusk', 'person:Gromyko']);
    writeFileSync(file, serializeModel({ ...blank, trainedOn: { adaptedFrom: 'another model', leaves: ['person'] } }));
    expect(tagText(loadModel(file), TEXT)).toEqual([]);
  });
});
