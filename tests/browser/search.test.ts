/**
 * The search page in a real browser with the real Pagefind index and the site's CSP: typing a
 * page's title finds it, `?q=` links work, and without JavaScript the page offers the catalogues.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { urls } from '../../src/lib/site/urls.ts';
import { page as builtPage, text } from '../site/html.ts';
import { useSite } from './harness.ts';
import { sitemapPaths } from './routes.ts';

/** A card of content/projects/anci-lombardia/ once its page is built, else the organization home. */
function searchTarget(): { path: string; title: string } {
  const built = new Set(sitemapPaths(inject('siteDir')));
  const cards = fs.readdirSync(path.resolve(import.meta.dirname, '../../content/projects/anci-lombardia')).sort();
  const card = cards.map((file) => urls.card(`anci-lombardia/${file.replace(/\.mdx?$/, '')}`)).find((url) => built.has(url));
  const target = card ?? urls.organization('anci-lombardia');
  return { path: target, title: text(builtPage(target), 'main h1') };
}

const site = useSite();

describe('search', () => {
  const target = searchTarget();

  test(`typing «${target.title}» finds ${target.path}`, async () => {
    const page = await site.visit('/cerca/');
    await page.getByLabel('Cosa cerchi?').pressSequentially(target.title, { delay: 10 });
    const link = page.locator('.search-result a', { hasText: target.title }).first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(target.path);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(target.title);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^\d[\d.]* risultat[oi] per «/);
    expect(await page.locator('[data-search-fallback]').isHidden()).toBe(true);
    await link.click();
    await page.waitForURL(`**${target.path}`);
  });

  test('a ?q= link shows the results at once', async () => {
    const page = await site.visit(`/cerca/?q=${encodeURIComponent(target.title)}`);
    expect(await page.getByLabel('Cosa cerchi?').inputValue()).toBe(target.title);
    await page.locator(`.search-result a[href="${target.path}"]`).first().waitFor();
  });

  test('a query with no match says so', async () => {
    const page = await site.visit('/cerca/?q=zzzqqqxxx');
    await page.locator('[data-search-status]:not(:empty)').waitFor();
    expect(await page.locator('[data-search-status]').textContent()).toContain('Nessun risultato per «zzzqqqxxx»');
    expect(await page.locator('.search-result').count()).toBe(0);
  });

  test('without JavaScript the page says so and links the catalogues', async () => {
    const page = await site.visit('/cerca/?q=comuni', { context: { javaScriptEnabled: false } });
    const fallback = page.locator('[data-search-fallback]');
    expect(await fallback.isVisible()).toBe(true);
    expect(await fallback.textContent()).toContain('JavaScript');
    expect(await fallback.locator('a[href$="/attivita/"]').count()).toBeGreaterThan(0);
  });

  test('the 404 page answers 404 and its search box leads to the search', async () => {
    const page = await site.visit('/non-esiste/', { status: 404 });
    await page.getByLabel('Cerca nel sito').fill('comuni');
    await page.getByLabel('Cerca nel sito').press('Enter');
    await page.waitForURL('**/cerca/?q=comuni');
    await page.locator('[data-search-status]:not(:empty)').waitFor();
  });
});
