/**
 * Tokens of a text with their UTF-16 offsets, in typed arrays. A word broken at a line end by
 * OCR hyphenation (`exam-⏎ple`, `Pa¬ lace`) is one token; initials and abbreviations keep their
 * period (`J.`, `Mr.`); `O'Brien`, `McNamara`, `Jean-Paul` are one token each.
 */
export interface Tokens {
  text: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Index of the first token of each sentence, and `count` at the end. */
  sentences: number[];
}

const WORD = String.raw`[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}]|['’](?![sS]\b)(?=\p{L})|-(?=\p{L}))*`;
const TOKEN = new RegExp(
  String.raw`${WORD}(?:(?:-[ \t]*\r?\n[ \t]*|¬[ \t]*(?:\r?\n[ \t]*)?)[\p{L}\p{M}]+(?:[\p{L}\p{M}]|['’](?=\p{L}))*)*\.?|\p{N}+(?:[.,:/-]\p{N}+)*|\S`,
  'gu',
);
/** Longest sentence the tagger decodes at once: keeps decoding linear on texts without full stops. */
const MAX_SENTENCE = 120;

/** Tokenize; `abbreviations` (lower case, no period) keep their period, as single capitals do. */
export function tokenize(text: string, abbreviations: ReadonlySet<string>): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const sentences: number[] = [0];
  for (const m of text.matchAll(TOKEN)) {
    let end = m.index + m[0].length;
    if (m[0].length > 1 && m[0].endsWith('.')) {
      const word = m[0].slice(0, -1);
      // A period stays with an initial or a known abbreviation; otherwise it ends a sentence.
      if (!(/^\p{Lu}$/u.test(word) || abbreviations.has(word.toLowerCase()))) end--;
    }
    const count = starts.length;
    // A blank line ends a sentence.
    const gap = count ? text.slice(ends[count - 1]!, m.index) : '';
    if (
      count &&
      sentences[sentences.length - 1] !== count &&
      (/\n[ \t]*\n/.test(gap) || count - sentences[sentences.length - 1]! >= MAX_SENTENCE)
    )
      sentences.push(count);
    starts.push(m.index);
    ends.push(end);
    if (end < m.index + m[0].length) {
      starts.push(end);
      ends.push(end + 1);
    }
    const last = text[ends[ends.length - 1]! - 1]!;
    if (ends[ends.length - 1]! - starts[starts.length - 1]! === 1 && (last === '.' || last === '!' || last === '?'))
      sentences.push(starts.length);
  }
  const count = starts.length;
  if (sentences[sentences.length - 1] !== count) sentences.push(count);
  return { text, count, starts: Int32Array.from(starts), ends: Int32Array.from(ends), sentences: dedupe(sentences) };
}

function dedupe(sentences: number[]): number[] {
  return sentences.filter((s, i) => i === 0 || s !== sentences[i - 1]);
}
