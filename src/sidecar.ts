import { posix } from 'node:path';
import { stringify } from 'yaml';
import { SCHEMA_FILE, SCHEMA_VERSION, Sidecar, type Entry } from './schema.js';
import { parseYaml, type ParsedYaml } from './yaml-source.js';

/** Field order in a written entry: what a reviewer reads first comes first. */
const ENTRY_KEYS = ['id', 'type', 'start', 'end', 'text', 'value', 'amount', 'currency', 'n', 'kind', 'markers', 'repeats', 'citation', 'parts', 'cluster', 'by', 'status', 'previousStatus', 'comment', 'prefix', 'suffix'] as const;

/**
 * The bytes of a sidecar: a schema pointer for editors, then the source and its entries,
 * keys in a fixed order and no line folding, so that equal data gives equal bytes.
 */
export function serializeSidecar(sidecar: Sidecar, sidecarPath: string, schemaPath: string): string {
  const schemaRef = posix.relative(posix.dirname(sidecarPath), schemaPath);
  const data = {
    schemaVersion: sidecar.schemaVersion,
    ...(sidecar.generator ? { generator: sidecar.generator } : {}),
    source: { path: sidecar.source.path, sha256: sidecar.source.sha256, length: sidecar.source.length },
    ...(sidecar.metadata && Object.keys(sidecar.metadata).length ? { metadata: orderedKeys(sidecar.metadata, METADATA_KEYS) } : {}),
    entries: sidecar.entries.map(orderedEntry),
  };
  return `# yaml-language-server: $schema=${schemaRef}\n${stringify(data, { lineWidth: 0, minContentWidth: 0, blockQuote: false, aliasDuplicateObjects: false })}`;
}

const CITATION_KEYS = ['type', 'author', 'title', 'container-title', 'volume', 'publisher', 'publisher-place', 'issued', 'page', 'archive', 'archive_location', 'URL', 'note'] as const;

const METADATA_KEYS = [...CITATION_KEYS, 'translator', 'language'] as const;

const sortedKeys = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

function orderedKeys(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

function orderedEntry(entry: Entry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ENTRY_KEYS) {
    const value = entry[key];
    if (value === undefined) continue;
    out[key] = key === 'parts' ? sortedKeys(value as Record<string, string>) : key === 'citation' ? orderedKeys(value as Record<string, unknown>, CITATION_KEYS) : value;
  }
  return out;
}

export function parseSidecar(file: string, source: string): ParsedYaml<Sidecar> {
  return parseYaml(file, source, Sidecar, 'sidecar');
}

export function newSidecar(generator: string, source: Sidecar['source'], metadata: Sidecar['metadata'], entries: Entry[]): Sidecar {
  return { schemaVersion: SCHEMA_VERSION, generator, source, ...(metadata ? { metadata } : {}), entries };
}

export { SCHEMA_FILE };
