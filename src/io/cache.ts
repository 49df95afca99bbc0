import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from './config.js';
import { sha256Hex } from '../core/document.js';
import { writeFileAtomic } from './atomic.js';
import { absolute } from './project.js';

/**
 * What annotate last wrote for each text: enough for a re-run, and for check, to know a
 * sidecar is current and untouched without parsing its YAML (textlint's content cache).
 * Only a speed-up: a missing or stale cache just means the slow, exact path.
 */
export interface CacheEntry {
  textSha256: string;
  sidecarSha256: string;
  generator: string;
  /** The sidecar holds entries a person made or decided. */
  human: boolean;
}

/** Beside the config, out of annotations/: it is the machine's, never committed (`init` writes the ignore rule). */
export const CACHE_FILE = '.marginalia/cache.json';
const VERSION = 1;

export type Cache = Map<string, CacheEntry>;

const pathOf = (config: Config) => absolute(config, CACHE_FILE);

export function loadCache(config: Config): Cache {
  try {
    const data = JSON.parse(readFileSync(pathOf(config), 'utf8'));
    return data.version === VERSION ? new Map(Object.entries(data.entries as Record<string, CacheEntry>)) : new Map();
  } catch {
    return new Map();
  }
}

export function saveCache(config: Config, cache: Cache): void {
  if (!existsSync(absolute(config, config.annotations))) return;
  mkdirSync(dirname(pathOf(config)), { recursive: true });
  const entries = Object.fromEntries([...cache].sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileAtomic(pathOf(config), `${JSON.stringify({ version: VERSION, entries })}\n`);
}

/** The file's bytes hash, or undefined when it cannot be read. */
export function fileSha256(config: Config, path: string): string | undefined {
  try {
    return sha256Hex(readFileSync(absolute(config, path)));
  } catch {
    return undefined;
  }
}

/** The cache vouches for this text's sidecar: same text (hash given when already known), same sidecar bytes, same rules. */
export function isCached(
  config: Config,
  cache: Cache,
  text: string,
  sidecar: string,
  generator: string,
  textSha256?: string,
): CacheEntry | undefined {
  const entry = cache.get(sidecar);
  if (!entry || entry.generator !== generator) return undefined;
  return (textSha256 ?? fileSha256(config, text)) === entry.textSha256 && fileSha256(config, sidecar) === entry.sidecarSha256
    ? entry
    : undefined;
}
