import type { EvalResult, Score, TypeScore } from '../commands/eval.js';

const pct = (n: number | null) => (n === null ? '    –' : n.toFixed(3));
const cells = (s: Score) => `${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`;

function line(t: TypeScore): string {
  return `${t.type.padEnd(12)} ${String(t.gold).padStart(5)} ${String(t.predicted).padStart(5)}   ${cells(t.strictScore)}   ${cells(t.fuzzyScore)}${t.recallOnly ? '  (recall only)' : ''}`;
}

/** A table of per-type and micro scores, strict then fuzzy. */
export function formatEvalText(result: EvalResult): string {
  const header = `${'type'.padEnd(12)} ${'gold'.padStart(5)} ${'pred'.padStart(5)}   strict P    R      F1     fuzzy P    R      F1`;
  const rows = result.types.map(line);
  const { from, extractors, personTitles } = result.predictions;
  const made = extractors
    ? `annotated by ${extractors.join(', ')}; person titles ${personTitles === 'include' ? 'inside' : 'outside'} the spans (personTitles: ${personTitles})`
    : `predictions read from ${from}`;
  const documents =
    result.documents === result.goldDocuments
      ? `${result.documents} documents`
      : `${result.documents} of ${result.goldDocuments} documents scored (the others left out, as said above)`;
  return [`${documents}, ${made}`, header, ...rows, line(result.micro), ''].join('\n');
}
