/**
 * axe-core in a real browser, shared by the quick check of every page type (axe.test.ts) and the
 * full sweep of every built page (tests/full/axe-every-page.test.ts): the WCAG 2.0/2.1 A and AA
 * rules, 0 violations. axe-core is put into each page as it loads and run there directly:
 * @axe-core/playwright's AxeBuilder would inject its half-megabyte source again on every run,
 * most of the time per page (the pages have no frames, the one thing it adds).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SiteHarness } from './harness.ts';

const RUN_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Only violations matter here: axe then skips collecting every passing element.
  resultTypes: ['violations'],
};

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, the version @axe-core/playwright depends on. */
export const axeSource = fs.readFileSync(
  require.resolve('axe-core/axe.min.js', { paths: [require.resolve('@axe-core/playwright')] }),
  'utf8',
);

/** Violations as readable text: rule, impact, what to do, and up to five offending elements. */
export function describeViolations(violations: readonly Result[]): string {
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

/** Runs axe-core (already in the page through `axeSource`) on the whole document. */
export function runAxe(page: Page): Promise<AxeResults> {
  type WithAxe = { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } };
  return page.evaluate((options) => (window as unknown as WithAxe).axe.run(document, options), RUN_OPTIONS);
}

/** Opens `path`, runs axe and fails `check` (the concurrent test's own `expect`) on any violation or page problem. */
export async function expectNoViolations(site: SiteHarness, path: string, check: typeof expect): Promise<void> {
  const { page, problems, close } = await site.open(path, { initScript: axeSource });
  try {
    const { violations } = await runAxe(page);
    check(violations.length, `violazioni di accessibilità in ${path}:\n${describeViolations(violations)}`).toBe(0);
    check(problems, `problemi segnalati da ${path} nel browser`).toEqual([]);
  } finally {
    await close();
  }
}
