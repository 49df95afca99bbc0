import { alternation } from './regexp.js';

/** A mention of one of the forms looked for. */
export interface FormMatch {
  index: number;
  form: string;
}

const WORD = /[\p{L}\p{N}]/u;
const LONE_SURROGATE = /(?:[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/;

const isWordAt = (text: string, at: number) => {
  const cp = text.codePointAt(at);
  return cp !== undefined && WORD.test(String.fromCodePoint(cp));
};
const isWordBefore = (text: string, at: number) => {
  if (at === 0) return false;
  const low = text.charCodeAt(at - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return WORD.test(pair ? text.slice(at - 2, at) : text[at - 1]!);
};

/**
 * The whole-word mentions of `forms` (non-empty strings) in `text`, left to right, the longest form where several
 * start at one place: what `(?<![\p{L}\p{N}])(?:form|…)(?![\p{L}\p{N}])` with flags `gu`
 * finds, but through an index of the forms by their first characters, so that the time grows
 * with the text and not with the text times the number of forms.
 */
export function wholeFormMatches(text: string, forms: Iterable<string>): FormMatch[] {
  const unique = [...new Set(forms)].filter((f) => f !== '');
  if (unique.length === 0) return [];
  if (unique.some((f) => LONE_SURROGATE.test(f))) return byRegExp(text, unique);
  const width = Math.min(3, ...unique.map((f) => f.length));
  const byHead = new Map<string, string[]>();
  for (const form of unique.sort((a, b) => b.length - a.length)) {
    const head = form.slice(0, width);
    const list = byHead.get(head);
    if (list) list.push(form);
    else byHead.set(head, [form]);
  }
  const first = new Set(unique.map((f) => f.charCodeAt(0)));
  const out: FormMatch[] = [];
  for (let at = 0; at < text.length; at++) {
    if (!first.has(text.charCodeAt(at))) continue;
    const list = byHead.get(text.slice(at, at + width));
    if (!list || isWordBefore(text, at)) continue;
    const form = list.find((f) => text.startsWith(f, at) && !isWordAt(text, at + f.length));
    if (form === undefined) continue;
    out.push({ index: at, form });
    at += form.length - 1;
  }
  return out;
}

/** The same by the regular expression itself: for forms with a lone surrogate, whose matching the index does not model. */
function byRegExp(text: string, forms: readonly string[]): FormMatch[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(forms)})(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(pattern)].map((m) => ({ index: m.index, form: m[0] }));
}
