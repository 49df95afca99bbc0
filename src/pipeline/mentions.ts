// Where a form is mentioned in a text, for the forms resolve asks about (the tagger's persons):
// found through an index of where words start, made once per text, instead of a scan of the
// whole text per form (which grew with the square of a long text's length).

/** A run of word characters, one UTF-16 unit each (a letter or digit of the BMP): what a mention's edges are tested against. */
const WORD_RUN = /(?:(?=[\0-\uFFFF])[\p{L}\p{N}])+/gu;
const LEADING_WORD = /^(?:(?=[\0-\uFFFF])[\p{L}\p{N}])+/u;
/** One unit that is a word character (a lone surrogate is none). */
const WORD_UNIT = /^[\p{L}\p{N}]$/u;

/** The word a form starts with ('' when it starts otherwise). */
export const leadingWord = (form: string): string => LEADING_WORD.exec(form)?.[0] ?? '';

/** The places where words start, for the words asked for when it is made. */
export class WordStarts {
  private readonly starts = new Map<string, number[]>();
  constructor(
    private readonly text: string,
    words: ReadonlySet<string>,
  ) {
    if (words.size === 0) return;
    for (const m of text.matchAll(WORD_RUN)) {
      if (!words.has(m[0])) continue;
      const list = this.starts.get(m[0]);
      if (list) list.push(m.index);
      else this.starts.set(m[0], [m.index]);
    }
    for (const word of words) if (!this.starts.has(word)) this.starts.set(word, []);
  }

  /**
   * Every place `form` occurs where it can be a mention: no word character just before it, and
   * its leading word a whole word of the text (no word character just after that either). A
   * form whose word was not asked for, or that starts with no word, is looked for by a scan.
   */
  occurrences(form: string): number[] {
    const word = leadingWord(form);
    const starts = word ? this.starts.get(word) : undefined;
    if (starts) return starts.filter((at) => this.text.startsWith(form, at));
    const all: number[] = [];
    for (let at = this.text.indexOf(form); at >= 0; at = this.text.indexOf(form, at + 1))
      if (!this.isWordUnit(at - 1) && (word === '' || !this.isWordUnit(at + word.length))) all.push(at);
    return all;
  }

  private isWordUnit(at: number): boolean {
    return at >= 0 && at < this.text.length && WORD_UNIT.test(this.text[at]!);
  }
}

const UPPER = /^\p{Lu}$/u;
const NAME_CHAR = /^[\p{L}.]$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const BLANK = /^\s$/u;

/** The code point that ends at `at` (a surrogate pair as one), or ''. */
function charBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const low = text.charCodeAt(at - 1);
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(at - 2, at) : text[at - 1]!;
}

const charAt = (text: string, at: number) => (at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : '');

/**
 * The words that `(\p{Lu}[\p{L}.]*)\s+FORM(?![\p{L}\p{N}])` (flags `gu`) captures before
 * `form`, match after match, found from the form's occurrences (`indexOf`) instead of a regular
 * expression tried at every capital of the text. `form` starts with a capital and holds
 * letters only (a town's name).
 */
export function wordsBefore(text: string, form: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    if (at < last || WORD_CHAR.test(charAt(text, at + form.length))) continue;
    let blank = at;
    while (BLANK.test(charBefore(text, blank))) blank -= charBefore(text, blank).length;
    if (blank === at) continue;
    // The word is the leftmost capital (not before the last match) of the letters and dots before the blanks.
    let run = blank;
    while (NAME_CHAR.test(charBefore(text, run))) run -= charBefore(text, run).length;
    let start = Math.max(run, last);
    while (start < blank && !UPPER.test(charAt(text, start))) start += charAt(text, start).length || 1;
    if (start >= blank) continue;
    out.push(text.slice(start, blank));
    last = at + form.length;
  }
  return out;
}
