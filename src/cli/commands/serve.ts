import { InvalidArgumentError, type Command } from 'commander';
import { ExitError } from '../../core/errors.js';
import type { Cli } from '../context.js';
import { examples } from '../options.js';

export function defineServe(program: Command, cli: Cli): void {
  program
    .command('serve')
    .description(
      'review in a browser: a local server with the document list and each document, to accept, reject, retype, move and add entities; Ctrl-C stops it (exit 0)',
    )
    .option(
      '-p, --port <n>',
      'port (0: any free port)',
      (v) => {
        if (!/^\d+$/.test(v) || +v > 65535) throw new InvalidArgumentError('a port from 0 to 65535 is expected');
        return Number(v);
      },
      0,
    )
    .option('--host <host>', 'address to listen on (default 127.0.0.1; anything else is reachable from other machines)', '127.0.0.1')
    .option('--open', 'open the address in the default browser')
    .addHelpText(
      'after',
      `${examples('marginalia serve', 'marginalia serve --port 8080 --open')}
The first line printed is the address to open, with its token (new each run): every request needs it.
Stop with Ctrl-C: the server closes and exits 0. Exit 2 if the port is taken.
`,
    )
    .action(async (opts: { port: number; host: string; open?: boolean }) => {
      const { serve } = await import('../../serve/app.js');
      const { isLoopback } = await import('../../serve/server.js');
      if (!isLoopback(opts.host))
        cli.err(`marginalia: warning: listening on ${opts.host}: other machines can reach this server (the token still guards it)\n`);
      const server = await serve({ config: cli.config(), host: opts.host, port: opts.port }).catch((error: NodeJS.ErrnoException) => {
        throw new ExitError(`cannot listen on ${opts.host}:${opts.port}: ${error.code ?? error.message}`);
      });
      cli.out(`${server.url}\n`);
      cli.err('press Ctrl-C to stop\n');
      if (opts.open) {
        const { openBrowser } = await import('../open-browser.js');
        openBrowser(server.url, (opener) => cli.err(`marginalia: cannot run ${opener}: open ${server.url} yourself\n`));
      }
      await new Promise<void>((resolve) => {
        const off = cli.io.onInterrupt?.(() => {
          off?.();
          resolve();
        });
        if (!off) resolve();
      });
      await server.close();
      cli.err('stopped\n');
    });
}
