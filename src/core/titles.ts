import { alternation } from './regexp.js';

/** The titles and offices of the rule packs (`Ambassador`, `Comrade Minister`), compiled once. */
export interface Titles {
  list: readonly string[];
  /** Lower-cased, to ask whether one word is a title. */
  words: ReadonlySet<string>;
  /** The run of titles a text starts with, any case (`Secretary of State Rusk` → `Secretary of State `). */
  leadingRun(text: string): string | undefined;
  /** The same, only before a capitalized name: what a person's `title` field holds. */
  beforeName(text: string): string | undefined;
  /** The text without its leading titles. */
  strip(text: string): string;
}

export function compileTitles(list: readonly string[]): Titles {
  const alternatives = `(?:(?:${alternation(list)})\\.?\\s+)+`;
  const run = list.length ? new RegExp(`^${alternatives}`, 'i') : undefined;
  const beforeName = list.length ? new RegExp(`^${alternatives}(?=\\p{Lu})`, 'u') : undefined;
  return {
    list,
    words: new Set(list.map((t) => t.toLowerCase())),
    leadingRun: (text) => run?.exec(text)?.[0],
    beforeName: (text) => beforeName?.exec(text)?.[0],
    strip: (text) => text.slice(run?.exec(text)?.[0].length ?? 0),
  };
}
