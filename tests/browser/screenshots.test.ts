/**
 * The representative pages (see routes.ts) and the search with a query, on a phone (390 px) and
 * a desktop (1280 px): nothing sticks out sideways (no horizontal scrolling), the page's main
 * heading is visible, and what the reader sees first is a picture, not a blank sheet. The
 * screenshots (the first screenful: a full-page capture of the longest pages costs half a
 * minute) stay in `.annuario/screenshots/` for people to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, inject, test } from 'vitest';
import { useSite } from './harness.ts';
import { sitePagesToVisit } from './routes.ts';

const OUT_DIR = path.resolve(import.meta.dirname, '..', '..', '.annuario', 'screenshots');
const WIDTHS = [390, 1280];

/** A file name for a page: `/anci-lombardia/attivita/` → `anci-lombardia--attivita`. */
function shotName(urlPath: string): string {
  const name = urlPath
    .replace(/\.html$/, '')
    .replace(/[?=&]/g, '-')
    .split('/')
    .filter(Boolean)
    .join('--');
  return name === '' ? 'home' : name;
}

/**
 * How far the page sticks out past the right edge of the viewport, and the elements that stick
 * out furthest (none when 0). Measured on the elements, not on the document's scroll width: an
 * element cut off by the viewport is lost to the reader all the same. Elements inside a box that
 * scrolls or clips sideways (the wide tables' wrapper) are that box's business.
 */
function horizontalOverflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const inSideScroller = (el: Element) => {
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const sticking = [...document.body.querySelectorAll('*')]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ el, box }) => box.width > 0 && box.right > viewport + 1 && !inSideScroller(el))
      .sort((a, b) => b.box.right - a.box.right);
    const name = (el: Element) => `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}`;
    return {
      excess: Math.round(Math.max(0, ...sticking.map(({ box }) => box.right - viewport))),
      culprits: sticking.slice(0, 3).map(({ el, box }) => `${name(el)} (fino a ${Math.round(box.right)} px)`),
    };
  });
}

/** The largest standard deviation of the screenshot's colour channels: 0 for a sheet of one colour. */
async function colourSpread(png: Buffer): Promise<number> {
  const { channels } = await sharp(png).stats();
  return Math.max(...channels.slice(0, 3).map((channel) => channel.stdev));
}

const site = useSite();
const pages = [...sitePagesToVisit(inject('siteDir')), { pattern: 'ricerca', path: '/cerca/?q=comuni' }];

test('the checks see a page that scrolls sideways and a blank sheet', async () => {
  const page = await site.visit('/', { width: 390 });
  await page.evaluate(() =>
    document.querySelector('main')?.append(Object.assign(document.createElement('div'), { style: 'width: 600px' })),
  );
  const overflow = await horizontalOverflow(page);
  expect(overflow.excess).toBeGreaterThan(0);
  expect(overflow.culprits[0]).toContain('div');
  await page.evaluate(() => document.body.replaceChildren());
  expect(await colourSpread(await page.screenshot())).toBeLessThanOrEqual(10);
});

describe('pages on a phone and a desktop', () => {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  test.each(pages)('$path', async ({ path: urlPath }) => {
    for (const width of WIDTHS) {
      const page = await site.visit(urlPath, { width });
      if (urlPath.includes('?q=')) await page.locator('[data-search-status]:not(:empty)').waitFor();
      const overflow = await horizontalOverflow(page);
      expect(overflow.excess, `${urlPath} a ${width} px scorre di lato: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(0);
      expect(await page.locator('h1').first().isVisible(), `${urlPath} a ${width} px: titolo principale (h1) visibile`).toBe(true);
      const png = await page.screenshot({ path: path.join(OUT_DIR, `${shotName(urlPath)}-${width}.png`) });
      expect(await colourSpread(png), `${urlPath} a ${width} px: lo screenshot non è un foglio bianco`).toBeGreaterThan(10);
      await page.context().close();
    }
  });
});
