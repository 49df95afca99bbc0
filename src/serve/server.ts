import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../io/config.js';

export interface ServeOptions {
  config: Config;
  /** Default 127.0.0.1: only this machine can connect. */
  host?: string;
  /** 0 (default): a free port. */
  port?: number;
  /** Fixed for tests; otherwise random per run. */
  token?: string;
}

export interface Server {
  /** `http://HOST:PORT/?token=TOKEN`: the first page load sets the cookie. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const MAX_BODY = 1024 * 1024;
const COOKIE = 'marginalia_token';

/** An error answered as JSON with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Handler = (req: IncomingMessage, url: URL, body: unknown) => Promise<Reply> | Reply;
export type Reply = { status?: number; json?: unknown; html?: string; headers?: Record<string, string> };

/** The hosts a name given to --host means loopback for. */
export const isLoopback = (host: string) => host === '127.0.0.1' || host === 'localhost' || host === '::1';

/**
 * Start the review server: every request must carry the token (cookie, Bearer header, or
 * `?token=` on a page load), name this server in its Host header (no DNS rebinding), and a
 * POST from a page must come from this origin (no CSRF).
 */
export async function startServer(options: ServeOptions, route: (nonce: string) => Handler): Promise<Server> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('hex');
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => answer(res, errorReply(error), ''));
  });
  let hostPort = '';
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const nonce = randomBytes(16).toString('base64');
    if (req.headers.host !== hostPort) return answer(res, { status: 403, json: { error: `Host must be ${hostPort}` } }, nonce);
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    if (method === 'POST' && req.headers.origin !== undefined && req.headers.origin !== origin)
      return answer(
        res,
        { status: 403, json: { error: `a request from ${req.headers.origin} is refused: not this server's origin` } },
        nonce,
      );
    const headers: Record<string, string> = {};
    if (!hasToken(req, token)) {
      // A page load with the token in its address: set the cookie, which every later request carries.
      if (method === 'GET' && !url.pathname.startsWith('/api/') && sameSecret(url.searchParams.get('token') ?? '', token))
        headers['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      else return answer(res, { status: 401, json: { error: 'the token is missing or wrong: open the address serve printed' } }, nonce);
    }
    if (method !== 'GET' && method !== 'POST') return answer(res, { status: 405, json: { error: `${method} is not allowed` } }, nonce);
    const body = method === 'POST' ? await readJson(req) : undefined;
    const reply = await route(nonce)(req, url, body);
    answer(res, { ...reply, headers: { ...headers, ...reply.headers } }, nonce);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  hostPort = `${shown}:${port}`;
  origin = `http://${hostPort}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function hasToken(req: IncomingMessage, token: string): boolean {
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) return sameSecret(bearer, token);
  const cookies = (req.headers.cookie ?? '').split(';').map((c) => c.trim());
  return cookies.some((c) => c.startsWith(`${COOKIE}=`) && sameSecret(c.slice(COOKIE.length + 1), token));
}

/** Compared in constant time: how long a refusal takes says nothing about the token. */
function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'send JSON (Content-Type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, `the request body is over ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    throw new HttpError(400, 'the request body is not JSON');
  }
}

function errorReply(error: unknown): Reply {
  if (error instanceof HttpError) return { status: error.status, json: { error: error.message } };
  return { status: 500, json: { error: `internal error: ${(error as Error).message}` } };
}

/** Every answer: no caching, no sniffing, no referrer, and a CSP that allows only this page's own nonce. */
function answer(res: ServerResponse, reply: Reply, nonce: string): void {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const isHtml = reply.html !== undefined;
  const body = isHtml ? reply.html! : `${JSON.stringify(reply.json ?? null)}\n`;
  res.writeHead(reply.status ?? 200, {
    'Content-Type': isHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...reply.headers,
  });
  res.end(reply.status === 204 ? undefined : body);
}
