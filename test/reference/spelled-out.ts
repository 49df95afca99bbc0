// The long-form search as first written: two regexes per acronym over the whole text (slow to compile,
// obviously right). The property test holds the word-walking one in src/extract/acronyms.ts to exactly its results.
const FUNCTION_WORDS = String.raw`(?:of|for|and|the|on|in|de|du|des|der|für|und)`;

export function spelledOutByRegex(text: string, form: string): string | undefined {
  const letters = [...form];
  if (letters.length < 2 || letters.length > 6 || !letters.every((c) => /\p{L}/u.test(c))) return undefined;
  const capital = (c: string) => String.raw`${c.toUpperCase()}\p{L}+`;
  const inner = (c: string) => String.raw`(?:${capital(c)}|(?=${c.toLowerCase()})${FUNCTION_WORDS})`;
  const every = letters.map((c, i) => (i === 0 || i === letters.length - 1 ? capital(c) : inner(c))).join(String.raw`\s+`);
  const capitals = letters.map(capital).join(String.raw`(?:\s+${FUNCTION_WORDS}){0,2}\s+`);
  const counts = new Map<string, number>();
  for (const source of [every, capitals]) {
    for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${source})(?![\p{L}\p{N}]|[ \t]+\p{Lu})`, 'gu'))) {
      const phrase = m[0].replace(/\s+/g, ' ');
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [phrase, n] of counts) if (best === undefined || n > counts.get(best)!) best = phrase;
  return best;
}
