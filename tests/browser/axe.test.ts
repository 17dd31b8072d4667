/**
 * Accessibility of one representative page per route (the richest page of each route found in
 * the built sitemap, see routes.ts) plus the 404 page: axe-core with the WCAG 2.0/2.1 A and AA
 * rules, in a real browser, 0 violations.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { describe, expect, inject, test } from 'vitest';
import { useSite } from './harness.ts';
import { sitePagesToVisit } from './routes.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

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

describe('axe-core WCAG 2.1 AA', () => {
  test.each(sitePagesToVisit(inject('siteDir')))('$pattern ($path)', async ({ path }) => {
    const page = await site.visit(path);
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(violations.length, `violazioni di accessibilità in ${path}:\n${describeViolations(violations)}`).toBe(0);
  });
});
