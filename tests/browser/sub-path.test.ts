/**
 * The example site built for a sub-path (`/annuario/`, as on a GitHub Pages project site) with
 * a neutral address: every internal link, asset and anchor resolves under the sub-path (linkinator
 * over the served site), absolute addresses carry it, and in a real browser pages, fonts,
 * search and its results stay under it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { beforeAll, describe, expect, test } from 'vitest';
import * as cheerio from 'cheerio';
import { useSite } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SITE_DIR = path.join(ROOT, '.annuario', 'test-site-sub-path');
const BASE = '/annuario/';
const ADDRESS = 'https://annuario.test';

beforeAll(() => {
  if (process.env['ANNUARIO_TEST_REUSE_SITE'] === '1' && fs.existsSync(path.join(SITE_DIR, 'index.html'))) return;
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--site-only', '--out', SITE_DIR], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ANNUARIO_SOURCE: '', ANNUARIO_SITE_URL: ADDRESS, ANNUARIO_BASE: BASE },
  });
  if (result.status !== 0) throw new Error(`La costruzione con sottopercorso è fallita:\n${result.stdout}\n${result.stderr}`);
});

const site = useSite({ root: () => SITE_DIR, base: BASE });

/** Every built file's text, for whole-site assertions. */
function builtTexts(): { file: string; text: string }[] {
  return fs
    .readdirSync(SITE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(html|xml|txt|json|csv|css|js)$/.test(file))
    .map((file) => ({ file, text: fs.readFileSync(path.join(SITE_DIR, file), 'utf8') }));
}

describe('site under a sub-path', () => {
  test('every internal link and #anchor resolves under /annuario/', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: `${site.url}${BASE}`,
      recurse: true,
      checkFragments: true,
      concurrency: 25,
      linksToSkip: (link) => Promise.resolve(!link.startsWith(site.url)),
    });
    const broken = result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.url} (${l.status ?? '?'}) ← ${l.parent ?? ''}`);
    expect(broken).toEqual([]);
    const reached = result.links.filter((l) => l.state === LinkState.OK);
    expect(reached.length).toBeGreaterThan(250);
    // Nothing escaped the sub-path: a link to /anci-lombardia/ would be a 404 on the real host.
    expect(reached.filter((l) => !l.url.startsWith(`${site.url}${BASE}`)).map((l) => l.url)).toEqual([]);
  });

  test.each([
    ['canonical link', '/index.html', /<link rel="canonical" href="https:\/\/annuario\.test\/annuario\/">/],
    ['favicon', '/index.html', /<link rel="icon" href="\/annuario\/favicon\.svg"/],
    ['RSS feed link', '/anci-lombardia/index.html', /href="\/annuario\/anci-lombardia\/attivita\/feed\.xml"/],
    ['sitemap in robots.txt', '/robots.txt', /Sitemap: https:\/\/annuario\.test\/annuario\/sitemap-index\.xml/],
    ['sitemap entries', '/sitemap-0.xml', /<loc>https:\/\/annuario\.test\/annuario\/anci-lombardia\/<\/loc>/],
    [
      'feed items',
      '/anci-lombardia/attivita/feed.xml',
      /<link>https:\/\/annuario\.test\/annuario\/anci-lombardia\/attivita\/[a-z0-9-]+\/<\/link>/,
    ],
    ['open-data citation', '/dati/index.html', /https:\/\/annuario\.test\/annuario\/dati\//],
    ['open-data package', '/dati/datapackage.json', /"homepage": "https:\/\/annuario\.test\/annuario\/dati\/"/],
    ['search bundle', '/cerca/index.html', /data-bundle="\/annuario\/pagefind\/pagefind\.js"/],
  ])('%s carries the sub-path', (_what, file, expected) => {
    expect(fs.readFileSync(path.join(SITE_DIR, file), 'utf8')).toMatch(expected);
  });

  test('no built file names a placeholder domain', () => {
    expect(
      builtTexts()
        .filter(({ text }) => text.includes('example.org'))
        .map(({ file }) => file),
    ).toEqual([]);
  });

  test('pages, styles and fonts load under the sub-path', async () => {
    const page = await site.visit(`${BASE}anci-lombardia/`);
    expect(await page.evaluate(() => document.fonts.check('16px "Titillium Web"'))).toBe(true);
    expect(await page.locator('h1').count()).toBe(1);
    const home = page.locator('.site-header a').first();
    expect(await home.getAttribute('href')).toMatch(/^\/annuario\//);
  });

  test('search finds a card and its result opens under the sub-path', async () => {
    const target = `${BASE}anci-lombardia/attivita/dotecomune/`;
    const html = fs.readFileSync(path.join(SITE_DIR, 'anci-lombardia/attivita/dotecomune/index.html'), 'utf8');
    const title = cheerio.load(html)('main h1').first().text().trim();
    const page = await site.visit(`${BASE}cerca/?q=${encodeURIComponent(title)}`);
    // Pagefind's index holds site paths; the page's baseUrl puts /annuario/ in front of each result.
    const link = page.locator(`.search-result a[href="${target}"]`).first();
    await link.waitFor();
    expect(await page.locator('.search-result a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).toSatisfy(
      (hrefs: string[]) => hrefs.every((href) => href.startsWith(BASE)),
    );
    await link.click();
    await page.waitForURL(`**${target}`);
  });

  test('a missing page answers with the 404 page, whose links stay under the sub-path', async () => {
    const page = await site.visit(`${BASE}non-esiste/`, { status: 404 });
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => href.startsWith('/') && !href.startsWith('/annuario/'))).toEqual([]);
  });
});
