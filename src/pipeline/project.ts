import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitError } from '../core/errors.js';
import { formsOf, type AuthorityRecord } from '../core/authority.js';
import { sha256Hex } from '../core/document.js';
import { compileTitles, type Titles } from '../core/titles.js';
import { VERSION } from '../core/version.js';
import { extractContext, rulePacks, type ExtractContext } from '../extract/index.js';
import { SHIPPED_MODEL, loadModel } from '../tagger/model.js';
import { vocabularyAt, type Vocabulary } from '../extract/vocabulary.js';
import { placesSha256 } from '../extract/places.js';
import { conventionsOf, type Convention } from './conventions.js';
import { readAuthorities } from '../io/authority.js';
import { CONFIG_FILE, type Config } from '../io/config.js';
import { originOf, type RulePack } from '../io/rule-packs.js';
import type { Message } from '../core/message.js';
import { packRuleInactive } from '../rules/packs.js';
import { report } from '../rules/rule.js';

/**
 * What a run knows of the project, derived once from its config: the rule packs (validated
 * and merged), the titles, the authority records, the model and the fingerprint of all of it.
 * Commands ask `projectOf(config)`; nothing else loads packs or authorities.
 */
export interface Project {
  config: Config;
  packs: readonly RulePack[];
  /** What the extractors are made from: merged lists, accepted authority records. */
  extract: ExtractContext;
  titles: Titles;
  authorities: readonly AuthorityRecord[];
  /** `type:text` of the rejected authority records' forms: never tagged. */
  rejected: ReadonlySet<string>;
  /** What `train` learned of the project's conventions (in its model's card): applied after resolution. */
  conventions: readonly Convention[];
  /** The tagger's model file and its hash, when the tagger is the engine. */
  model?: { path: string; sha256: string };
  /** The word classes of the model's lexicon (`first` for first names, `place`, `word`, …): loads the model. */
  wordClasses(): Readonly<Record<string, string>>;
  /** What the model's lexicon says words are, for resolve's decisions: the project's model, read once. */
  vocabulary(): Vocabulary;
  /** What the run says once about the project itself (a pack rule the engine cannot run). */
  messages: readonly Message[];
  /** Identifies the tool version, rules, authorities, model and place table that made a sidecar's machine entries. */
  generator(extractorIds: readonly string[]): string;
}

const projects = new WeakMap<Config, Project>();

export function projectOf(config: Config): Project {
  let project = projects.get(config);
  if (!project) projects.set(config, (project = openProject(config)));
  return project;
}

function openProject(config: Config): Project {
  const packs = rulePacks(config);
  const authorities = readAuthorities(config);
  const modelPath = config.model ? join(config.root, config.model) : fileURLToPath(SHIPPED_MODEL);
  if (config.ner === 'tagger' && !existsSync(modelPath)) throw new ExitError(`${CONFIG_FILE}: model ${config.model} does not exist`);
  const model = config.ner === 'tagger' ? { path: modelPath, sha256: sha256Hex(readFileSync(modelPath)) } : undefined;
  const extract = { ...extractContext(packs, authorities), modelPath, types: config.types };
  // The authority's curated part (accepted and rejected records) changes what is found; proposals do not.
  const curated = authorities.filter((r) => r.status !== 'proposed').map((r) => [r.id, r.type, r.status, formsOf(r)]);
  return {
    config,
    packs,
    extract,
    titles: compileTitles(extract.list('titles')),
    authorities,
    rejected: new Set([
      ...authorities.filter((r) => r.status === 'rejected').flatMap((r) => formsOf(r).map((f) => `${r.type}:${f}`)),
      // What `train` learned the project's reviewers reject (`person:Turks`).
      ...(config.model && model ? learnedRejections(modelPath) : []),
    ]),
    conventions: config.model && model ? conventionsOf(loadModel(modelPath).trainedOn.conventions) : [],
    ...(model ? { model } : {}),
    messages: config.ner === 'compromise' ? [] : inactiveRules(packs),
    wordClasses: () => loadModel(modelPath).lexicon.classes,
    vocabulary: () => vocabularyAt(modelPath),
    generator: (extractorIds) => {
      const uses: unknown[] = [extractorIds, packs, config.types, config.personTitles, ...(curated.length ? [curated] : [])];
      // The GeoNames records places are linked to: another table, other refs.
      uses.push(`places ${placesSha256()}`);
      // The model's hash only where the tagger runs: a retrained model changes what it finds.
      if (model && extractorIds.includes('nlp:tagger')) uses.push(model.sha256);
      return `marginalia ${VERSION} rules ${sha256Hex(JSON.stringify(uses)).slice(0, 12)}`;
    },
  };
}

/** The match rules of the packs that only compromise runs, unless they say they are meant for it alone. */
function inactiveRules(packs: readonly RulePack[]): Message[] {
  return packs.flatMap((pack) => {
    const origin = originOf(pack);
    return pack.rules.flatMap((rule, i) =>
      rule.match && !rule.engine
        ? [
            report(
              packRuleInactive,
              'needsCompromise',
              { file: origin?.file ?? pack.name, ...origin?.locate(['rules', i]) },
              { rule: `${pack.name}/${rule.id}` },
            ),
          ]
        : [],
    );
  });
}

function learnedRejections(modelPath: string): string[] {
  const rejected = loadModel(modelPath).trainedOn.rejected;
  return Array.isArray(rejected) ? rejected.filter((r): r is string => typeof r === 'string') : [];
}
