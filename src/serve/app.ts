import { STRUCTURE_TYPES } from '../core/schema.js';
import { EditError, editEntries, type Edit, type Write } from '../curation/edit.js';
import { planBulk, runBulk, undoWrites, type Bulk } from '../curation/bulk.js';
import type { Config } from '../io/config.js';
import { documentData, documentRows, resolveTarget } from './data.js';
import { documentPage, listPage } from './pages.js';
import { placeReview } from './places.js';
import { loadPlaces } from '../extract/places.js';
import { HttpError, startServer, type Reply, type ServeOptions, type Server } from './server.js';

export type { Server, ServeOptions };

const quoted = (etag: string) => `"${etag}"`;

/** `marginalia serve`: the review pages and their JSON API over one project (see the README). */
export async function serve(options: ServeOptions): Promise<Server> {
  const history = new History();
  return startServer(options, (nonce) => (req, url, body) => {
    try {
      return answer(options.config, history, nonce, { method: req.method, url, body, ifMatch: req.headers['if-match'] });
    } catch (error) {
      if (error instanceof EditError) return editErrorReply(error);
      throw error;
    }
  });
}

/** Every action's writes, newest last, for as long as the server runs: `u` after `u` goes on back. */
class History {
  private readonly actions: Write[][] = [];
  /** An action that changed nothing is still an action: undoing it restores nothing. */
  remember(writes: readonly Write[]): void {
    this.actions.push(writes.filter((w) => w.before !== w.after));
  }
  /** The last action's writes, taken off: restored or refused, that level is gone, so earlier ones stay reachable. */
  take(): Write[] | undefined {
    return this.actions.pop();
  }
}

interface Request {
  method: string | undefined;
  url: URL;
  body: unknown;
  ifMatch: string | undefined;
}

function answer(config: Config, history: History, nonce: string, { method, url, body, ifMatch }: Request): Reply {
  const entityTypes = config.types.filter((t) => !(STRUCTURE_TYPES as readonly string[]).includes(t));
  switch (`${method} ${url.pathname}`) {
    case 'GET /':
      return { html: listPage(documentRows(config), entityTypes, nonce) };
    case 'GET /doc': {
      const data = documentData(config, resolveTarget(config, url.searchParams.get('path')), true);
      const places = placeReview(data.doc, data.sidecar, loadPlaces());
      return { html: documentPage(data, entityTypes, nonce, places), headers: { ETag: quoted(data.etag) } };
    }
    case 'GET /favicon.ico':
      // No icon: an empty answer, not a 404 in the browser's console.
      return { status: 204 };
    case 'GET /api/documents':
      return { json: documentRows(config) };
    case 'GET /api/document': {
      const data = documentData(config, resolveTarget(config, url.searchParams.get('path')));
      return {
        json: { path: data.target.text, sidecarPath: data.target.sidecar, etag: data.etag, sidecar: data.sidecar },
        headers: { ETag: quoted(data.etag) },
      };
    }
    case 'POST /api/edit':
      return edit(config, history, body, ifMatch);
    case 'POST /api/bulk/dry-run':
      return { json: planBulk(config, bulkOf(config, body)) };
    case 'POST /api/bulk': {
      const results = runBulk(config, bulkOf(config, body), required(ifMatch));
      history.remember(results);
      const count = results.reduce((n, r) => n + r.ids.length, 0);
      return { json: { count, sidecars: results.map((r) => ({ sidecar: r.sidecar, etag: r.etag, ids: r.ids })) } };
    }
    case 'POST /api/undo': {
      const last = history.take();
      if (!last) return { status: 409, json: { error: 'there is no action to undo' } };
      return { json: { restored: undoWrites(config, last) } };
    }
    default:
      return { status: 404, json: { error: `${method} ${url.pathname}: no such page or API` } };
  }
}

function edit(config: Config, history: History, body: unknown, ifMatch: string | undefined): Reply {
  const { path, edits } = (body ?? {}) as { path?: unknown; edits?: unknown };
  if (!Array.isArray(edits) || edits.length === 0) throw new HttpError(400, 'give {"path": …, "edits": [ … ]}');
  const target = resolveTarget(config, path);
  const result = editEntries(config, target.sidecar, edits as Edit[], { ifMatch: required(ifMatch) });
  history.remember([result]);
  return { json: { etag: result.etag, ids: result.ids }, headers: { ETag: quoted(result.etag) } };
}

function editErrorReply(error: EditError): Reply {
  // HTTP's words for the engine's: a conflict is 409, an edit that cannot be made 422.
  return {
    status: error.kind === 'conflict' ? 409 : 422,
    json: { error: error.message, ruleId: error.detail.ruleId, messageId: error.detail.messageId },
  };
}

function required(ifMatch: string | undefined): string {
  if (!ifMatch) throw new HttpError(428, 'send If-Match: the ETag of the sidecar the edit was made against');
  return ifMatch;
}

function bulkOf(config: Config, body: unknown): Bulk {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.type !== 'string') throw new HttpError(400, 'a bulk action needs a "type"');
  if (b.kind === 'reject-text' && typeof b.text === 'string') return { kind: 'reject-text', type: b.type, text: b.text };
  if (b.kind === 'accept-type') return { kind: 'accept-type', type: b.type, sidecar: resolveTarget(config, b.path).sidecar };
  throw new HttpError(400, 'a bulk action is {"kind": "reject-text", "type", "text"} or {"kind": "accept-type", "type", "path"}');
}
