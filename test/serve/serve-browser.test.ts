import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate.js';
import type { Entry, Sidecar } from '../../src/core/schema.js';
import { loadConfig } from '../../src/io/config.js';
import { serve, type Server } from '../../src/serve/app.js';
import { REPO, copyOfBundledCorpus, CHROMIUM, hasChromium, launchChromium } from '../helpers.js';

if (!hasChromium) console.warn(`serve-browser.test: ${CHROMIUM} is absent, so the browser test is skipped (apt-get install chromium)`);

const WILSON = 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt';
const WILSON_SIDECAR = 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml';
/** Where the screenshots go (not committed: .gitignore). */
const SHOTS = join(REPO, 'screenshots');

describe.skipIf(!hasChromium)('marginalia serve in headless Chromium', () => {
  let root: string;
  let server: Server;
  let browser: import('playwright-core').Browser;
  const sidecar = (path = WILSON_SIDECAR): Sidecar => parse(readFileSync(join(root, path), 'utf8'));
  const entry = (id: string) => sidecar().entries.find((e) => e.id === id);

  beforeAll(async () => {
    root = copyOfBundledCorpus();
    server = await serve({ config: loadConfig(root), port: 0 });
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reviews a document by keyboard and mouse: accept, reject, add a selection, bulk-reject; the state survives a reload and is on disk', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    // Nothing leaves the server: every request goes to its own origin.
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(server.url);
    expect(await page.locator('#docs tbody tr').count()).toBe(14);
    await page.locator('#f-text').fill('mielke');
    expect(await page.locator('#docs tbody tr:not([hidden])').count()).toBe(1);
    await page.locator('#f-text').fill('');
    await page.locator('#docs th[data-key="auto"] button').click();
    await page.locator('#docs th[data-key="auto"] button').click();
    expect(await page.locator('#docs th[data-key="auto"]').getAttribute('aria-sort')).toBe('descending');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'serve-list.png') });

    await page.locator(`a[href="/doc?path=${encodeURIComponent(WILSON)}"]`).click();
    await page.waitForSelector('mark.entity');
    const marks = page.locator('mark.entity[data-status="auto"][data-type="person"]');
    const first = (await marks.nth(0).getAttribute('data-entry-id'))!;
    const second = (await marks.nth(1).getAttribute('data-entry-id'))!;
    const press = async (key: string) => {
      const loaded = page.waitForEvent('load');
      await page.keyboard.press(key);
      await loaded;
    };

    await page.locator(`mark[data-entry-id="${first}"]`).focus();
    await press('a');
    expect(await page.locator(`mark[data-entry-id="${first}"]`).getAttribute('data-status')).toBe('accepted');
    // Focus comes back to the entity just reviewed.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-entry-id'))).toBe(first);
    expect(entry(first)!.status).toBe('accepted');

    await page.locator(`mark[data-entry-id="${second}"]`).focus();
    await press('r');
    expect(await page.locator(`mark[data-entry-id="${second}"]`).getAttribute('data-status')).toBe('rejected');
    expect(entry(second)!.status).toBe('rejected');

    // Change the type from the menu (t focuses it), and move the end a word to the right by keyboard.
    const org = (await page.locator('mark.entity[data-status="auto"][data-type="org"]').nth(0).getAttribute('data-entry-id'))!;
    await page.locator(`mark[data-entry-id="${org}"]`).focus();
    await page.keyboard.press('t');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('retype');
    let loaded = page.waitForEvent('load');
    await page.locator('#retype').selectOption('place');
    await loaded;
    expect(entry(org)).toMatchObject({ type: 'place', by: 'human', status: 'accepted' });
    const before = entry(org)!;
    await page.locator(`mark[data-entry-id="${org}"]`).focus();
    await press('.');
    const moved = entry(org)!;
    expect(moved.start).toBe(before.start);
    expect(moved.end).toBeGreaterThan(before.end);
    expect(await page.locator(`mark[data-entry-id="${org}"]`).getAttribute('data-end')).toBe(String(moved.end));
    await press(',');
    expect(entry(org)!.end).toBe(before.end);

    // Add "Comrade Minister" as a person, from a selection of the text.
    await page.locator('#add-type').selectOption('person');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      const walker = document.createTreeWalker(document.getElementById('text')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf('Comrade Minister\n');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'Comrade Minister '.length); // with a trailing space, which is trimmed
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error('no "Comrade Minister" line');
    });
    await press('e');
    const added = sidecar().entries.find((e) => e.by === 'human' && e.text === 'Comrade Minister')!;
    expect(added).toMatchObject({ type: 'person', status: 'accepted' });
    const text = [...readFileSync(join(root, WILSON), 'utf8')];
    expect(text.slice(added.start, added.end).join('')).toBe('Comrade Minister');
    expect(await page.locator(`mark[data-entry-id="${added.id}"]`).textContent()).toBe('Comrade Minister');

    // Bulk: every "Mdl" as organization in the corpus, with the count shown first.
    const mdl = page.locator('mark.entity[data-type="org"]', { hasText: /^Mdl$/ }).first();
    await mdl.focus();
    await page.keyboard.press('b');
    await page.waitForSelector('#bulk-confirm:not([hidden])');
    const expected = sidecar().entries.filter((e) => e.type === 'org' && e.text === 'Mdl' && e.status !== 'rejected').length;
    expect(await page.locator('#bulk-count').textContent()).toBe(`Reject ${expected} entries in 1 documents?`);
    loaded = page.waitForEvent('load');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bulk-run');
    await page.keyboard.press('Enter');
    await loaded;

    await page.reload();
    await page.waitForSelector('mark.entity');
    const statusOf = (id: string) => page.locator(`mark[data-entry-id="${id}"]`).getAttribute('data-status');
    expect(await statusOf(first)).toBe('accepted');
    expect(await statusOf(second)).toBe('rejected');
    expect(await statusOf(added.id!)).toBe('accepted');
    const onDisk = sidecar().entries.filter((e: Entry) => e.type === 'org' && e.text === 'Mdl');
    expect(onDisk.length).toBeGreaterThan(0);
    expect(onDisk.every((e) => e.status === 'rejected')).toBe(true);
    for (const e of onDisk) expect(await statusOf(e.id!)).toBe('rejected');
    // Undo puts the Mdl entries back as they were, on the page and on disk.
    const undone = page.waitForEvent('load');
    await page.keyboard.press('u');
    await undone;
    for (const e of onDisk) expect(entry(e.id!)!.status).toBe('auto');
    expect(await statusOf(onDisk[0]!.id!)).toBe('auto');
    expect(await page.locator('#status').textContent()).toMatch(/^undone: annotations\/wilson/);
    await page.locator(`mark[data-entry-id="${added.id}"]`).focus();
    await page.screenshot({ path: join(SHOTS, 'serve-document.png') });

    expect(validate({ config: loadConfig(root) }).messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(requested.every((u) => u.startsWith(server.origin))).toBe(true);
    expect(problems).toEqual([]);
    expect(readdirSync(SHOTS)).toEqual(expect.arrayContaining(['serve-document.png', 'serve-list.png']));
  }, 30_000);

  it('a place: its record and candidates shown; 2 picks the second, 0 none, 1 the first, each on disk and accepted', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url);
    await page.goto(`${server.origin}/doc?path=${encodeURIComponent(WILSON)}`);
    const berlin = page.locator('mark.entity[data-type="place"][data-ref="geonames:2950159"]').first();
    const id = (await berlin.getAttribute('data-entry-id'))!;
    const mark = () => page.locator(`mark[data-entry-id="${id}"]`);
    const press = async (key: string) => {
      const loaded = page.waitForEvent('load');
      await page.keyboard.press(key);
      await loaded;
    };
    await mark().focus();
    expect(await page.locator('#place').isHidden()).toBe(false);
    expect(await page.locator('#place-record').textContent()).toBe('geonames:2950159: Berlin, DE 16 (52.52437, 13.41053)');
    const offered = await page.locator('#place-candidates button').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.ref));
    expect(offered[0]).toBe('geonames:2950159');
    expect(offered.length).toBeGreaterThan(1);
    await press('2');
    expect(entry(id)).toMatchObject({ ref: offered[1], status: 'accepted' });
    await mark().focus();
    await press('0');
    expect(entry(id)!.ref).toBeUndefined();
    expect(entry(id)!.status).toBe('accepted');
    await mark().focus();
    expect(await page.locator('#place-record').textContent()).toBe('No record.');
    await press('1');
    expect(entry(id)).toMatchObject({ ref: 'geonames:2950159', status: 'accepted' });
    // Another type has no place panel.
    await page.locator('mark.entity[data-type="person"]').first().focus();
    expect(await page.locator('#place').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  }, 30_000);
});
