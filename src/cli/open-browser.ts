import { spawn } from 'node:child_process';

/** The command that opens an address in the default browser on this platform. */
export function browserOpener(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'open';
  if (platform === 'win32') return 'explorer';
  return 'xdg-open';
}

/** Open `url` in the default browser without waiting for it; `onError` names the opener when it cannot run. */
export function openBrowser(url: string, onError: (opener: string) => void): void {
  const opener = browserOpener();
  spawn(opener, [url], { stdio: 'ignore', detached: true })
    .on('error', () => onError(opener))
    .unref();
}
