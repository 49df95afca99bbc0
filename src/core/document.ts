import { createHash } from 'node:crypto';

/** A 1-based line and column (column counted in code points), plus the code-point offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/**
 * A decoded text and everything needed to speak about positions in it.
 * Offsets inside the tool are UTF-16 indexes (what JS strings and regexes use);
 * offsets that leave the tool are Unicode code points (what sidecars store).
 */
export class Document {
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
  /** The encoding the bytes were decoded from. */
  readonly encoding: string;
  /** Length in code points. */
  readonly length: number;
  /** Where lines start (UTF-16), made when a position is first asked for: most texts a command reads never are. */
  private starts: number[] | undefined;
  /** utf16 index → code point offset, only for texts with astral characters. */
  private readonly cpOf: Uint32Array | undefined;
  /** code point offset → utf16 index, only for texts with astral characters. */
  private readonly u16Of: Uint32Array | undefined;

  constructor(path: string, text: string, sha256 = sha256Hex(text), encoding = 'utf-8') {
    this.path = path;
    this.text = text;
    this.sha256 = sha256;
    this.encoding = encoding;
    if (/[\uD800-\uDFFF]/.test(text)) {
      const cpOf = new Uint32Array(text.length + 1);
      const u16: number[] = [];
      let cp = 0;
      for (let i = 0; i < text.length; i++) {
        cpOf[i] = cp;
        const code = text.charCodeAt(i);
        const isPairStart = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1));
        u16.push(i);
        if (isPairStart) cpOf[++i] = cp;
        cp++;
      }
      cpOf[text.length] = cp;
      u16.push(text.length);
      this.cpOf = cpOf;
      this.u16Of = Uint32Array.from(u16);
      this.length = cp;
    } else {
      this.cpOf = undefined;
      this.u16Of = undefined;
      this.length = text.length;
    }
  }

  /** Code-point offset of a UTF-16 index. */
  toCodePoint(index: number): number {
    return this.cpOf ? this.cpOf[index]! : index;
  }

  /** UTF-16 index of a code-point offset (clamped to the text). */
  toIndex(codePoint: number): number {
    const cp = Math.max(0, Math.min(codePoint, this.length));
    return this.u16Of ? this.u16Of[cp]! : cp;
  }

  /** The text between two code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toIndex(start), this.toIndex(end));
  }

  private get lineStarts(): number[] {
    return (this.starts ??= lineStartsOf(this.text));
  }

  /** Code-point offset of a 1-based line and column (clamped to the text). */
  offsetAt(line: number, column: number): number {
    const start = this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1]!;
    return Math.min(this.toCodePoint(start) + column - 1, this.length);
  }

  /** Line and column of a code-point offset. */
  point(codePoint: number): Point {
    const index = this.toIndex(codePoint);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.lineStarts[lo]!;
    return { line: lo + 1, column: this.toCodePoint(index) - this.toCodePoint(lineStart) + 1, offset: codePoint };
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Line starts for LF, CRLF and lone CR line endings. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
