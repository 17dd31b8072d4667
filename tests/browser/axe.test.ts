/**
 * Accessibility of every page type of the built example site: axe-core with the WCAG 2.0/2.1 A
 * and AA rules, in a real browser, 0 violations, on one page per route (the richest, see
 * routes.ts), the 404 page and a print version of a report. The sweep of every built page is
 * `npm run test:full` (tests/full/axe-every-page.test.ts).
 */
import { describe, expect, inject, test } from 'vitest';
import { axeSource, expectNoViolations, runAxe } from './axe.ts';
import { useSite } from './harness.ts';
import { pageRoutes, pageTypes, projectPagesDir } from './routes.ts';

const site = useSite();
const pages = pageTypes(inject('siteDir'));

test('one page of every route is checked, the 404 page and a print page among them', () => {
  const checked = new Set(pages.map((p) => p.pattern));
  const builtRoutes = pageRoutes(projectPagesDir).filter((route) => !route.pattern.includes('404'));
  expect(builtRoutes.map((route) => route.pattern).filter((pattern) => !checked.has(pattern))).toEqual([]);
  expect(pages.map((p) => p.path)).toContain('/404.html');
  expect(pages.some((p) => p.path.startsWith('/stampa/'))).toBe(true);
});

test('the check sees a violation when there is one', async () => {
  const { page, close } = await site.open('/', { initScript: axeSource });
  try {
    await page.evaluate(() =>
      document.querySelector('main')?.append(Object.assign(document.createElement('img'), { src: '/favicon.svg' })),
    );
    expect((await runAxe(page)).violations.map((v) => v.id)).toContain('image-alt');
  } finally {
    await close();
  }
});

describe.concurrent('axe-core WCAG 2.1 AA, one page per type', () => {
  test.for(pages.map((p) => [p.pattern, p.path] as const))('%s (%s)', async ([, path], { expect }) => {
    await expectNoViolations(site, path, expect);
  });
});
