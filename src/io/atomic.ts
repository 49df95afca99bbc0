import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TMP_SUFFIX = '.tmp';
/** `.NAME.PID.HEX.tmp`: the temporary file of a write in progress, by the process PID. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Write a file so that readers see either the old bytes or the new ones, never a part:
 * a temporary file in the same folder, flushed to disk, then renamed over the target.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const file = new AtomicFile(path);
  try {
    file.write(data);
    file.commit();
  } catch (error) {
    file.discard();
    throw error;
  }
}

/** A file being written beside its target, renamed over it only when complete. */
class AtomicFile {
  private readonly tmp: string;
  private fd: number | undefined;
  constructor(private readonly path: string) {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true });
    this.tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TMP_SUFFIX}`);
    this.fd = openSync(this.tmp, 'wx', 0o644);
  }
  write(data: string | Uint8Array): void {
    writeSync(this.fd!, typeof data === 'string' ? Buffer.from(data) : data);
  }
  commit(): void {
    fsyncSync(this.fd!);
    closeSync(this.fd!);
    this.fd = undefined;
    renameSync(this.tmp, this.path);
  }
  discard(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tmp, { force: true });
  }
}

/** Pieces are written in batches of about this many characters. */
const BATCH = 1 << 16;

/**
 * Write `pieces` atomically as they come, unless together they are the very bytes of
 * `previous` (then nothing is written at all): the whole never needs to be one string.
 * Gives the sha256 of the bytes and whether they were written.
 */
export function writePiecesAtomic(path: string, pieces: Iterable<string>, previous?: string): { sha256: string; written: boolean } {
  const hash = createHash('sha256');
  let same = previous !== undefined;
  let at = 0;
  let file: AtomicFile | undefined;
  let batch = '';
  try {
    for (const piece of pieces) {
      hash.update(piece);
      if (same && previous!.startsWith(piece, at)) {
        at += piece.length;
        continue;
      }
      if (!file) {
        file = new AtomicFile(path);
        // What was the same as before is written first.
        batch = same ? previous!.slice(0, at) : '';
        same = false;
      }
      batch += piece;
      if (batch.length >= BATCH) {
        file.write(batch);
        batch = '';
      }
    }
    if (same && at === previous!.length) return { sha256: hash.digest('hex'), written: false };
    file ??= new AtomicFile(path);
    file.write(same ? previous!.slice(0, at) : batch);
    file.commit();
    return { sha256: hash.digest('hex'), written: true };
  } catch (error) {
    file?.discard();
    throw error;
  }
}

/**
 * Temporary files under `dir` left by a write that was killed (its process is gone): removed,
 * so that no run leaves them behind for long. Nothing reads them meanwhile (they are not `.yaml`).
 */
export function removeStaleTemporaries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const pid = entry.isFile() ? TEMPORARY.exec(entry.name)?.[1] : undefined;
    if (pid === undefined || isAlive(Number(pid))) continue;
    rmSync(join(entry.parentPath, entry.name), { force: true });
    removed.push(join(entry.parentPath, entry.name));
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
