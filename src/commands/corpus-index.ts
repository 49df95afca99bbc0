import type { Config } from '../io/config.js';
import type { Message } from '../core/message.js';
import { collectTargets } from '../io/project.js';
import { parsedSidecars } from '../io/read.js';
import { indexEntities, type IndexedEntity } from '../core/entity-index.js';
import { projectOf } from '../pipeline/project.js';
import { ExitError } from '../core/errors.js';
import { STRUCTURE_TYPES } from '../core/schema.js';
import { report } from '../rules/rule.js';
import { recordOf } from '../core/places.js';
import { loadPlaces } from '../extract/places.js';
import { unknownPlace } from '../rules/entries.js';
import { selectionEmpty } from '../rules/runs.js';

export type { IndexedEntity } from '../core/entity-index.js';

export interface IndexOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  types?: readonly string[];
}

/** Every person, organization, place … across the corpus, with mention counts, alias cluster, documents and dates. */
export function corpusIndex(options: IndexOptions): { entities: IndexedEntity[]; messages: Message[]; nothingMatched: boolean } {
  const { config } = options;
  const entityTypes = config.types.filter((t) => !(STRUCTURE_TYPES as readonly string[]).includes(t));
  const undeclared = (options.types ?? []).filter((t) => !entityTypes.includes(t));
  if (undeclared.length)
    throw new ExitError(
      `--types: ${undeclared.map((t) => `"${t}"`).join(', ')} ${undeclared.length === 1 ? 'is not an entity type' : 'are not entity types'} of this project (${entityTypes.join(', ')}; declare more under \`types:\` in the config)`,
    );
  const messages: Message[] = [];
  const sidecars = parsedSidecars(config, collectTargets(config, options.paths ?? [], options.cwd ?? config.root, true), messages);
  const titles = projectOf(config).titles;
  const entities = withPlaces(indexEntities(sidecars, titles, options.types), messages);
  // Types asked for by name and found nowhere: said, and a non-zero exit, rather than an empty index.
  const nothingMatched = Boolean(options.types?.length) && entities.length === 0;
  if (nothingMatched)
    messages.push(
      report(selectionEmpty, 'index', { file: options.paths?.join(' ') || config.annotations }, { types: options.types!.join(', ') }),
    );
  return { entities, messages, nothingMatched };
}

/** Places linked to GeoNames get their record; a ref the place table does not know is reported, the place listed as it is. */
function withPlaces(entities: IndexedEntity[], messages: Message[]): IndexedEntity[] {
  if (!entities.some((e) => e.cluster.startsWith('geonames:'))) return entities;
  const table = loadPlaces();
  return entities.map((e) => {
    if (!e.cluster.startsWith('geonames:')) return e;
    const r = recordOf(table, e.cluster);
    if (!r) {
      messages.push(unknownPlace({ file: e.documents[0] ?? '' }, { text: e.name, ref: e.cluster }));
      return e;
    }
    return { ...e, place: { name: r.name, country: r.country, admin: r.admin, lat: r.lat, lon: r.lon } };
  });
}
