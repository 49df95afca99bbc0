import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The period table (models/period.bin, built by scripts/period-table.js from FRUS and 1916
 * newspapers): for the most frequent word forms, lower case, a word cluster (4 + 4 + 2 bits: its
 * prefixes are the clusters at three depths) and casing counts inside a sentence.
 */
export interface PeriodData {
  words: string[];
  counts: Uint32Array;
  clusters: Uint16Array;
  /** Per word, 5 counts inside a sentence: capitalized, lower case, all capitals, a capitalized head after `the`, (unused). */
  cases: Uint32Array;
  builtFrom: Record<string, unknown>;
}

export interface PeriodTable extends PeriodData {
  index: Map<string, number>;
  sha256: string;
}

const MAGIC = 'marginalia-period-1';
export const CASES = 5;

export function serializePeriod(data: PeriodData): Buffer {
  const header = Buffer.from(JSON.stringify({ magic: MAGIC, count: data.words.length, builtFrom: data.builtFrom }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const words = Buffer.from(data.words.join('\n'));
  const wordsLength = Buffer.alloc(4);
  wordsLength.writeUInt32LE(words.length);
  const body = Buffer.concat([
    length,
    header,
    wordsLength,
    words,
    Buffer.from(data.counts.buffer, data.counts.byteOffset, data.counts.byteLength),
    Buffer.from(data.cases.buffer, data.cases.byteOffset, data.cases.byteLength),
    Buffer.from(data.clusters.buffer, data.clusters.byteOffset, data.clusters.byteLength),
  ]);
  return gzipSync(body, { level: 9 });
}

export function parsePeriod(bytes: Buffer): PeriodTable {
  const body = gunzipSync(bytes);
  const headerLength = body.readUInt32LE(0);
  const header = JSON.parse(body.subarray(4, 4 + headerLength).toString('utf8'));
  if (header.magic !== MAGIC) throw new Error('not a marginalia period table');
  let at = 4 + headerLength;
  const wordsLength = body.readUInt32LE(at);
  at += 4;
  const words = body
    .subarray(at, at + wordsLength)
    .toString('utf8')
    .split('\n');
  at += wordsLength;
  const n = header.count as number;
  const copy = (bytesLength: number) => body.buffer.slice(body.byteOffset + at, body.byteOffset + (at += bytesLength));
  const counts = new Uint32Array(copy(n * 4));
  const cases = new Uint32Array(copy(n * CASES * 4));
  const clusters = new Uint16Array(copy(n * 2));
  return {
    words,
    counts,
    cases,
    clusters,
    builtFrom: header.builtFrom,
    index: new Map(words.map((w, i) => [w, i])),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** A word's casing inside sentences in period text, if it is in the table. */
export function casing(table: PeriodTable, lower: string): { capital: number; lower: number; afterThe: number } | undefined {
  const i = table.index.get(lower);
  if (i === undefined) return undefined;
  return { capital: table.cases[i * CASES]!, lower: table.cases[i * CASES + 1]!, afterThe: table.cases[i * CASES + 3]! };
}
