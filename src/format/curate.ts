import { plural } from './messages.js';

/** `accept`/`reject`'s summary: what changed, and why nothing did when the selection named entries decided already. */
export function formatCurateSummary(entries: number, sidecars: number, decision: string, selected?: number): string {
  const already =
    entries === 0 && selected ? ` (the ${plural(selected, 'entry')} selected ${selected === 1 ? 'was' : 'were'} ${decision} already)` : '';
  return `${plural(entries, 'entry')} ${decision} in ${plural(sidecars, 'sidecar')}${already}\n`;
}
