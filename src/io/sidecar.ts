import { posix } from 'node:path';
import { CITATION_KEYS, ENTRY_KEYS, METADATA_KEYS, SCHEMA_FILE, SCHEMA_VERSION, Sidecar, type Entry } from '../core/schema.js';
import { entryYaml, headYaml } from './yaml-entries.js';
import { isValidSidecar } from '../core/sidecar-shape.js';
import { parseYaml, type ParsedYaml } from './yaml-source.js';
import { parseYamlSubset } from './yaml-subset.js';

/**
 * The bytes of a sidecar: a schema pointer for editors, then the source and its entries,
 * keys in a fixed order and no line folding, so that equal data gives equal bytes.
 */
export function serializeSidecar(sidecar: Sidecar, sidecarPath: string, schemaPath: string): string {
  return [...sidecarYaml(sidecar, sidecarPath, schemaPath)].join('');
}

const OPTIONS = { lineWidth: 0, minContentWidth: 0, blockQuote: false, aliasDuplicateObjects: false } as const;

/**
 * `serializeSidecar`'s bytes in pieces, rendered as they are asked for: the head, then one
 * piece per entry, so that a long text's sidecar is written without ever being one string.
 * Byte for byte what `yaml`'s stringify writes (io/yaml-write.ts, held to `yaml` by tests).
 */
export function* sidecarYaml(sidecar: Sidecar, sidecarPath: string, schemaPath: string): Generator<string> {
  const schemaRef = posix.relative(posix.dirname(sidecarPath), schemaPath);
  const data = {
    schemaVersion: sidecar.schemaVersion,
    ...(sidecar.generator ? { generator: sidecar.generator } : {}),
    source: {
      path: sidecar.source.path,
      sha256: sidecar.source.sha256,
      length: sidecar.source.length,
      ...(sidecar.source.encoding ? { encoding: sidecar.source.encoding } : {}),
    },
    ...(sidecar.metadata && Object.keys(sidecar.metadata).length ? { metadata: orderedKeys(sidecar.metadata, METADATA_KEYS) } : {}),
    ...(sidecar.reviewed ? { reviewed: orderedKeys(sidecar.reviewed, ['by', 'at', 'types']) } : {}),
  };
  yield `# yaml-language-server: $schema=${schemaRef}\n${headYaml(data, OPTIONS)}`;
  if (sidecar.entries.length === 0) yield 'entries: []\n';
  else {
    yield 'entries:\n';
    for (const entry of sidecar.entries) yield entryYaml(orderedEntry(entry), OPTIONS);
  }
}

const sortedKeys = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

function orderedKeys(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

function orderedEntry(entry: Entry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ENTRY_KEYS) {
    const value = entry[key];
    if (value === undefined) continue;
    out[key] =
      key === 'parts'
        ? sortedKeys(value as Record<string, string>)
        : key === 'citation'
          ? orderedKeys(value as Record<string, unknown>, CITATION_KEYS)
          : value;
  }
  return out;
}

/** Upgrades of sidecars written by older schema versions: MIGRATIONS[n] turns version n into n + 1. */
const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  // 2 adds the optional `confidence` of the tagger's entries: a version-1 sidecar is read as it is.
  1: (data) => data,
};

/**
 * Read a sidecar: the one reader every command uses. The YAML that annotate writes is read by
 * the fast subset reader (held to \`yaml\`'s result by tests) and checked against the schema,
 * whatever its size; anything else (other YAML, an invalid or older sidecar) by \`yaml\` and zod,
 * with messages placed in the file. One written by a newer marginalia is refused with a clear
 * message; one written by an older schema is migrated, step by step, before it is checked.
 */
export function parseSidecar(file: string, source: string): ParsedYaml<Sidecar> {
  const data = parseYamlSubset(source) as { schemaVersion?: unknown } | undefined;
  const value = data?.schemaVersion === SCHEMA_VERSION && (isValidSidecar(data) ? data : Sidecar.safeParse(data).data);
  if (!value) return parseSidecarExactly(file, source);
  // Positions in the YAML are needed only to report an entry: parse exactly then.
  let located: ParsedYaml<Sidecar> | undefined;
  return { value, messages: [], locate: (at) => (located ??= parseSidecarExactly(file, source)).locate(at) };
}

function parseSidecarExactly(file: string, source: string): ParsedYaml<Sidecar> {
  return parseYaml(file, source, Sidecar, 'sidecar', (data) => {
    const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version !== 'number' || version === SCHEMA_VERSION) return { data };
    if (version > SCHEMA_VERSION)
      return {
        error: `schemaVersion ${version}: written by a newer marginalia (this one reads ${SCHEMA_VERSION}); upgrade marginalia`,
        path: ['schemaVersion'],
      };
    let migrated = data as Record<string, unknown>;
    for (let v = version; v < SCHEMA_VERSION; v++) {
      const step = MIGRATIONS[v];
      if (!step) return { error: `schemaVersion ${version}: no migration from version ${v}`, path: ['schemaVersion'] };
      migrated = { ...step(migrated), schemaVersion: v + 1 };
    }
    return { data: migrated };
  });
}

export function newSidecar(
  generator: string,
  source: Sidecar['source'],
  metadata: Sidecar['metadata'],
  entries: Entry[],
  reviewed?: Sidecar['reviewed'],
): Sidecar {
  return {
    schemaVersion: SCHEMA_VERSION,
    generator,
    source,
    ...(metadata ? { metadata } : {}),
    ...(reviewed ? { reviewed } : {}),
    entries,
  };
}

export { SCHEMA_FILE };
