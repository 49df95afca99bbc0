import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: 'binary' | 'invalid-utf8' | 'unknown-encoding'; message: string; byteOffset?: number; kind?: string };

/** Single-byte encodings of archives that detection may settle on. */
const LEGACY = ['windows-1252', 'ISO-8859-1', 'ISO-8859-2', 'windows-1250', 'ISO-8859-15'];

const MAGIC: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** What a binary file is, or undefined for text: a known signature, or NUL bytes early on. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  const magic = MAGIC.find(([, prefix]) => startsWith(bytes, prefix));
  if (magic) return magic[0];
  const head = bytes.subarray(0, 8192);
  return head.includes(0) ? 'NUL bytes' : undefined;
}

/** Byte offset of the first byte that breaks UTF-8, and how many multi-byte characters came before. */
export function utf8Problem(bytes: Uint8Array): { offset: number; multibyte: number } | undefined {
  let multibyte = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return { offset: i, multibyte };
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return { offset: i, multibyte };
    const second = bytes[i + 1]!;
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f))
      return { offset: i, multibyte };
    multibyte++;
    i += length;
  }
  return undefined;
}

/**
 * Decode a text file. A BOM decides (UTF-8, UTF-16 LE/BE) and is not content; valid UTF-8 is
 * UTF-8; a file with UTF-8 characters and a broken sequence is invalid UTF-8 (never patched
 * over); a file with none is a legacy single-byte encoding, detected or `declared`.
 */
export function decode(bytes: Uint8Array, declared?: string): Decoded {
  if (declared) {
    if (!iconv.encodingExists(declared))
      return { ok: false, reason: 'unknown-encoding', message: `unknown encoding "${declared}" in the config` };
    return { ok: true, text: stripBom(iconv.decode(Buffer.from(bytes), declared)), encoding: declared.toLowerCase() };
  }
  if (startsWith(bytes, [0xff, 0xfe]))
    return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  const kind = binaryKind(bytes);
  if (kind) return { ok: false, reason: 'binary', kind, message: `binary file (${kind}), skipped` };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: strictUtf8.decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: find out where, and whether it is UTF-8 at all.
  }
  const problem = utf8Problem(body)!;
  const offset = problem.offset + (body === bytes ? 0 : 3);
  if (problem.multibyte > 0 || body !== bytes) {
    return {
      ok: false,
      reason: 'invalid-utf8',
      byteOffset: offset,
      message: `invalid UTF-8 at byte ${offset} (0x${bytes[offset]!.toString(16).padStart(2, '0')}); fix the file or declare its encoding in the config`,
    };
  }
  const guess = chardet.analyse(Buffer.from(bytes)).find((m) => LEGACY.some((e) => e.toLowerCase() === m.name.toLowerCase()));
  const encoding = guess?.name.toLowerCase() ?? 'windows-1252';
  return { ok: true, text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
