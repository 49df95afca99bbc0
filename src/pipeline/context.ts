import { extractorsOf, type Extractor } from '../extract/index.js';
import type { Vocabulary } from '../extract/vocabulary.js';
import type { Config } from '../io/config.js';
import { projectOf } from './project.js';
import type { Convention } from './conventions.js';
import { clusterPersons } from './clusters.js';
import { titleStage, type TitleStage } from './titles.js';

/** What every text of one run shares. */
export interface RunContext {
  config: Config;
  generator: string;
  extractors: readonly Extractor[];
  /** After resolution: each person's titles in its `title`, inside or outside its span (the config's personTitles), then its cluster key. */
  people: TitleStage;
  /** `type:text` of the rejected authority records' forms: never tagged. */
  rejected: ReadonlySet<string>;
  force: boolean;
  /** What words mean, from the project's model: resolve's decisions about persons. */
  vocabulary: Vocabulary;
  /** What the project's reviews taught (`train`): applied to the machine's entries after resolution. */
  conventions: readonly Convention[];
}

export function runContext(config: Config, force = false, extractors?: readonly Extractor[]): RunContext {
  const project = projectOf(config);
  const chosen = extractors ?? extractorsOf(project.extract, config.ner);
  const titles = titleStage(project.titles, config.personTitles);
  const surnameFirst = new Set(project.extract.list('surnames-first'));
  const people: TitleStage = (doc, entries) => clusterPersons(titles(doc, entries), surnameFirst);
  return {
    config,
    generator: project.generator(chosen.map((e) => e.id)),
    extractors: chosen,
    people,
    rejected: project.rejected,
    force,
    vocabulary: project.vocabulary(),
    conventions: project.conventions,
  };
}
