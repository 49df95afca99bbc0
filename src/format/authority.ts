import type { AuthorityResult } from '../commands/authority.js';
import { CONFIG_FILE } from '../io/config-file.js';
import { plural } from './messages.js';

/** `authority build` and `authority import`: the file's records, how many are new, and whether the config now lists it. */
export function formatAuthorityResult(result: AuthorityResult): string {
  const listed = result.listed ? `${CONFIG_FILE}: ${result.listed} added under authorities\n` : '';
  return `${result.file}: ${plural(result.records, 'record')}, ${result.added} new\n${listed}`;
}
