import type { NextDocument } from '../commands/review.js';
import { plural } from './messages.js';

/** `review --next`: doubt, entries to review and path, one document a line, most doubtful first. */
export function formatReviewNext(documents: readonly NextDocument[]): string {
  if (!documents.length) return 'every document is reviewed\n';
  return `${documents.map((d) => `${d.uncertainty.toFixed(3).padStart(8)}  ${String(d.toReview).padStart(5)} to review  ${d.path}`).join('\n')}\n`;
}

/** `review` (or `review --undo`): how many sidecars were marked. */
export function formatReviewMarked(changed: number, undo: boolean): string {
  return `${plural(changed, 'sidecar')} ${undo ? 'no longer marked' : 'marked'} reviewed\n`;
}
