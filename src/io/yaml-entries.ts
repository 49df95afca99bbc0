import { stringify, type ToStringOptions } from 'yaml';
import { NotWritten, mappingYaml, sequenceYaml } from './yaml-write.js';

/**
 * The `entries:` block of a sidecar, byte for byte what `yaml`'s stringify writes for it, one
 * entry at a time (see io/yaml-write.ts): a long text has hundreds of thousands of entries,
 * and a YAML document tree of all of them cost more time and memory than the rest of the
 * write. An entry the writer does not know how to write is left to `yaml`, in the same place.
 */
export function entriesYaml(entries: readonly Record<string, unknown>[], options: ToStringOptions): string {
  if (entries.length === 0) return 'entries: []\n';
  return `entries:\n${entries.map((entry) => entryYaml(entry, options)).join('')}`;
}

export function entryYaml(entry: Record<string, unknown>, options: ToStringOptions): string {
  try {
    return sequenceYaml([entry], '  ');
  } catch (error) {
    if (!(error instanceof NotWritten)) throw error;
    return stringify({ entries: [entry] }, options).slice('entries:\n'.length);
  }
}

/** The mapping at the top of a sidecar (everything but its entries). */
export function headYaml(data: Record<string, unknown>, options: ToStringOptions): string {
  try {
    return mappingYaml(data, '');
  } catch (error) {
    if (!(error instanceof NotWritten)) throw error;
    return stringify(data, options);
  }
}
