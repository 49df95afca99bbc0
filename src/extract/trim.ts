/** Characters that never begin or end an entity name. */
const EDGE_PUNCT = /[\s.,;:!?"“”„‘’'()\[\]{}*«»<>\/\\—–-]/;

/**
 * Narrow a span to the name it holds: no surrounding punctuation or spaces,
 * no possessive `’s`. A final period is kept after an abbreviation (`Jr.`, `U.S.`).
 */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && EDGE_PUNCT.test(text[start]!)) start++;
  for (;;) {
    const before = end;
    const tail = text.slice(Math.max(start, end - 2), end);
    if (/^[’']s$/i.test(tail)) end -= 2;
    else if (end > start && text[end - 1] === '.' && isAbbreviationEnd(text, start, end)) break;
    else if (end > start && EDGE_PUNCT.test(text[end - 1]!)) end--;
    if (end === before) break;
  }
  return [start, end];
}

function isAbbreviationEnd(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end).split(/\s+/).pop() ?? '';
  return /^(?:[A-Z]\.)+$|^(?:Jr|Sr|Co|Inc|Ltd|Bros|St)\.$/.test(word);
}
