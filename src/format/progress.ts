/** `[#####-----] 12/40 texts  1.30 MB/s  ETA 0:21`, for a terminal. */
export function progressLine(done: number, total: number, chars: number, ms: number): string {
  const width = 20;
  const filled = Math.round((done / Math.max(1, total)) * width);
  const rate = chars / 1e6 / Math.max(0.001, ms / 1000);
  const eta = done ? Math.round(((total - done) * ms) / done / 1000) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} texts  ${rate.toFixed(2)} MB/s  ETA ${Math.floor(eta / 60)}:${String(eta % 60).padStart(2, '0')}`;
}

/** Time per stage, summed over texts (and threads), for `annotate --stats`. */
export function formatStats(timings: Record<string, number>, chars: number, wallMs: number): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3).padStart(9);
  const lines = Object.entries(timings)
    .sort(([, a], [, b]) => b - a)
    .map(([stage, ms]) => `  ${stage.padEnd(28)} ${seconds(ms)} s`);
  const rate = (chars / 1e6 / Math.max(0.001, wallMs / 1000)).toFixed(2);
  const peak = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  return `stage times (summed over texts):\n${lines.join('\n')}\n  ${'wall clock'.padEnd(28)} ${seconds(wallMs)} s  (${rate} MB/s, peak RSS ${peak} MB)\n`;
}

/** Carriage return, then erase to the end of the line: a terminal's progress line is redrawn in place. */
export const CLEAR_LINE = '\r\x1b[K';

/** `line` drawn over the terminal's current line. */
export const overwriteLine = (line: string) => `${CLEAR_LINE}${line}`;
