/**
 * A view of a text with OCR line-break hyphenation removed (`Pa¬ lace`, `Lin- neus`),
 * so that names broken across lines match; spans found in the view map back to the text.
 */
export interface MatchingView {
  text: string;
  /** Index in the original text of a view index (for ends, pass end - 1 and add 1). */
  toOriginal(index: number): number;
}

const BREAK = /¬\s+|(?<=\p{Ll})-[ \t]*\r?\n[ \t]*(?=\p{Ll})|(?<=\p{Ll})- (?=\p{Ll})/gu;

export function matchingView(text: string): MatchingView {
  if (!/¬|\p{Ll}- ?\n?\p{Ll}/u.test(text)) return { text, toOriginal: (i) => i };
  const starts: number[] = []; // view index where each kept piece starts
  const origins: number[] = []; // its index in the original
  let view = '';
  let last = 0;
  for (const m of text.matchAll(BREAK)) {
    starts.push(view.length);
    origins.push(last);
    view += text.slice(last, m.index);
    last = m.index + m[0].length;
  }
  starts.push(view.length);
  origins.push(last);
  view += text.slice(last);
  return {
    text: view,
    toOriginal(index) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= index) lo = mid;
        else hi = mid - 1;
      }
      return origins[lo]! + (index - starts[lo]!);
    },
  };
}

/** Map a candidate found in the view back to the original text. */
export function fromView<T extends { start: number; end: number }>(view: MatchingView, c: T): T {
  return { ...c, start: view.toOriginal(c.start), end: view.toOriginal(c.end - 1) + 1 };
}

/** A gazetteer form that also matches the long s of old prints read as `f` (`Houfe`, `Majefty`). */
export function longSTolerant(escapedForm: string): string {
  return escapedForm.replace(/s(?=\p{L})/gu, '[sfſ]');
}
