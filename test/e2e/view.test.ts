import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sidecar } from '../../src/core/schema.js';
import { cli, copyOfBundledCorpus, makeProject, CHROMIUM, hasChromium, launchChromium } from '../helpers.js';

/** Where the map's screenshot goes, to be looked at. */
const SHOT = process.env.MARGINALIA_MAP_SHOT ?? join(tmpdir(), `marginalia-map-${process.pid}.png`);

if (!hasChromium) console.warn(`view.test: ${CHROMIUM} is absent, so the browser test is skipped (apt-get install chromium)`);

describe('marginalia view', () => {
  let root: string;
  beforeAll(async () => {
    root = copyOfBundledCorpus();
    const r = await cli(root, 'view', '--out', 'site');
    expect(r.stdout).toBe('wrote 52 pages to site\n');
  });

  it('writes self-contained pages: no network, no CDN', () => {
    const html = readFileSync(join(root, 'site/corpus/wilson-1986-01-06-schmidt-to-mielke.html'), 'utf8');
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)="https?:/);
    expect(readFileSync(join(root, 'site/index.html'), 'utf8')).toContain('corpus/wilson-1986-01-06-schmidt-to-mielke.html');
  });

  describe.skipIf(!hasChromium)('in headless Chromium', () => {
    let browser: import('playwright-core').Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    }, 30_000);
    afterAll(async () => browser?.close());

    it('the archive record: highlights, details on click and by keyboard, marker to note and back, a screenshot', async () => {
      const sidecar: Sidecar = parse(readFileSync(join(root, 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml'), 'utf8'));
      const live = sidecar.entries.filter((e) => e.status !== 'rejected' && e.status !== 'orphaned');
      const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
      await page.goto(`file://${join(root, 'site/corpus/wilson-1986-01-06-schmidt-to-mielke.html')}`);

      expect(await page.locator('mark.entity').count()).toBe(live.filter((e) => e.type !== 'note' && e.type !== 'note-marker').length);
      expect(await page.locator('a.marker').count()).toBe(live.filter((e) => e.type === 'note-marker').length);

      await page.locator('mark.entity', { hasText: 'Erich Mielke' }).first().click();
      expect(await page.locator('#details dd[data-field="type"]').textContent()).toBe('person');
      expect(await page.locator('#details dd[data-field="text"]').textContent()).toBe('Erich Mielke');
      expect(await page.locator('#details dd[data-field="cluster"]').textContent()).toBe('person:mielke');
      expect(await page.locator('#details dd[data-field="source"]').textContent()).toMatch(/^(?:nlp:tagger|nlp:compromise|rule:|resolve:)/);

      await page.locator('mark.entity[data-type="date"]').first().focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('#details dd[data-field="value"]').textContent()).toBe('1986-01-06');

      await page.locator('a.marker').first().click();
      expect(new URL(page.url()).hash).toBe('#note-1');
      expect(await page.locator('#note-1').textContent()).toContain('The H 18 was the');
      await page.locator('#note-1 a.back').click();
      expect(new URL(page.url()).hash).toBe('#marker-1');

      const shot = join(tmpdir(), `marginalia-view-${process.pid}.png`);
      await page.screenshot({ path: shot, fullPage: false });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    }, 30_000);

    it('the map: the world drawn offline, one mark per linked place linking to its page; the timeline; no network, no script errors', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`file://${join(root, 'site/map.html')}`);
      const marks = page.locator('svg a.mark[data-ref^="geonames:"]');
      expect(await marks.count()).toBeGreaterThanOrEqual(10);
      expect(await page.locator('svg a.mark[data-ref="geonames:1581130"] title').textContent()).toBe('Hanoi: 11 mentions in 3 documents');
      const box = await page.locator('svg').boundingBox();
      expect(box!.width).toBeGreaterThan(1000);
      expect(box!.y + box!.height).toBeLessThanOrEqual(800);
      await page.screenshot({ path: SHOT, fullPage: false });
      await page.locator('svg a.mark[data-ref="geonames:1581130"]').click();
      expect(page.url()).toMatch(/\/site\/places\/geonames-1581130\.html$/);
      expect(await page.locator('dd[data-field="coordinates"]').textContent()).toBe('21.0245, 105.84117');

      await page.goto(`file://${join(root, 'site/timeline.html')}`);
      expect(await page.locator('tr[data-year="1964"] a').first().getAttribute('href')).toMatch(
        /^corpus\/frus\/frus1964-68v14-d\d+\.html$/,
      );
      await page.locator('tr[data-year="1964"] a').first().click();
      expect(page.url()).toMatch(/\/site\/corpus\/frus\/frus1964-68v14-d\d+\.html$/);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    }, 30_000);
  });
});

describe('marginalia view on bad input', () => {
  it('a place whose record the table does not know is reported and left off the map; an undated document is listed apart', async () => {
    const text = 'Hanoi and Atlantis.\n';
    const root = makeProject({ 'corpus/a.txt': text, 'annotations/.keep': '' });
    const sha256 = createHash('sha256').update(text).digest('hex');
    const place = (id: string, start: number, end: number, ref?: string) =>
      `  - id: ${id}\n    type: place\n    start: ${start}\n    end: ${end}\n    text: ${text.slice(start, end)}\n${ref ? `    ref: ${ref}\n` : ''}    by: human\n`;
    writeFileSync(
      join(root, 'annotations/a.txt.yaml'),
      `schemaVersion: 2\nsource:\n  path: corpus/a.txt\n  sha256: ${sha256}\n  length: 20\nentries:\n${place('p0', 0, 5, 'geonames:999999999')}${place('p1', 10, 18)}`,
    );
    const r = await cli(root, 'view', '--out', 'site');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('wrote 4 pages to site\n');
    expect(r.stderr).toContain('place "Hanoi" (p0): geonames:999999999 is no record of the place table; left out');
    const map = readFileSync(join(root, 'site/map.html'), 'utf8');
    expect(map).not.toContain('data-ref=');
    expect(map).toContain(
      '0 places linked to GeoNames, each sized by its mentions; 1 mention of a record the place table does not know left off.',
    );
    expect(readFileSync(join(root, 'site/timeline.html'), 'utf8')).toContain(
      '<ul class="undated"><li><a href="corpus/a.html">corpus/a.txt</a></li></ul>',
    );
  });
});
