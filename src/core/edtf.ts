import edtf from 'edtf';

/** Answers already given: edtf.js parses with a general grammar, and a corpus repeats its dates. */
const known = new Map<string, boolean>();
/** Past this many values the answers are forgotten, so that memory stays bounded on any corpus. */
const KNOWN_MAX = 50_000;

/** A value edtf.js accepts: no 31 February, no month 13, no interval ending before it starts. */
export function isEdtf(value: string): boolean {
  let answer = known.get(value);
  if (answer === undefined) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(value, (answer = parses(value)));
  }
  return answer;
}

function parses(value: string): boolean {
  try {
    const parsed = edtf(value);
    return parsed.min <= parsed.max;
  } catch {
    return false;
  }
}
