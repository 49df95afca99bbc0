import { sha256Hex } from '../core/document.js';
import { VERSION } from '../core/version.js';
import { extractContext, extractorsFor, rulePacks, type Extractor } from '../extract/index.js';
import type { Config } from '../io/config.js';
import type { RulePack } from '../io/rule-packs.js';
import { titleStage, type TitleStage } from './titles.js';

/** What every text of one run shares. */
export interface RunContext {
  config: Config;
  generator: string;
  extractors: readonly Extractor[];
  /** After resolution: each person's titles in its `title`, inside or outside its span (the config's personTitles). */
  titles: TitleStage;
  force: boolean;
}

/** Identifies the tool version and rules that made a sidecar's machine entries. */
export function generatorOf(config: Config, extractors: readonly Extractor[], packs: readonly RulePack[]): string {
  const rules = sha256Hex(JSON.stringify([extractors.map((e) => e.id), packs, config.types, config.personTitles])).slice(0, 12);
  return `marginalia ${VERSION} rules ${rules}`;
}

export function runContext(config: Config, force = false, extractors?: readonly Extractor[]): RunContext {
  const packs = rulePacks(config);
  const chosen = extractors ?? extractorsFor(packs, { ner: config.ner });
  const titles = titleStage(extractContext(packs).list('titles'), config.personTitles);
  return { config, generator: generatorOf(config, chosen, packs), extractors: chosen, titles, force };
}

