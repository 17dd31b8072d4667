/**
 * The full sweep (`npm run test:full`): axe-core WCAG 2.1 AA on every HTML page of the built
 * example site (the pages in the sitemap, the 404 page, the print versions of the reports), not
 * one per type as `npm test` does. One browser, several pages at a time.
 */
import { describe, expect, inject, test } from 'vitest';
import { expectNoViolations } from '../browser/axe.ts';
import { useSite } from '../browser/harness.ts';
import { builtPages } from '../browser/routes.ts';

const site = useSite();
const pages = builtPages(inject('siteDir'));

test('every page of the site is checked, not a sample', () => {
  expect(pages.length).toBeGreaterThan(200);
  expect(pages).toContain('/');
  expect(pages).toContain('/404.html');
  expect(pages.some((p) => p.startsWith('/stampa/'))).toBe(true);
});

describe.concurrent('axe-core WCAG 2.1 AA, every page', () => {
  test.for(pages)('%s', async (path, { expect }) => {
    await expectNoViolations(site, path, expect);
  });
});
