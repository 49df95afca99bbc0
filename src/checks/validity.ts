import { posix } from 'node:path';
import type { Document } from '../core/document.js';
import type { Message } from '../core/message.js';
import { isHumanWork, type Entry, type Sidecar } from '../core/schema.js';
import { reanchor } from '../core/anchor.js';
import { entryDuplicateId, entryOutOfRange, entryTextMismatch, entryUnknownType, orphanedEntry } from '../rules/entries.js';
import { report } from '../rules/rule.js';
import { sidecarLength, sidecarSourceOutside, sidecarSourcePath, sidecarStale } from '../rules/sidecars.js';

/** Line and column in the sidecar of a field path such as ['entries', 3, 'text']. */
export type Locate = (path: (string | number)[]) => { line: number; column: number };

export interface SidecarAt {
  /** The text's path and the sidecar's, relative to the project root. */
  text: string;
  sidecar: string;
  locate: Locate;
}

/** A sidecar's claims about its own text: the source path names this text, inside the project. */
export function sourcePathFindings(sidecar: Sidecar, at: SidecarAt): Message[] {
  // Located only when there is something to say: the exact YAML parse is the slow part of a large sidecar.
  const where = () => ({ file: at.sidecar, ...at.locate(['source', 'path']) });
  const claimed = posix.normalize(sidecar.source.path);
  if (posix.isAbsolute(claimed) || claimed.startsWith('../') || claimed === '..')
    return [report(sidecarSourceOutside, 'outside', where(), { claimed: sidecar.source.path })];
  if (sidecar.source.path !== at.text)
    return [report(sidecarSourcePath, 'other', where(), { claimed: sidecar.source.path, text: at.text })];
  return [];
}

/** Entries whose type the config does not declare, and ids used twice. */
export function entryShapeFindings(sidecar: Sidecar, types: readonly string[], at: SidecarAt): Message[] {
  const messages: Message[] = [];
  const ids = new Map<string, number>();
  sidecar.entries.forEach((entry, i) => {
    if (!types.includes(entry.type)) {
      const where = { file: at.sidecar, ...at.locate(['entries', i, 'type']), entryId: entry.id };
      messages.push(report(entryUnknownType, 'undeclared', where, { id: entry.id ?? i, type: entry.type }));
    }
    if (!entry.id) return;
    const first = ids.get(entry.id);
    if (first !== undefined)
      messages.push(
        report(
          entryDuplicateId,
          'twice',
          { file: at.sidecar, ...at.locate(['entries', i, 'id']), entryId: entry.id },
          { id: entry.id, first },
        ),
      );
    else ids.set(entry.id, i);
  });
  return messages;
}

/**
 * The sidecar against its text. A current sidecar: every span holds exactly its text. A
 * stale one: one message for the staleness, then only the human work the next annotate
 * could not re-anchor (machine entries are made again).
 */
export function textFindings(doc: Document, sidecar: Sidecar, at: SidecarAt): Message[] {
  if (doc.sha256 !== sidecar.source.sha256) {
    const stale = report(sidecarStale, 'stale', { file: at.sidecar, ...at.locate(['source', 'sha256']) }, { text: at.text });
    const lost = sidecar.entries.flatMap((entry, i) =>
      isHumanWork(entry) && entry.status !== 'orphaned' && reanchor(doc, entry).status === 'orphaned'
        ? [report(entryTextMismatch, 'lost', { file: at.sidecar, ...at.locate(['entries', i]), entryId: entry.id }, describe(entry, i))]
        : [],
    );
    return [stale, ...lost];
  }
  if (doc.length !== sidecar.source.length) {
    const where = { file: at.sidecar, ...at.locate(['source', 'length']) };
    return [report(sidecarLength, 'length', where, { claimed: sidecar.source.length, actual: doc.length })];
  }
  return spanFindings(doc, sidecar, at);
}

/** Every span of a current sidecar holds exactly its recorded text; orphaned entries are reported, not proved. */
export function spanFindings(doc: Document, sidecar: Sidecar, at: SidecarAt): Message[] {
  const messages: Message[] = [];
  sidecar.entries.forEach((entry, i) => {
    const where = (field?: string) => ({
      file: at.sidecar,
      ...at.locate(field ? ['entries', i, field] : ['entries', i]),
      entryId: entry.id,
    });
    if (entry.status === 'orphaned') messages.push(orphanedEntry(where(), entry));
    else if (entry.end > doc.length)
      messages.push(report(entryOutOfRange, 'past', where('end'), { ...describe(entry, i), end: entry.end, length: doc.length }));
    else {
      const actual = doc.slice(entry.start, entry.end);
      if (actual === entry.text) return;
      const p = doc.point(entry.start);
      messages.push(
        report(entryTextMismatch, 'mismatch', where('text'), { ...describe(entry, i), place: `${doc.path}:${p.line}:${p.column}`, actual }),
      );
    }
  });
  return messages;
}

const describe = (entry: Entry, i: number) => ({ type: entry.type, id: entry.id ?? `#${i}`, text: entry.text });
