/**
 * Full-page screenshots of the representative pages (see routes.ts) and of the search with a
 * query, on a phone (390 px) and a desktop (1280 px), into `.annuario/screenshots/` for people
 * to look at. Nothing is compared; the visits still fail on console, CSP or network problems.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, inject, test } from 'vitest';
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

const site = useSite();
const pages = [...sitePagesToVisit(inject('siteDir')), { pattern: 'ricerca', path: '/cerca/?q=comuni' }];

describe('screenshots', () => {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  // Chromium sometimes refuses a very tall full-page capture under load ("Unable to capture
  // screenshot"): the pictures are for people to look at, so a retry is enough.
  test.each(pages)('$path', { retry: 2 }, async ({ path: urlPath }) => {
    for (const width of WIDTHS) {
      const page = await site.visit(urlPath, { width });
      if (urlPath.includes('?q=')) await page.locator('[data-search-status]:not(:empty)').waitFor();
      await page.screenshot({ path: path.join(OUT_DIR, `${shotName(urlPath)}-${width}.png`), fullPage: true });
      await page.context().close();
    }
  });
});
