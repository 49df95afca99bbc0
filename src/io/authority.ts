import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { stringify } from 'yaml';
import { AUTHORITY_SCHEMA_FILE, AuthorityFile, authorityJsonSchema, type AuthorityRecord } from '../core/authority.js';
import { ExitError } from '../core/errors.js';
import { writeFileAtomic } from './atomic.js';
import type { Config } from './config.js';
import { absolute } from './project.js';
import { parseYaml } from './yaml-source.js';

/** The records of one authority file (none when it does not exist yet); errors name the file, line and column. */
export function readAuthority(config: Config, path: string): AuthorityRecord[] {
  const abs = absolute(config, path);
  if (!existsSync(abs)) return [];
  const parsed = parseYaml(path, readFileSync(abs, 'utf8'), AuthorityFile, 'authority');
  if (!parsed.value) {
    const m = parsed.messages[0]!;
    throw new ExitError(`${m.file}:${m.line ?? 1}:${m.column ?? 1}  ${m.message}`);
  }
  const seen = new Map<string, number>();
  parsed.value.records.forEach((r, i) => {
    if (seen.has(r.id)) {
      const at = parsed.locate(['records', i, 'id']);
      throw new ExitError(`${path}:${at.line}:${at.column}  record id ${r.id} is used twice`);
    }
    seen.set(r.id, i);
  });
  return parsed.value.records;
}

/** Every record of every authority file the config names. */
export function readAuthorities(config: Config): AuthorityRecord[] {
  return config.authorities.flatMap((path) => readAuthority(config, path));
}

const KEYS = ['id', 'type', 'preferred', 'variants', 'description', 'dates', 'sameAs', 'status', 'mentions', 'texts'] as const;

/** The file written back: a schema pointer for editors, fixed key order, atomic; the JSON Schema beside it. */
export function writeAuthority(config: Config, path: string, records: readonly AuthorityRecord[]): void {
  const ordered = records.map((r) => Object.fromEntries(KEYS.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])));
  const schemaRef = posix.relative(posix.dirname(path), AUTHORITY_SCHEMA_FILE) || AUTHORITY_SCHEMA_FILE;
  writeFileAtomic(
    absolute(config, path),
    `# yaml-language-server: $schema=${schemaRef}\n${stringify({ records: ordered }, { lineWidth: 0 })}`,
  );
  const schemaPath = absolute(config, posix.join(posix.dirname(path), AUTHORITY_SCHEMA_FILE));
  const schema = `${JSON.stringify(authorityJsonSchema(), null, 2)}\n`;
  if (!existsSync(schemaPath) || readFileSync(schemaPath, 'utf8') !== schema) writeFileAtomic(schemaPath, schema);
}
