import { featuresOf, lexiconSets, type Hint, type LexiconSets } from './features.js';
import { L, LABELS, emissions, type Model } from './model.js';
import { decoder } from './decode.js';
import { tokenize } from './tokens.js';

export interface TaggedSpan {
  type: 'person' | 'place' | 'org';
  /** UTF-16 offsets. */
  start: number;
  end: number;
  /**
   * 0..1: how much better the best label sequence is than the best one without this span's
   * first label (the decoder's margin, `1 - e^(-margin / MARGIN_SCALE)`). Deterministic.
   */
  confidence: number;
}

/** Margins are in the perceptron's units: with this scale a margin of 30 gives 0.63, one of 75 gives 0.92. */
const MARGIN_SCALE = 30;
const confidenceOf = (margin: number) => Math.round((1 - Math.exp(-Math.max(0, margin) / MARGIN_SCALE)) * 1000) / 1000;

/** By lexicon: a model adapted from another (train's fold models, a pulled one) shares its lexicon and period table. */
const setsOf = new WeakMap<Model['lexicon'], { period: Model['period']; sets: LexiconSets }>();

/**
 * People, places and organizations in a text, sentence by sentence; `hints` are the rules' spans.
 * A model adapted where reviews vouched for some types only takes the others from the model it
 * was adapted from (`leaves`): what nobody vouched for does not move.
 */
export function tagText(model: Model, text: string, hints: readonly Hint[] = []): TaggedSpan[] {
  const own = tagWith(model, text, hints);
  if (!model.leaves) return own;
  const { to, types } = model.leaves;
  const kept = own.filter((s) => !types.includes(s.type));
  const left = tagText(to, text, hints).filter((s) => types.includes(s.type) && !kept.some((k) => k.start < s.end && s.start < k.end));
  return [...kept, ...left].sort((a, b) => a.start - b.start || a.end - b.end);
}

function tagWith(model: Model, text: string, hints: readonly Hint[]): TaggedSpan[] {
  let known = setsOf.get(model.lexicon);
  if (!known || known.period !== model.period) {
    known = { period: model.period, sets: lexiconSets(model.lexicon, model.period) };
    setsOf.set(model.lexicon, known);
  }
  const { sets } = known;
  const tokens = tokenize(text, sets.abbreviations);
  const features = featuresOf(tokens, sets, hints);
  const spans: TaggedSpan[] = [];
  for (let s = 0; s + 1 < tokens.sentences.length; s++) {
    const from = tokens.sentences[s]!;
    const to = tokens.sentences[s + 1]!;
    const scores = emissions(model, features(from, to), 0, to - from);
    // The margin of a span: over the best sequence whose first token of the span has another label.
    const { labels, marginAt: margin } = decoder(scores, model.transitions);
    let open: TaggedSpan | undefined;
    for (let i = 0; i <= labels.length; i++) {
      const label = i < labels.length ? LABELS[labels[i]!]! : 'O';
      if (open && !label.startsWith('I-')) {
        spans.push(open);
        open = undefined;
      }
      if (label.startsWith('B-'))
        open = {
          type: label.slice(2) as TaggedSpan['type'],
          start: tokens.starts[from + i]!,
          end: tokens.ends[from + i]!,
          confidence: confidenceOf(margin(i)),
        };
      else if (label.startsWith('I-') && open) open.end = tokens.ends[from + i]!;
    }
  }
  // A title alone (`the Minister`, `Director`) names no one; nor does one capitalized common word
  // that period text mostly writes in lower case (`Resolved`, `Subscribers`: 18th-century print
  // capitalizes nouns), unlike `Lodge` or `Felt`, which it capitalizes as names.
  return (
    spans
      .map((s) =>
        s.type === 'person'
          ? withFirstName(text, withoutFunction(text, s, sets), sets)
          : s.type === 'place'
            ? headedByOrganization(text, s, sets)
            : s,
      )
      .filter((s) => {
        const words = text.slice(s.start, s.end);
        if (s.type === 'person' && (titleOnly(words, sets.titles) || noNameWord(words, sets))) return false;
        if (s.type !== 'person' && (office(words, sets) || beforeTitle(text, s.end, sets))) return false;
        const lower = words.toLowerCase();
        return !(/^\p{Lu}\p{Ll}+$/u.test(words) && sets.classes.get(lower) === 'word' && (sets.capitals.get(lower) ?? 0) <= 2);
      })
      // A span a first name was added to may now hold the tagger's span of that first name (`Chas` of `Chas. Smith`).
      .filter(
        (s, i, all) =>
          !all.some(
            (o, j) => j !== i && o.type === s.type && o.start <= s.start && s.end <= o.end && (o.end - o.start > s.end - s.start || j < i),
          ),
      )
  );
}

/**
 * `Minister of State Security Erich Mielke` → `Erich Mielke`: a function phrase (one with a
 * lower-case word) before a first name is not part of the name. Plain titles stay (`Col. Thomas Duff`).
 */
function withoutFunction(text: string, span: TaggedSpan, sets: LexiconSets): TaggedSpan {
  const words = [...text.slice(span.start, span.end).matchAll(/\S+/g)];
  const lastLower = words.findLastIndex((w) => /^\p{Ll}/u.test(w[0]));
  if (lastLower < 0) return span;
  const first = words.findIndex((w, i) => i > lastLower && sets.classes.get(w[0].toLowerCase()) === 'first');
  return first < 0 ? span : { ...span, start: span.start + words[first]!.index! };
}

/** Classes of words that are no part of a person's name. */
const NOT_NAME = new Set(['word', 'title', 'demonym', 'date', 'org', 'place']);

/** `Central Files`, `Defense`, `Soviets`: every word is a known word of another kind. */
function noNameWord(span: string, sets: LexiconSets): boolean {
  return span.split(/\s+/).every((w) => {
    const bare = w.replace(/[.,;:'’]+$/, '').toLowerCase();
    return sets.titles.has(bare) || NOT_NAME.has(sets.classes.get(bare) ?? '');
  });
}

/** How period print abbreviates first names (`Wm.`, `Jos.`, `Benj.`, `Chas.`). */
const FIRST_NAME_ABBREVIATIONS = new Set([
  'wm',
  'jas',
  'jos',
  'chas',
  'geo',
  'thos',
  'benj',
  'saml',
  'robt',
  'edw',
  'danl',
  'jno',
  'richd',
  'alexr',
  'fredk',
]);

/**
 * `Cyrus [Vance]` → `Cyrus Vance`, `Wm. [G. Daughtry]` → `Wm. G. Daughtry`: a known first name,
 * or its period abbreviation, just before a person's span, on its line, is the name's.
 */
function withFirstName(text: string, span: TaggedSpan, sets: LexiconSets): TaggedSpan {
  const before = /(\p{Lu}\p{Ll}+|(\p{Lu}\p{L}{1,4})\.)[ \t]+$/u.exec(text.slice(Math.max(0, span.start - 30), span.start));
  if (!before) return span;
  const known = before[2] ? FIRST_NAME_ABBREVIATIONS.has(before[2].toLowerCase()) : sets.classes.get(before[1]!.toLowerCase()) === 'first';
  return known ? { ...span, start: span.start - before[0].length } : span;
}

/**
 * A place whose head word is an organization's (`Little River turnpike company`, `the Republican
 * party`, `House of Representatives`, `Senate`) is that organization.
 */
export function headedByOrganization(text: string, span: TaggedSpan, sets: LexiconSets): TaggedSpan {
  const head = text
    .slice(span.start, span.end)
    .split(/\s+(?:of|for|in|on)\s+/)[0]!
    .split(/\s+/)
    .pop()!;
  return sets.orgHeads.has(head.replace(/[.,;:]+$/, '').toLowerCase()) ? { ...span, type: 'org' } : span;
}

/**
 * An office, which is neither an organization nor a place: a title alone or last (`Minister`,
 * `Foreign Minister`) or first before `of`/`for` (`Secretary of State`), with no organization's
 * head word (`Court of Justice`, `Department of State` are organizations).
 */
function office(span: string, sets: LexiconSets): boolean {
  const words = span.split(/\s+/).map((w) => w.replace(/[.,;:]+$/, '').toLowerCase());
  if (words.some((w) => sets.orgHeads.has(w))) return false;
  const title = (w: string) => sets.titles.has(w) && w !== 'st' && w !== 'saint';
  return title(words[words.length - 1]!) || (title(words[0]!) && (words[1] === 'of' || words[1] === 'for'));
}

/** A word just before a title is part of an office (`Prime` of `Prime Minister`, `Soviet` of `Soviet Foreign Minister`). */
function beforeTitle(text: string, end: number, sets: LexiconSets): boolean {
  const next = /^[ \t]+(\p{L}+)/u.exec(text.slice(end, end + 40));
  return !!next && sets.titles.has(next[1]!.toLowerCase()) && !/^(?:st|saint)$/i.test(next[1]!);
}

function titleOnly(span: string, titles: ReadonlySet<string>): boolean {
  return span.split(/\s+/).every((w) => titles.has(w.replace(/\.$/, '').toLowerCase()));
}

export { L };
