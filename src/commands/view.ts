import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { indexEntities } from '../core/entity-index.js';
import type { Message } from '../core/message.js';
import { documentFindings } from '../checks/run.js';
import { projectOf } from '../pipeline/project.js';
import { documentPage, indexPage } from '../html/pages.js';
import { mapPage, worldSvg } from '../html/map.js';
import { placePage } from '../html/place-page.js';
import { timelinePage, yearOfEdtf, type TimelineDocument } from '../html/timeline.js';
import { mappedPlaces } from '../interop/geojson.js';
import type { Exportable } from '../interop/formats.js';
import { loadPlaces } from '../extract/places.js';
import type { Config } from '../io/config.js';
import { collectTargets } from '../io/project.js';
import { readDocument, readSidecar } from '../io/read.js';
import { unknownPlace } from '../rules/entries.js';

export interface ViewOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  out: string;
}

type Listed = { href: string; title: string; path: string; entries: number; findings: number; number?: string; date?: string };

const hrefOf = (text: string) => `${text.replace(/\.txt$/, '')}.html`;

/**
 * A self-contained static site: an index page, one page per annotated document, a map of the
 * linked places with a page for each, and a timeline (no script needed, no network).
 */
export function view(options: ViewOptions): { pages: string[]; messages: Message[] } {
  const { config } = options;
  const cwd = options.cwd ?? config.root;
  const pages: string[] = [];
  const messages: Message[] = [];
  const documents: Listed[] = [];
  const read: Exportable[] = [];
  const write = (href: string, html: string) => {
    const path = join(options.out, href);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, html);
    pages.push(path);
  };
  for (const target of collectTargets(config, options.paths ?? [], cwd)) {
    const doc = readDocument(config, target.text);
    const sidecar = readSidecar(config, target.sidecar);
    if (!doc.value || !sidecar.value) {
      messages.push(...doc.messages, ...sidecar.messages);
      continue;
    }
    read.push({ doc: doc.value, sidecar: sidecar.value });
    const href = hrefOf(target.text);
    const own = documentFindings(config, target, doc.value, sidecar);
    const depth = href.split('/').length - 1;
    write(href, documentPage({ doc: doc.value, sidecar: sidecar.value, findings: own, indexHref: `${'../'.repeat(depth)}index.html` }));
    const issued = sidecar.value.metadata?.issued;
    documents.push({
      href,
      title: sidecar.value.metadata?.title ?? target.text,
      path: target.text,
      entries: sidecar.value.entries.length,
      findings: own.length,
      // Editions number their documents (`12. Telegram From …`): many share a title.
      ...numberOf(doc.value.text),
      ...(issued ? { date: issued } : {}),
    });
  }
  placesAndMap(read, documents, write, messages);
  write('timeline.html', timelinePage(timelineOf(read, documents)));
  const entities = indexEntities(read, projectOf(config).titles).map((e) => ({
    ...e,
    documents: e.documents.map((p) => ({ path: p, href: hrefOf(p) })),
  }));
  write('index.html', indexPage({ documents, entities }));
  return { pages, messages };
}

/** The map page and one page per linked place; a ref the place table does not know is reported and left off. */
function placesAndMap(
  read: readonly Exportable[],
  documents: readonly Listed[],
  write: (href: string, html: string) => void,
  messages: Message[],
) {
  const { places, unknown } = mappedPlaces(read, loadPlaces());
  messages.push(...unknown.map((u) => unknownPlace({ file: u.path }, u.entry)));
  const titleOf = new Map(documents.map((d) => [d.path, d.title]));
  const pageOf = (ref: string) => `places/${ref.replace(':', '-')}.html`;
  for (const p of places) {
    const { record: r } = p;
    const docs = p.documents.map((path) => ({ href: `../${hrefOf(path)}`, title: titleOf.get(path) ?? path, path }));
    write(pageOf(p.ref), placePage({ ...r, ref: p.ref, forms: p.forms, mentions: p.mentions, documents: docs }));
  }
  const marks = places.map((p) => ({
    ref: p.ref,
    name: p.record.name,
    lat: p.record.lat,
    lon: p.record.lon,
    mentions: p.mentions,
    documents: p.documents.length,
    href: pageOf(p.ref),
  }));
  write('map.html', mapPage(worldSvg(world(), marks), marks, unknown.length));
}

let atlas: Topology | undefined;

/** Natural Earth's countries at 1:110 million, from world-atlas: read once. */
function world(): Topology {
  atlas ??= JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology;
  return atlas;
}

/** Each document with its date and the years of its dated entries (`read` and `documents` go in step). */
function timelineOf(read: readonly Exportable[], documents: readonly Listed[]): TimelineDocument[] {
  return read.map(({ sidecar }, i) => {
    const d = documents[i]!;
    const entryYears = sidecar.entries
      .filter((e) => e.type === 'date' && e.status !== 'rejected' && e.status !== 'orphaned')
      .flatMap((e) => {
        const y = yearOfEdtf(e.value);
        return y === undefined ? [] : [y];
      });
    return { href: d.href, title: d.title, ...(d.date ? { date: d.date } : {}), entryYears };
  });
}

const numberOf = (text: string) => {
  const n = /^\s*(\d{1,5})\.\s/.exec(text)?.[1];
  return n ? { number: n } : {};
};
