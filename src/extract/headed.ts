import { fromView, matchingView } from './ocr.js';

/** A word of a name as print sets it: an initial, a capitalized word (`Will’s`), or capitals. */
export const NAME_WORD = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]+|\p{Lu}{2,})`;

/**
 * Names made of capitalized words and a head word (`Jackson county`, `Richmond Whig`): the
 * matches of `pattern` in the text read across OCR line-break hyphens, each without the words
 * `lead` strips from its start (an article, a preposition), mapped back to the text. A match
 * across a blank line is no name.
 */
export function headedNames(text: string, pattern: RegExp, lead: RegExp): { start: number; end: number; name: string }[] {
  const view = matchingView(text);
  const out: { start: number; end: number; name: string }[] = [];
  for (const m of view.text.matchAll(pattern)) {
    const cut = lead.exec(m[0])?.[0].length ?? 0;
    const name = m[0].slice(cut);
    if (name.includes('\n\n')) continue;
    const { start, end } = fromView(view, { start: m.index + cut, end: m.index + m[0].length });
    out.push({ start, end, name: text.slice(start, end) });
  }
  return out;
}
