/**
 * A piece of a text that a model (compromise, a tagger) can take at once. Windows overlap,
 * so that a span cut by one window's end is whole in the next; each span found is kept by
 * one window only: the one that owns its start.
 */
export interface TextWindow {
  start: number;
  end: number;
  /** Spans starting in [ownStart, ownEnd) belong to this window; the overlap is split in the middle. */
  ownStart: number;
  ownEnd: number;
}

const isSpace = (text: string, i: number) => /\s/.test(text.charAt(i));

/**
 * [start, end) of `text` in windows of at most `maxChars`, cut at whitespace where there is
 * some near the limit, each overlapping the next by about `overlap` characters. A span no
 * longer than a third of `overlap` lies whole in the window that owns its start. Linear in the
 * length of the range, whatever it holds (one OCR line of many MB without a full stop).
 */
export function boundedWindows(text: string, start: number, end: number, maxChars: number, overlap: number): TextWindow[] {
  if (maxChars < 4 * overlap) throw new Error('windows must be at least four times their overlap');
  const windows: TextWindow[] = [];
  let from = start;
  let ownStart = start;
  while (end - from > maxChars) {
    // Cut at the last whitespace of the window's final quarter, else anywhere.
    let to = from + maxChars;
    const earliest = to - maxChars / 4;
    while (to > earliest && !isSpace(text, to - 1)) to--;
    if (to <= earliest) to = from + maxChars;
    // The next window starts `overlap` before the cut, after a whitespace if there is one close by.
    let next = to - overlap;
    const latest = next + overlap / 4;
    while (next < latest && !isSpace(text, next - 1)) next++;
    if (next >= latest) next = to - overlap;
    const ownEnd = Math.floor((next + to) / 2);
    windows.push({ start: from, end: to, ownStart, ownEnd });
    from = next;
    ownStart = ownEnd;
  }
  windows.push({ start: from, end, ownStart, ownEnd: end });
  return windows;
}
