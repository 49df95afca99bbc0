import { extractorsOf, type Extractor } from '../extract/index.js';
import type { Config } from '../io/config.js';
import { projectOf } from './project.js';
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

export function runContext(config: Config, force = false, extractors?: readonly Extractor[]): RunContext {
  const project = projectOf(config);
  const chosen = extractors ?? extractorsOf(project.extract, config.ner);
  const titles = titleStage(project.titles, config.personTitles);
  return { config, generator: project.generator(chosen.map((e) => e.id)), extractors: chosen, titles, rejected: project.rejected, force };
}
