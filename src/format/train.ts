import type { TrainResult } from '../commands/train.js';

type Score = TrainResult['micro']['before'];

const f = (n: number) => n.toFixed(3);
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function row(type: string, gold: number, before: Score, after: Score): string {
  return `${type.padEnd(8)} ${String(gold).padStart(5)}   ${f(before.precision)}  ${f(before.recall)}  ${f(before.f1)}   ${f(after.precision)}  ${f(after.recall)}  ${f(after.f1)}`;
}

/** What became of the model: written, refused (and why), or a dry run. */
function outcome(result: TrainResult): string {
  if (result.refused === 'worse') return 'the adapted model is worse: not written (--force writes it anyway)';
  if (result.refused === 'drift')
    return 'the adapted model changes more than a tenth of the spans of a type nobody reviewed completely, in documents nobody curated: not written (review more of them, or --force writes it anyway)';
  return result.dryRun ? 'nothing written (--dry-run)' : `wrote ${result.written}`;
}

/** `train`'s report: cross-validated scores before and after per type, what is never tagged again, the drift, and the outcome. */
export function formatTrainText(result: TrainResult): string {
  const gold = result.scores.reduce((n, s) => n + s.gold, 0);
  const gain = (g: { strict: number; fuzzy: number; spans: number }) =>
    `strict ${signed(g.strict)}, fuzzy ${signed(g.fuzzy)}, spans ${signed(-g.spans)}`;
  return [
    `learned from ${result.reviewed} reviewed documents and ${result.decisions} decisions in ${result.curated} others;`,
    `${result.folds}-fold cross-validation of annotate on the reviewed ones: the model in use, then the adapted one with its conventions (strict);`,
    `the adapted model keeps ${result.keep} of what the reviews moved (the share that cross-validated best)`,
    `type      gold   before P    R      F1      after P    R      F1`,
    // A type no review holds complete has no gold to score.
    ...result.scores.filter((s) => s.gold > 0).map((s) => row(s.type, s.gold, s.before, s.after)),
    row('micro', gold, result.micro.before, result.micro.after),
    row('fuzzy', gold, result.fuzzy.before, result.fuzzy.after),
    `annotated better in ${result.documents.better} reviewed documents, worse in ${result.documents.worse}`,
    `conventions: ${result.conventions.length ? `${result.conventions.length} (micro F1 without them: strict ${f(result.withoutConventions.strict)}, fuzzy ${f(result.withoutConventions.fuzzy)})` : 'none kept'}`,
    ...result.conventions.map((c) => `  ${c.description} (${gain(c.gain)})`),
    ...(result.rejected.length ? [`never tagged again: ${result.rejected.join(', ')}`] : []),
    // Without documents nobody curated there is nothing to compare.
    ...(result.drift ?? [])
      .filter((d) => d.before + d.after > 0)
      .map(
        (d) =>
          `${d.type.padEnd(8)} in uncurated documents: ${d.before} → ${d.after}, ${d.changed} changed${d.vouched ? '' : ' (no review holds this type complete)'}`,
      ),
    outcome(result),
    '',
  ].join('\n');
}
