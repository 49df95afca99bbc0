import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { NotWritten, doubleQuoted, mappingYaml, yamlString } from '../../src/io/yaml-write.js';
import { serializeSidecar } from '../../src/io/sidecar.js';
import { CITATION_KEYS, ENTRY_KEYS, SCHEMA_VERSION, type Entry, type Sidecar } from '../../src/core/schema.js';
import { PROPERTY_RUNS } from '../properties.js';

const OPTIONS = { lineWidth: 0, minContentWidth: 0, blockQuote: false, aliasDuplicateObjects: false } as const;

// Pieces that hit every style `yaml` writes a string in, and look-alikes of other types.
const piece = fc.constantFrom(
  ...['the', ' ', '  ', '\n', '\n\n', '"', "'", '\\', ':', ': ', ' #', '#', '-', '- ', '-47', '1961', '1.5', '1e3', '.5'],
  ...['0x1F', '0o17', '007', 'true', 'False', 'null', 'NULL', '~', '.inf', '-.Inf', '.nan', '[', ']', '{}', ',', '&a', '*a'],
  ...['!x', '|', '>', '%', '@', '`', '?', '? ', 'é', '😀', '\u2028', '\u2029', '\u0085', '\u00a0', '\t', '\r', '\x07', '\x1b'],
  ...['\x00', '\x0b', '\ud800', '---', '...', ' \n', '\n ', 'a long enough run of words to pass forty characters'],
);
const str = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const key = fc.oneof(
  { arbitrary: fc.constantFrom('text', 'start', 'n', 'by', 'x-y', '_k', 'Title2'), weight: 12 },
  { arbitrary: fc.constantFrom('true', 'null', '1', 'a b', ''), weight: 1 },
  { arbitrary: str, weight: 1 },
);
const scalar = fc.oneof(
  str,
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, 0.1, 1e21, 1e-7, true, false, null, undefined, NaN, Infinity, -Infinity),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
}));

describe('the YAML writer writes what `yaml` writes', () => {
  it('for any mapping of plain data it writes (and it writes most of them)', () => {
    let written = 0;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), (data) => {
        let out: string;
        try {
          out = mappingYaml(data, '');
        } catch (error) {
          if (error instanceof NotWritten) return;
          throw error;
        }
        written++;
        expect(out).toBe(stringify(data, OPTIONS));
      }),
      { numRuns: PROPERTY_RUNS * 10 },
    );
    expect(written).toBeGreaterThan(PROPERTY_RUNS);
  });

  it('for any string, at any depth', () => {
    fc.assert(
      fc.property(str, fc.nat({ max: 3 }), (s, depth) => {
        let data: unknown = { k: s };
        for (let d = 0; d < depth; d++) data = { k: [data] };
        const indent = ' '.repeat(2 + 4 * depth);
        const expected = stringify(data, OPTIONS);
        expect(expected.endsWith(`k: ${yamlString(s, indent)}\n`)).toBe(true);
      }),
      { numRuns: PROPERTY_RUNS * 10 },
    );
  });

  it('breaks a long double-quoted string at its line breaks, escaping the blanks around them', () => {
    expect(doubleQuoted('a line that is long enough to be broken \n  there', '    ')).toBe(
      '"a line that is long enough to be broken\\ \n\n    \\  there"',
    );
    expect(doubleQuoted('short\n', '  ')).toBe('"short\\n"');
    // JSON escapes control characters only: YAML's short forms where it has one, else \x.
    expect(doubleQuoted('\u0000\u0007\u000b\u001b\u0001\u0085', '  ')).toBe('"\\0\\a\\v\\e\\x01\u0085"');
  });
});

/** Parts by key, a citation's keys in the schema's order: as a sidecar writes them. */
function inOrder(e: Record<string, unknown>): Record<string, unknown> {
  const parts = e.parts as Record<string, string> | undefined;
  const citation = e.citation as Record<string, unknown> | undefined;
  return {
    ...e,
    ...(parts ? { parts: Object.fromEntries(Object.entries(parts).sort(([a], [b]) => a.localeCompare(b))) } : {}),
    ...(citation
      ? { citation: Object.fromEntries(CITATION_KEYS.filter((k) => citation[k] !== undefined).map((k) => [k, citation[k]])) }
      : {}),
  };
}

describe('serializeSidecar', () => {
  const entry = fc
    .record(
      {
        type: fc.constantFrom('note', 'note-marker', 'person', 'date'),
        start: fc.nat(),
        text: str,
        n: str,
        prefix: str,
        suffix: str,
        comment: str,
        confidence: fc.double({ min: 0, max: 1, noNaN: true }),
        amount: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e9, noNaN: true })),
        markers: fc.array(str, { maxLength: 3 }),
        parts: fc.dictionary(fc.constantFrom('given', 'family', 'title'), str),
        title: str,
      },
      { requiredKeys: ['type', 'start', 'text'] },
    )
    .map(({ title, ...e }) => ({
      ...e,
      end: e.start + 1,
      by: 'human',
      ...(title !== undefined ? { citation: { title, author: [{ literal: title }, { family: title, given: 'A.' }] } } : {}),
    }));

  it("is `yaml`'s stringify of the whole sidecar, byte for byte", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), str, (entries, title) => {
        const sidecar = {
          schemaVersion: SCHEMA_VERSION,
          generator: 'test',
          source: { path: 'corpus/t.txt', sha256: 'a'.repeat(64), length: 10 },
          metadata: { title },
          entries: entries as Entry[],
        } satisfies Sidecar;
        const written = serializeSidecar(sidecar, 'annotations/t.txt.yaml', 'annotations/marginalia.schema.json');
        // The oracle: `yaml`'s stringify of the same data, keys in the sidecar's order.
        const ordered = (e: Record<string, unknown>) =>
          Object.fromEntries(ENTRY_KEYS.filter((k) => e[k] !== undefined).map((k) => [k, e[k]]));
        const data = { ...sidecar, metadata: { title }, entries: entries.map((e) => ordered(inOrder(e))) };
        expect(written).toBe(`# yaml-language-server: $schema=marginalia.schema.json\n${stringify(data, OPTIONS)}`);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
