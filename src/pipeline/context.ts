import { sha256Hex } from '../core/document.js';
import { VERSION } from '../core/version.js';
import { extractContext, extractorsFor, rulePacks, type Extractor } from '../extract/index.js';
import type { Config } from '../io/config.js';
import type { RulePack } from '../io/rule-packs.js';
import { formsOf, type AuthorityRecord } from '../core/authority.js';
import { readAuthorities } from '../io/authority.js';
import { titleStage, type TitleStage } from './titles.js';

/** What every text of one run shares. */
export interface RunContext {
  config: Config;
  generator: string;
  extractors: readonly Extractor[];
  /** After resolution: each person's titles in its `title`, inside or outside its span (the config's personTitles). */
  titles: TitleStage;
  /** `type:text` of the rejected authority records' forms: never tagged. */
  rejected: ReadonlySet<string>;
  force: boolean;
}

/** Identifies the tool version and rules that made a sidecar's machine entries. */
export function generatorOf(
  config: Config,
  extractors: readonly Extractor[],
  packs: readonly RulePack[],
  authorities: readonly AuthorityRecord[] = [],
): string {
  // The authority's curated part (accepted and rejected records) changes what is found; proposals do not.
  const curated = authorities.filter((r) => r.status !== 'proposed').map((r) => [r.id, r.type, r.status, formsOf(r)]);
  const rules = sha256Hex(
    JSON.stringify([extractors.map((e) => e.id), packs, config.types, config.personTitles, ...(curated.length ? [curated] : [])]),
  ).slice(0, 12);
  return `marginalia ${VERSION} rules ${rules}`;
}

export function runContext(config: Config, force = false, extractors?: readonly Extractor[]): RunContext {
  const packs = rulePacks(config);
  const authorities = readAuthorities(config);
  const chosen = extractors ?? extractorsFor(packs, { ner: config.ner, authorities });
  const titles = titleStage(extractContext(packs).list('titles'), config.personTitles);
  const rejected = new Set(authorities.filter((r) => r.status === 'rejected').flatMap((r) => formsOf(r).map((f) => `${r.type}:${f}`)));
  return { config, generator: generatorOf(config, chosen, packs, authorities), extractors: chosen, titles, rejected, force };
}
