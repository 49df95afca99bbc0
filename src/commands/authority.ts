import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { authorityImport as importRule } from '../rules/authority.js';
import { report } from '../rules/rule.js';
import { ExitError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { authorityCsv, authorityJsonLd } from '../authority/export.js';
import { proposeRecords, mergeRecords } from '../authority/propose.js';
import { parseTable, recordsFromTable, type ColumnMap } from '../authority/persons-list.js';
import { projectOf } from '../pipeline/project.js';
import { readAuthorities, readAuthority, writeAuthority } from '../io/authority.js';
import type { Config } from '../io/config.js';
import { collectTargets } from '../io/project.js';
import { parsedSidecars, readDocument } from '../io/read.js';
import { listAuthorityFile } from '../io/config-edit.js';
import { lowerCaseWords } from '../extract/vocabulary.js';

export interface AuthorityResult {
  /** The authority file written, relative to the project root. */
  file: string;
  /** The file was added to `authorities:` in the config. */
  listed?: string;
  records: number;
  added: number;
  messages: Message[];
}

/** The words the texts write in lower case: a capitalized one of them is a common word, not a surname. */
function lowerInTexts(config: Config, texts: readonly string[]): Set<string> {
  const lower = new Set<string>();
  for (const text of texts) {
    const doc = readDocument(config, text);
    if (doc.value) for (const w of lowerCaseWords(doc.value.text)) lower.add(w.toLowerCase());
  }
  return lower;
}

/** The file to write: `--out`, else the first authority file of the config. */
function target(config: Config, out: string | undefined): string {
  const file = out ?? config.authorities[0];
  if (!file) throw new ExitError('no authority file: name one under `authorities:` in marginalia.config.yaml, or give --out');
  return file;
}

/**
 * Propose records from the corpus's sidecars (people found under a full name, with their
 * surnames) and merge them into the authority file: accepted and rejected records and every
 * field a person edited stay as they are. `accept`: new records are accepted at once (a
 * project that trusts the machine's proposals), not left for review.
 */
export function authorityBuild(options: { config: Config; out?: string; cwd?: string; accept?: boolean }): AuthorityResult {
  const { config } = options;
  const file = target(config, options.out);
  const messages: Message[] = [];
  const parsed = [...parsedSidecars(config, collectTargets(config, [], options.cwd ?? config.root, true), messages)];
  const sidecars = parsed.map((s) => s.sidecar);
  // First names: the word classes the project's model carries (from compromise's lexicon).
  const project = projectOf(config);
  const classes = project.wordClasses();
  const knowledge = {
    surnamesFirst: new Set(project.extract.list('surnames-first')),
    familyFirstGivenShort: new Set(project.extract.list('surnames-vi')),
    lowerInCorpus: lowerInTexts(
      config,
      parsed.map((p) => p.target.text),
    ),
  };
  const proposed = proposeRecords(sidecars, project.titles, (w) => classes[w], knowledge);
  const status = options.accept ? 'accepted' : 'proposed';
  const { records, added } = mergeRecords(
    readAuthority(config, file),
    proposed.map((r) => ({ ...r, status })),
  );
  writeAuthority(config, file, records);
  // A file named with --out is one the project uses from now on (annotate links to its accepted records).
  const listed = listAuthorityFile(config.root, file);
  return { file, records: records.length, added, messages, ...(listed ? { listed } : {}) };
}

/**
 * Import a persons list (CSV or TSV; names in index form `Surname, Given names`, as FRUS
 * prints them, or as written) as accepted records, merged into the authority file.
 */
export function authorityImport(options: {
  config: Config;
  file: string;
  columns: ColumnMap;
  out?: string;
  cwd?: string;
}): AuthorityResult {
  const { config } = options;
  const file = target(config, options.out);
  const path = resolvePath(options.cwd ?? config.root, options.file);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    throw new ExitError(`${options.file}: cannot be read`);
  }
  const delimiter = /\.tsv$|\.tab$/i.test(path) || source.split('\n')[0]!.includes('\t') ? '\t' : ',';
  const { records: imported, errors } = recordsFromTable(parseTable(source, delimiter), options.columns);
  const messages: Message[] = errors.map((e) => report(importRule, 'row', { file: options.file, line: e.row }, { reason: e.message }));
  const { records, added } = mergeRecords(readAuthority(config, file), imported, { curated: true });
  writeAuthority(config, file, records);
  return { file, records: records.length, added, messages };
}

/** The authority files' records as CSV (every record, with its status) or schema.org JSON-LD (the accepted records only). */
export function authorityExport(options: { config: Config; format: 'csv' | 'jsonld' }): string {
  const records = readAuthorities(options.config);
  return options.format === 'csv' ? authorityCsv(records) : authorityJsonLd(records);
}
