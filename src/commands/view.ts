import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { indexEntities } from '../core/entity-index.js';
import type { Message } from '../core/message.js';
import type { Sidecar } from '../core/schema.js';
import { documentFindings } from '../checks/run.js';
import { projectOf } from '../pipeline/project.js';
import { documentPage, indexPage } from '../html/pages.js';
import type { Config } from '../io/config.js';
import { collectTargets } from '../io/project.js';
import { readDocument, readSidecar } from '../io/read.js';

export interface ViewOptions {
  config: Config;
  paths?: readonly string[];
  cwd?: string;
  out: string;
}

/** A self-contained static site: an index page and one page per annotated document (no network). */
export function view(options: ViewOptions): { pages: string[]; messages: Message[] } {
  const { config } = options;
  const cwd = options.cwd ?? config.root;
  const pages: string[] = [];
  const messages: Message[] = [];
  const documents = [];
  const sidecars: { sidecar: Sidecar }[] = [];
  const hrefOf = (text: string) => `${text.replace(/\.txt$/, '')}.html`;
  for (const target of collectTargets(config, options.paths ?? [], cwd)) {
    const doc = readDocument(config, target.text);
    const sidecar = readSidecar(config, target.sidecar);
    if (!doc.value || !sidecar.value) {
      messages.push(...doc.messages, ...sidecar.messages);
      continue;
    }
    sidecars.push({ sidecar: sidecar.value });
    const href = hrefOf(target.text);
    const own = documentFindings(config, target, doc.value, sidecar);
    const depth = href.split('/').length - 1;
    const html = documentPage({ doc: doc.value, sidecar: sidecar.value, findings: own, indexHref: `${'../'.repeat(depth)}index.html` });
    const path = join(options.out, href);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, html);
    pages.push(path);
    documents.push({
      href,
      title: sidecar.value.metadata?.title ?? target.text,
      path: target.text,
      entries: sidecar.value.entries.length,
      findings: own.length,
      // Editions number their documents (`12. Telegram From …`): many share a title.
      ...numberOf(doc.value.text),
      ...(sidecar.value.metadata?.issued ? { date: sidecar.value.metadata.issued } : {}),
    });
  }
  const titles = projectOf(config).titles;
  const entities = indexEntities(sidecars, titles).map((e) => ({
    ...e,
    documents: e.documents.map((p) => ({ path: p, href: hrefOf(p) })),
  }));
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, 'index.html'), indexPage({ documents, entities }));
  pages.push(join(options.out, 'index.html'));
  return { pages, messages };
}

const numberOf = (text: string) => {
  const n = /^\s*(\d{1,5})\.\s/.exec(text)?.[1];
  return n ? { number: n } : {};
};
