/**
 * Accessibility of every page of the built example site (all its HTML files: the pages in the
 * sitemap, the 404 page, the print versions of the reports): axe-core with the WCAG 2.0/2.1 A
 * and AA rules, in a real browser, 0 violations. One browser, several pages at a time (the
 * file's tests run concurrently), axe only. axe-core is put into each page as it loads and run
 * there directly: @axe-core/playwright's AxeBuilder would inject its half-megabyte source again
 * on every run, most of the time per page (the pages have no frames, the one thing it adds).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { useSite } from './harness.ts';
import { builtPages } from './routes.ts';

const RUN_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Only violations matter here: axe then skips collecting every passing element.
  resultTypes: ['violations'],
};

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js', { paths: [require.resolve('@axe-core/playwright')] }), 'utf8');

/** Violations as readable text: rule, impact, what to do, and up to five offending elements. */
function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((node) => `    - ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
      const more = v.nodes.length > 5 ? [`    … e altri ${v.nodes.length - 5} elementi`] : [];
      return [`  ${v.id} (${v.impact ?? '?'}): ${v.help}`, `    ${v.helpUrl}`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

const site = useSite();
const pages = builtPages(inject('siteDir'));

test('every page of the site is checked, not a sample', () => {
  expect(pages.length).toBeGreaterThan(200);
  expect(pages).toContain('/');
  expect(pages).toContain('/404.html');
  expect(pages.some((p) => p.startsWith('/stampa/'))).toBe(true);
});

/** Runs axe-core (already in the page) on the whole document. */
function runAxe(page: Page): Promise<AxeResults> {
  type WithAxe = { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } };
  return page.evaluate((options) => (window as unknown as WithAxe).axe.run(document, options), RUN_OPTIONS);
}

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

describe.concurrent('axe-core WCAG 2.1 AA', () => {
  test.for(pages)('%s', async (path, { expect }) => {
    const { page, problems, close } = await site.open(path, { initScript: axeSource });
    try {
      const { violations } = await runAxe(page);
      expect(violations.length, `violazioni di accessibilità in ${path}:\n${describeViolations(violations)}`).toBe(0);
      expect(problems, `problemi segnalati da ${path} nel browser`).toEqual([]);
    } finally {
      await close();
    }
  });
});
