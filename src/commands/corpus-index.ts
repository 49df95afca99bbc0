import type { Config } from '../io/config.js';
import type { Message } from '../core/message.js';
import { collectTargets } from '../io/project.js';
import { parsedSidecars } from '../io/read.js';
import { indexEntities, type IndexedEntity } from '../core/entity-index.js';
import { projectOf } from '../pipeline/project.js';

export type { IndexedEntity } from '../core/entity-index.js';

export interface IndexOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  types?: readonly string[];
}

/** Every person, organization, place … across the corpus, with mention counts, alias cluster, documents and dates. */
export function corpusIndex(options: IndexOptions): { entities: IndexedEntity[]; messages: Message[] } {
  const { config } = options;
  const messages: Message[] = [];
  const sidecars = parsedSidecars(config, collectTargets(config, options.paths ?? [], options.cwd ?? config.root, true), messages);
  const titles = projectOf(config).titles;
  const entities = indexEntities(sidecars, titles, options.types);
  return { entities, messages };
}
