import type { ImportResult } from '../commands/interop.js';
import { plural } from './messages.js';

/** `12 entries imported into the sidecar of corpus/x.txt (3 confirmed machine entries); rejected machine entries: place 13, org 2` */
export function formatImport(result: ImportResult, text: string): string {
  const confirmed = result.confirmed ? ` (${plural(result.confirmed, 'entry')} already there confirmed)` : '';
  const rejected = Object.entries(result.rejected).sort(([a], [b]) => (a < b ? -1 : 1));
  const rejections = rejected.length
    ? `; machine entries the gold lacks, rejected: ${rejected.map(([type, n]) => `${type} ${n}`).join(', ')}`
    : '';
  return `${plural(result.imported, 'entry')} imported into the sidecar of ${text}${confirmed}${rejections}\n`;
}
