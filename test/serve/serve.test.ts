import { readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editEntries, movedSpan, type Edit } from '../../src/curation/edit.js';
import { validate } from '../../src/commands/validate.js';
import { Document } from '../../src/core/document.js';
import type { Entry, Sidecar } from '../../src/core/schema.js';
import { loadConfig } from '../../src/io/config.js';
import { serve, type Server } from '../../src/serve/app.js';
import { cli, copyOfBundledCorpus } from '../helpers.js';

const WILSON = 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt';
const WILSON_SIDECAR = 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

/** One HTTP request with exactly the headers given (fetch would not let a test set Host). */
function request(
  server: Server,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; raw?: string; auth?: boolean } = {},
): Promise<Answer> {
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = {
    Host: `127.0.0.1:${server.port}`,
    ...(options.auth === false ? {} : { Authorization: `Bearer ${server.token}` }),
    ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json, text });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const q = (path: string) => encodeURIComponent(path);

describe('marginalia serve', () => {
  let root: string;
  let server: Server;
  const sidecarBytes = () => readFileSync(join(root, WILSON_SIDECAR), 'utf8');
  const allSidecarBytes = () =>
    readdirSync(join(root, 'annotations'), { recursive: true })
      .map(String)
      .filter((p) => p.endsWith('.yaml'))
      .sort()
      .map((p) => readFileSync(join(root, 'annotations', p), 'utf8'))
      .join('\0');

  beforeAll(async () => {
    root = copyOfBundledCorpus();
    server = await serve({ config: loadConfig(root), port: 0 });
  });
  afterAll(async () => server?.close());

  it('prints its address with a random token, on 127.0.0.1: another server, another token', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    expect(server.port).toBeGreaterThan(0);
    const other = await serve({ config: loadConfig(root), port: 0 });
    try {
      expect(other.token).toMatch(/^[0-9a-f]{48}$/);
      expect(other.token).not.toBe(server.token);
      expect(other.port).not.toBe(server.port);
    } finally {
      await other.close();
    }
  });

  it('lists the documents with their counts, and gives one with its sidecar and ETag', async () => {
    const list = await request(server, 'GET', '/api/documents');
    expect(list.status).toBe(200);
    expect(list.json).toHaveLength(14);
    const wilson = list.json.find((d: { path: string }) => d.path === WILSON);
    const sidecar: Sidecar = parse(sidecarBytes());
    expect(wilson.counts.auto).toBe(sidecar.entries.filter((e) => e.status === 'auto').length);
    const one = await request(server, 'GET', `/api/document?path=${q(WILSON)}`);
    expect(one.status).toBe(200);
    expect(one.json.sidecar.entries).toHaveLength(sidecar.entries.length);
    expect(one.headers.etag).toBe(`"${one.json.etag}"`);
  });

  it('refuses, writing nothing: no token, a wrong token, a foreign Host, a foreign Origin, .. or a link out, a stale If-Match, a huge body', async () => {
    const before = allSidecarBytes();
    const { json: doc } = await request(server, 'GET', `/api/document?path=${q(WILSON)}`);
    const id = doc.sidecar.entries.find((e: Entry) => e.status === 'auto' && e.type === 'person').id;
    const edit = { path: WILSON, edits: [{ op: 'reject', id }] };
    const etag = { 'If-Match': `"${doc.etag}"` };
    const post = (options: Parameters<typeof request>[3]) => request(server, 'POST', '/api/edit', { body: edit, ...options });

    expect((await post({ auth: false, headers: etag })).status).toBe(401);
    expect((await post({ auth: false, headers: { ...etag, Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await post({ auth: false, headers: { ...etag, Cookie: 'marginalia_token=nope' } })).status).toBe(401);
    expect((await request(server, 'GET', '/', { auth: false })).status).toBe(401);
    // The token in an address opens pages only; the API wants the cookie or the header.
    expect((await request(server, 'GET', `/api/documents?token=${server.token}`, { auth: false })).status).toBe(401);
    expect((await post({ headers: { ...etag, Host: `evil.example:${server.port}` } })).status).toBe(403);
    expect((await request(server, 'GET', '/', { headers: { Host: `localhost.evil:${server.port}` } })).status).toBe(403);
    expect((await post({ headers: { ...etag, Origin: 'http://evil.example' } })).status).toBe(403);
    for (const path of [
      'corpus/../marginalia.config.yaml',
      '../etc/passwd',
      '/etc/passwd',
      'corpus/frus/../wilson-1986-01-06-schmidt-to-mielke.txt',
    ])
      expect((await request(server, 'POST', '/api/edit', { body: { ...edit, path }, headers: etag })).status).toBe(400);
    expect((await request(server, 'GET', `/doc?path=${q('corpus/../../etc/passwd')}`)).status).toBe(400);
    expect((await request(server, 'GET', `/api/document?path=${q('corpus/nothing.txt')}`)).status).toBe(404);
    const stale = await post({ headers: { 'If-Match': `"${'0'.repeat(64)}"` } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toBe(`the file changed on disk since this page was loaded: reload (${WILSON_SIDECAR})`);
    expect((await post({})).status).toBe(428);
    const huge = await request(server, 'POST', '/api/edit', {
      raw: JSON.stringify({ ...edit, pad: 'x'.repeat(1_100_000) }),
      headers: etag,
    });
    expect(huge.status).toBe(413);
    expect((await request(server, 'POST', '/api/edit', { raw: '{', headers: etag })).status).toBe(400);
    expect((await request(server, 'POST', '/api/edit', { body: edit, headers: { ...etag, 'Content-Type': 'text/plain' } })).status).toBe(
      415,
    );
    expect(allSidecarBytes()).toBe(before);
    // The same edit with the right ETag and this server's own Origin is made.
    const ok = await post({ headers: { ...etag, Origin: server.origin } });
    expect(ok.status).toBe(200);
    expect(allSidecarBytes()).not.toBe(before);
    expect((await request(server, 'POST', '/api/undo', { body: {} })).status).toBe(200);
    expect(allSidecarBytes()).toBe(before);
  });

  it('undo goes back action by action for as long as the server runs, then says there is nothing to undo', async () => {
    const before = allSidecarBytes();
    const states = [sidecarBytes()];
    const persons = async () => {
      const { json: doc } = await request(server, 'GET', `/api/document?path=${q(WILSON)}`);
      return { doc, ids: doc.sidecar.entries.filter((e: Entry) => e.status === 'auto' && e.type === 'person').map((e: Entry) => e.id) };
    };
    for (const op of ['reject', 'accept', 'reject']) {
      const { doc, ids } = await persons();
      const r = await request(server, 'POST', '/api/edit', {
        body: { path: WILSON, edits: [{ op, id: ids[0] }] },
        headers: { 'If-Match': `"${doc.etag}"` },
      });
      expect(r.status).toBe(200);
      states.push(sidecarBytes());
    }
    for (let level = 3; level >= 1; level--) {
      const r = await request(server, 'POST', '/api/undo', { body: {} });
      expect([r.status, r.json]).toEqual([200, { restored: [WILSON_SIDECAR] }]);
      expect(sidecarBytes()).toBe(states[level - 1]);
    }
    const none = await request(server, 'POST', '/api/undo', { body: {} });
    expect([none.status, none.json]).toEqual([409, { error: 'there is no action to undo' }]);
    expect(allSidecarBytes()).toBe(before);
  });

  it('a link in the corpus leading out of it is not served', async () => {
    const outside = join(root, '..', `outside-${process.pid}.txt`);
    writeFileSync(outside, 'Secret text of Erich Mielke.\n');
    symlinkSync(outside, join(root, 'corpus/link.txt'));
    const r = await request(server, 'GET', `/api/document?path=${q('corpus/link.txt')}`);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.text).not.toContain('Secret');
    // A sidecar that is a link out of the annotations folder is neither read nor written.
    writeFileSync(join(root, 'corpus/linked-sidecar.txt'), 'Erich Mielke wrote.\n');
    const foreign = join(root, '..', `foreign-${process.pid}.yaml`);
    writeFileSync(foreign, 'not yours\n');
    symlinkSync(foreign, join(root, 'annotations/linked-sidecar.txt.yaml'));
    const linked = await request(server, 'GET', `/api/document?path=${q('corpus/linked-sidecar.txt')}`);
    expect(linked.status).toBe(403);
    const edit = { path: 'corpus/linked-sidecar.txt', edits: [{ op: 'add', type: 'person', start: 0, end: 12 }] };
    expect((await request(server, 'POST', '/api/edit', { body: edit, headers: { 'If-Match': 'x' } })).status).toBe(403);
    expect(readFileSync(foreign, 'utf8')).toBe('not yours\n');
  });

  it('the first page load with ?token= sets an HttpOnly SameSite=Strict cookie, and every answer carries a strict CSP', async () => {
    const page = await request(server, 'GET', `/?token=${server.token}`, { auth: false });
    expect(page.status).toBe(200);
    expect(String(page.headers['set-cookie'])).toMatch(/^marginalia_token=[0-9a-f]+; HttpOnly; SameSite=Strict; Path=\/$/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'none'/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    expect(page.text).toContain(`<script nonce="${nonce}">`);
    expect(page.text).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/);
    expect(page.text).not.toMatch(/ style="/);
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const doc = await request(server, 'GET', `/doc?path=${q(WILSON)}`, { auth: false, headers: { Cookie: cookie } });
    expect(doc.status).toBe(200);
    expect(doc.text).toMatch(/<mark class="entity t-person" tabindex="0" data-entry-id="person-[0-9a-f]+" data-status="auto"/);
    const again = await request(server, 'GET', '/', { auth: false, headers: { Cookie: cookie } });
    expect(/nonce-([^']+)/.exec(String(again.headers['content-security-policy']))![1]).not.toBe(nonce);
  });
});

describe('editEntries', () => {
  it('moves a boundary by a word or a character', () => {
    const doc = new Document('x.txt', 'Comrade Erich Mielke, Minister.');
    const span = { start: 8, end: 20 };
    expect(movedSpan(doc, span, { edge: 'start', by: 'word', direction: -1 })).toEqual([0, 20]);
    expect(movedSpan(doc, span, { edge: 'start', by: 'word', direction: 1 })).toEqual([14, 20]);
    expect(movedSpan(doc, span, { edge: 'end', by: 'word', direction: 1 })).toEqual([8, 30]);
    expect(movedSpan(doc, span, { edge: 'end', by: 'word', direction: -1 })).toEqual([8, 13]);
    expect(movedSpan(doc, span, { edge: 'end', by: 'char', direction: 1 })).toEqual([8, 21]);
    expect(movedSpan(doc, span, { edge: 'start', by: 'char', direction: -1 })).toEqual([7, 20]);
  });

  it('adds, retypes, moves and deletes human entries; refuses what would break the sidecar', () => {
    const root = copyOfBundledCorpus();
    const config = loadConfig(root);
    const added = editEntries(config, WILSON_SIDECAR, [{ op: 'add', type: 'place', start: 0, end: 4 }]);
    const id = added.ids[0]!;
    expect(id).toMatch(/^place-h[0-9a-f]{8}$/);
    const sidecar = (): Sidecar => parse(readFileSync(join(root, WILSON_SIDECAR), 'utf8'));
    expect(sidecar().entries.find((e) => e.id === id)).toMatchObject({ by: 'human', status: 'accepted', start: 0, end: 4 });
    editEntries(config, WILSON_SIDECAR, [{ op: 'retype', id, type: 'org' }], { ifMatch: added.etag });
    expect(sidecar().entries.find((e) => e.id === id)!.type).toBe('org');
    expect(() => editEntries(config, WILSON_SIDECAR, [{ op: 'retype', id, type: 'note' }])).toThrow(/not an entity type/);
    expect(() => editEntries(config, WILSON_SIDECAR, [{ op: 'add', type: 'person', start: 5, end: 5 }])).toThrow(/empty or outside/);
    expect(() => editEntries(config, WILSON_SIDECAR, [{ op: 'add', type: 'person', start: 0, end: 3, text: 'no such words' }])).toThrow(
      /nor anywhere else/,
    );
    const machine = sidecar().entries.find((e) => e.by !== 'human' && e.type === 'person')!;
    expect(() => editEntries(config, WILSON_SIDECAR, [{ op: 'delete', id: machine.id! }])).toThrow(/only human entries are deleted/);
    expect(() => editEntries(config, WILSON_SIDECAR, [{ op: 'accept', id: 'nope' }])).toThrow(/no entry has the id nope/);
    const far = { op: 'move', id: machine.id!, edge: 'end', by: 'char', direction: 40 } as unknown as Edit;
    expect(() => editEntries(config, WILSON_SIDECAR, [far])).toThrow(/edit 0 is not an edit: direction/);
    expect(() => editEntries(config, WILSON_SIDECAR, [{ op: 'rename', id: 'x' } as unknown as Edit])).toThrow(/edit 0 is not an edit/);
    const before = readFileSync(join(root, WILSON_SIDECAR), 'utf8');
    // All or none: a good edit before a bad one is not written either.
    expect(() =>
      editEntries(config, WILSON_SIDECAR, [
        { op: 'delete', id },
        { op: 'accept', id: 'nope' },
      ]),
    ).toThrow();
    expect(readFileSync(join(root, WILSON_SIDECAR), 'utf8')).toBe(before);
    editEntries(config, WILSON_SIDECAR, [{ op: 'delete', id }]);
    expect(sidecar().entries.some((e) => e.id === id)).toBe(false);
    expect(validate({ config }).messages.filter((m) => m.severity === 'error')).toEqual([]);
  });
});

describe('serve: 200 random API actions on the bundled corpus', () => {
  it('leave validate clean and every human entry made still there', async () => {
    const root = copyOfBundledCorpus();
    const config = loadConfig(root);
    const server = await serve({ config, port: 0 });
    try {
      const docs: string[] = (await request(server, 'GET', '/api/documents')).json.map((d: { path: string }) => d.path);
      /** Human entries made and not deleted, per text; with the state before each action, for undo. */
      let made = new Map<string, Set<string>>();
      const beforeEach: Map<string, Set<string>>[] = [];
      const copy = (m: Map<string, Set<string>>) => new Map([...m].map(([k, v]) => [k, new Set(v)]));
      const action = fc.record({
        doc: fc.nat(),
        pick: fc.nat(),
        kind: fc.constantFrom('accept', 'reject', 'retype', 'move', 'add', 'delete', 'bulk-reject', 'bulk-accept', 'undo'),
        type: fc.constantFrom('person', 'org', 'place', 'date'),
        edge: fc.constantFrom('start', 'end'),
        by: fc.constantFrom('word', 'char'),
        direction: fc.constantFrom(-1, 1),
        length: fc.integer({ min: 1, max: 30 }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 200, maxLength: 200 }), async (actions) => {
          for (const a of actions) {
            const path = docs[a.doc % docs.length]!;
            const { json: doc } = await request(server, 'GET', `/api/document?path=${q(path)}`);
            const entries: Entry[] = doc.sidecar.entries;
            const ifMatch = { 'If-Match': `"${doc.etag}"` };
            const human = entries.filter((e) => e.by === 'human' && e.status !== 'orphaned');
            const entities = entries.filter((e) => ['person', 'org', 'place', 'date', 'acronym', 'money'].includes(e.type));
            const target = a.kind === 'delete' ? human[a.pick % Math.max(1, human.length)] : entities[a.pick % entities.length];
            const snapshot = copy(made);
            let r: Answer;
            if (a.kind === 'undo') {
              r = await request(server, 'POST', '/api/undo', { body: {} });
              if (r.status === 200) made = beforeEach.pop()!;
              continue;
            } else if (a.kind === 'bulk-reject' || a.kind === 'bulk-accept') {
              if (!target) continue;
              const spec =
                a.kind === 'bulk-reject'
                  ? { kind: 'reject-text', type: target!.type, text: target!.text }
                  : { kind: 'accept-type', type: a.type, path };
              const plan = await request(server, 'POST', '/api/bulk/dry-run', { body: spec });
              expect(plan.status).toBe(200);
              r = await request(server, 'POST', '/api/bulk', { body: spec, headers: { 'If-Match': plan.json.etag } });
              expect(r.status).toBe(200);
              expect(r.json.count).toBe(plan.json.count);
            } else {
              if (!target) continue;
              const text = readFileSync(join(root, path), 'utf8');
              const start = (a.pick * 7919) % Math.max(1, [...text].length - a.length);
              const edit =
                a.kind === 'add'
                  ? { op: 'add', type: a.type, start, end: start + a.length }
                  : a.kind === 'retype'
                    ? { op: 'retype', id: target.id, type: a.type }
                    : a.kind === 'move'
                      ? { op: 'move', id: target.id, edge: a.edge, by: a.by, direction: a.direction }
                      : { op: a.kind, id: target.id };
              r = await request(server, 'POST', '/api/edit', { body: { path, edits: [edit] }, headers: ifMatch });
              // Refused edits (an empty span, an orphan) say why and write nothing.
              expect([200, 422], JSON.stringify(r.json)).toContain(r.status);
              if (r.status === 200) {
                const ids = made.get(path) ?? new Set();
                if (a.kind === 'delete') ids.delete(target.id!);
                // An add on a span the machine has already accepts its entry: that one stays the machine's.
                else if (a.kind === 'retype' || a.kind === 'move' || /-h[0-9a-f]{8}$/.test(r.json.ids[0])) ids.add(r.json.ids[0]);
                made.set(path, ids);
              }
            }
            if (r.status === 200) beforeEach.push(snapshot);
          }
        }),
        // The corpus is state: a failing run is reported as it is, not shrunk over an already edited corpus.
        { numRuns: 1, endOnFailure: true },
      );
      expect(validate({ config }).messages.filter((m) => m.severity === 'error')).toEqual([]);
      for (const [path, ids] of made) {
        const { json: doc } = await request(server, 'GET', `/api/document?path=${q(path)}`);
        for (const id of ids) expect(doc.sidecar.entries.find((e: Entry) => e.id === id)?.by, `${path} ${id}`).toBe('human');
      }
      expect((await cli(root, 'validate')).code).toBe(0);
      // annotate, forced to extract again, keeps all of it.
      expect((await cli(root, 'annotate', '--force', '--jobs', '1')).code).toBe(0);
      for (const [path, ids] of made) {
        const entries: Entry[] = parse(readFileSync(join(root, path.replace(/^corpus/, 'annotations') + '.yaml'), 'utf8')).entries;
        for (const id of ids) expect(entries.find((e) => e.id === id)?.by, `${path} ${id} after annotate`).toBe('human');
      }
      expect((await cli(root, 'validate')).code).toBe(0);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('marginalia serve (the command)', () => {
  it('prints the address first, warns about a host other than loopback, and stops on Ctrl-C with exit 0', async () => {
    const { run } = await import('../../src/cli/program.js');
    const root = copyOfBundledCorpus();
    let stdout = '';
    let stderr = '';
    let interrupt: (() => void) | undefined;
    let exited!: Promise<number>;
    const printed = new Promise<string>((resolve) => {
      const io = {
        cwd: root,
        env: { NO_COLOR: '1' },
        stdout: {
          write: (s: string) => {
            stdout += s;
            resolve(stdout.split('\n')[0]!);
          },
        },
        stderr: { write: (s: string) => (stderr += s) },
        onInterrupt: (handler: () => void) => {
          interrupt = handler;
          return () => (interrupt = undefined);
        },
      };
      exited = run(['serve', '--port', '0', '--host', '0.0.0.0'], io);
    });
    const url = new URL(await printed);
    expect(url.origin).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    expect(url.searchParams.get('token')).toMatch(/^[0-9a-f]{48}$/);
    expect(stderr).toMatch(/warning: listening on 0\.0\.0\.0/);
    const res = await fetch(`http://127.0.0.1:${url.port}/api/documents`, {
      headers: { Authorization: `Bearer ${url.searchParams.get('token')}` },
    });
    // Asked for by 127.0.0.1, it is not the host it was bound to: refused.
    expect(res.status).toBe(403);
    interrupt!();
    expect(await exited).toBe(0);
    expect((await cli(root, 'serve', '--help')).stdout).toMatch(/Ctrl-C/);
    expect((await cli(root, 'serve', '--port', 'x')).code).toBe(2);
    const busy = await serve({ config: loadConfig(root), port: 0 });
    try {
      const taken = await cli(root, 'serve', '--port', String(busy.port));
      expect(taken.code).toBe(2);
      expect(taken.stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/);
    } finally {
      await busy.close();
    }
  });
});
