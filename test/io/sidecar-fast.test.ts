import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { citationPart, sidecarHeader } from '../../src/io/sidecar-fast.js';
import { isValidSidecar } from '../../src/core/sidecar-shape.js';
import { annotate } from '../../src/commands/annotate.js';
import { check } from '../../src/commands/check.js';
import { loadConfig } from '../../src/io/config.js';
import { extractContext } from '../../src/extract/index.js';
import { notesExtractor } from '../../src/extract/note-candidates.js';
import { SCHEMA_VERSION, Sidecar, type Entry } from '../../src/core/schema.js';
import { serializeSidecar } from '../../src/io/sidecar.js';
import { parseYamlSubset } from '../../src/io/yaml-subset.js';
import { REPO, copyOfBundledCorpus } from '../helpers.js';
import { PROPERTY_RUNS } from '../properties.js';

const SIDECARS = join(REPO, 'annotations');
const bundled = (readdirSync(SIDECARS, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ name: f, raw: readFileSync(join(SIDECARS, f), 'utf8') }));

/** What `yaml` reads, or undefined where it reports an error (the subset reader must then refuse too). */
function yamlReads(source: string): unknown {
  const doc = parseDocument(source, { uniqueKeys: true });
  return doc.errors.length || doc.warnings.length ? undefined : doc.toJS();
}

describe('the YAML subset reader agrees with `yaml`', () => {
  it('on every bundled sidecar, reading each one itself', () => {
    expect(bundled.length).toBeGreaterThan(10);
    for (const { name, raw } of bundled) {
      const fast = parseYamlSubset(raw);
      expect(fast, name).toBeDefined();
      expect(fast, name).toEqual(parse(raw));
    }
  });

  // Strings chosen to hit every scalar style `yaml` writes: plain, quoted, folded over lines, and look-alikes of numbers, booleans and nulls.
  const piece = fc.constantFrom(
    'the',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '"',
    "'",
    '\\',
    ':',
    ': ',
    ' #',
    '#',
    '-',
    '- ',
    '-47',
    '1961',
    '1.5',
    '1e3',
    '0x1F',
    '007',
    'true',
    'null',
    '~',
    '[',
    ']',
    '{}',
    '&a',
    '*a',
    '!x',
    '|',
    '>',
    '%',
    '@',
    '`',
    '?',
    'é',
    '😀',
    '\u2028',
    '\u0085',
    '\t',
    '\r',
    '\x07',
    '---',
    '...',
  );
  const str = fc.oneof(
    fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  );
  const entry = fc
    .record(
      {
        type: fc.constantFrom('note', 'note-marker', 'person', 'date'),
        start: fc.nat(),
        len: fc.nat({ max: 50 }),
        text: str,
        n: str,
        prefix: str,
        suffix: str,
        comment: str,
        amount: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e9, noNaN: true })),
        title: str,
      },
      { requiredKeys: ['type', 'start', 'len', 'text'] },
    )
    .map(
      ({ len, title, ...e }) =>
        ({
          ...e,
          end: e.start + len,
          by: 'human',
          ...(title !== undefined ? { citation: { title, author: [{ literal: title }] } } : {}),
        }) as Entry,
    );

  it('on generated sidecars: whatever it reads, it reads as `yaml` does (and nearly all without control characters)', () => {
    let read = 0;
    let runs = 0;
    // eslint-disable-next-line no-control-regex -- texts without control characters
    const plainText = /^[^\x00-\x1f\x7f\x85\u2028\u2029\ufeff]*$/;
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), str, (entries, title) => {
        const sidecar: Sidecar = {
          schemaVersion: SCHEMA_VERSION,
          generator: 'test',
          source: { path: 'corpus/t.txt', sha256: 'a'.repeat(64), length: 10 },
          metadata: { title },
          entries,
        };
        const raw = serializeSidecar(sidecar, 'annotations/t.txt.yaml', 'annotations/marginalia.schema.json');
        const fast = parseYamlSubset(raw);
        const ordinary = plainText.test(raw.replace(/\n/g, ''));
        if (ordinary) runs++;
        if (fast === undefined) return;
        if (ordinary) read++;
        expect(fast).toEqual(parse(raw));
      }),
      { numRuns: PROPERTY_RUNS },
    );
    expect(read / runs).toBeGreaterThan(0.9);
  });

  it('on damaged YAML: it refuses what it does not read exactly as `yaml` does', () => {
    const edit = fc.record({
      file: fc.nat(),
      at: fc.nat(),
      remove: fc.nat({ max: 6 }),
      insert: fc
        .array(
          fc.constantFrom(
            ' ',
            '\n',
            '  - ',
            '- ',
            ':',
            ': ',
            '"',
            "'",
            '#',
            'x',
            '1',
            '\\',
            '[]',
            '{}',
            '\n  ',
            '\n    x: 1',
            'entries:',
            'type: note',
          ),
          { maxLength: 3 },
        )
        .map((p) => p.join('')),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let source = bundled[edits[0]!.file % bundled.length]!.raw;
        for (const e of edits) {
          const at = e.at % (source.length + 1);
          source = source.slice(0, at) + e.insert + source.slice(at + e.remove);
        }
        const fast = parseYamlSubset(source);
        if (fast !== undefined) expect(fast).toEqual(yamlReads(source));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('refuses what lies outside the subset', () => {
    for (const source of [
      // An empty item is null to `yaml` (found by the damaged-YAML property at 10,417 runs).
      'entries:\n  - \n  - a\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: [1, 2]\n',
      'a: |\n  x\n',
      'a: b\n  c\n',
      'a: 1\na: 2\n',
      'a: 0x10\n',
      'a: 1 # c\n',
      '---\na: 1\n',
      'a:\n- 1\n',
      'a: "x\\\n  y"\n',
    ]) {
      expect(parseYamlSubset(source), source).toBeUndefined();
    }
  });
});

describe('the quick sidecar shape check agrees with the schema', () => {
  const parsed = bundled.map(({ raw }) => parse(raw) as Sidecar);
  const wrong: [string, unknown][] = [
    ['start', -1],
    ['start', 1.5],
    ['end', '3'],
    ['id', 'a b'],
    ['type', 'Person'],
    ['by', ''],
    ['status', 'maybe'],
    ['kind', 'odd'],
    ['n', 3],
    ['markers', [1]],
    ['parts', { a: 1 }],
    ['citation', { type: 'film' }],
    ['citation', { author: [{ name: 'x' }] }],
    ['amount', 'ten'],
    ['extra', 'x'],
    ['text', undefined],
  ];

  it('on every bundled sidecar, and on each with one entry field broken', () => {
    for (const data of parsed) {
      expect(isValidSidecar(data)).toBe(true);
      expect(Sidecar.safeParse(data).success).toBe(true);
      for (const [field, value] of wrong) {
        const broken = { ...data, entries: data.entries.map((e, i) => (i === 0 ? { ...e, [field]: value } : e)) };
        if (value === undefined) delete (broken.entries[0] as Record<string, unknown>)[field];
        expect(isValidSidecar(broken), `${field}: ${JSON.stringify(value)}`).toBe(Sidecar.safeParse(broken).success);
      }
    }
  });

  it('on broken headers', () => {
    const data = parsed[0]!;
    for (const broken of [
      { ...data, schemaVersion: 2 },
      { ...data, source: { ...data.source, sha256: 'x' } },
      { ...data, source: { ...data.source, path: '' } },
      { ...data, metadata: { title: 1 } },
      { ...data, extra: 1 },
      { ...data, entries: {} },
      { ...data, entries: [{ ...data.entries[0]!, start: 5, end: 4 }] },
    ]) {
      expect(isValidSidecar(broken)).toBe(Sidecar.safeParse(broken).success);
    }
  });
});

describe('what check reads of a machine-written sidecar', () => {
  it('the header scan finds the source hash and the generator', () => {
    for (const { raw } of bundled) {
      const data = parse(raw) as Sidecar;
      expect(sidecarHeader(raw)).toEqual({ sha256: data.source.sha256, generator: data.generator });
    }
  });

  it('the citation part holds exactly the note and note-marker entries', () => {
    for (const { name, raw } of bundled) {
      const full = parse(raw) as Sidecar;
      const part = parseYamlSubset(citationPart(Buffer.from(raw))) as Sidecar;
      expect(part, name).toEqual({ ...full, entries: full.entries.filter((e) => e.type === 'note' || e.type === 'note-marker') });
    }
  });

  it('check says the same with the run cache, without it, and with the slow reader’s verdicts on broken sidecars', async () => {
    const root = copyOfBundledCorpus(true);
    const config = loadConfig(root);
    const without = check({ config }).messages;
    await annotate({ config, extractors: [notesExtractor(extractContext([]))] });
    // Sidecars now written by notes only: checked from their notes with and without the cache.
    const withCache = check({ config }).messages;
    rmSync(join(root, '.marginalia/cache.json'));
    expect(check({ config }).messages).toEqual(withCache);
    expect(withCache.map((m) => m.ruleId)).toEqual(without.map((m) => m.ruleId));
    // A person breaks a sidecar: reported as invalid, at its line, cache or not.
    cpSync(join(REPO, 'annotations'), join(root, 'annotations'), { recursive: true });
    const file = 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml';
    writeFileSync(join(root, file), readFileSync(join(root, file), 'utf8').replace('    start: 2\n', '    start: -2\n'));
    const invalid = check({ config }).messages.filter((m) => m.ruleId === 'sidecar-invalid');
    expect(invalid).toEqual([expect.objectContaining({ file, line: 21, message: expect.stringContaining('entries.0.start') })]);
  });
});
