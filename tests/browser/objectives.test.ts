/**
 * The objectives page in a real browser: the filters appear with JavaScript, a status click
 * changes the count to what the content says, the URL keeps the filter, Back undoes it; without
 * JavaScript the whole list shows. Expected counts come from the content, not from the page.
 */
import { describe, expect, test } from 'vitest';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { objectiveTrails } from '../../src/lib/site/objective-trails.ts';
import { sourceRoot } from '../../src/lib/source.ts';
import { loadSource } from '../../src/lib/validate/load.ts';
import { useSite } from './harness.ts';

const graph = buildContentGraph(loadSource(sourceRoot()).entries);
const trails = objectiveTrails(graph.plans, 'anci-toscana');
const inProgress = trails.filter((t) => t.status === 'in-corso').length;
const from2018In2021 = trails.filter((t) => t.years.includes(2018) && t.years.includes(2021)).length;
const site = useSite();
const PAGE = '/anci-toscana/obiettivi/';

describe('objectives filters with JavaScript', () => {
  test('a status click filters the list, updates the count and the URL', async () => {
    const page = await site.visit(PAGE);
    await expect.poll(() => page.locator('[data-objectives-filters]').isVisible()).toBe(true);
    expect(await page.locator('#objectives-count').textContent()).toBe(`${trails.length} obiettivi`);
    await page.locator('button[data-filter="stato"][data-value="in-corso"]').click();
    await expect.poll(() => page.locator('#objectives-count').textContent()).toBe(`${inProgress} di ${trails.length} obiettivi`);
    expect(await page.locator('[data-objectives-list] > li:not([hidden])').count()).toBe(inProgress);
    expect(await page.locator('#obiettivo-2018-riforma-cal').isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('?stato=in-corso');
    expect(await page.locator('button[data-filter="stato"][data-value="in-corso"]').getAttribute('aria-pressed')).toBe('true');
    await page.goBack();
    await expect.poll(() => page.locator('#objectives-count').textContent()).toBe(`${trails.length} obiettivi`);
  });

  test('two years narrow to the objectives carried across both (a shared URL restores it)', async () => {
    const page = await site.visit(`${PAGE}?anno=2018`);
    const in2018 = trails.filter((t) => t.years.includes(2018)).length;
    await expect.poll(() => page.locator('#objectives-count').textContent()).toBe(`${in2018} di ${trails.length} obiettivi`);
    // Within one filter values widen: 2018 or 2021 is every trail.
    await page.locator('button[data-filter="anno"][data-value="2021"]').click();
    await expect.poll(() => page.locator('#objectives-count').textContent()).toBe(`${trails.length} obiettivi`);
    expect(from2018In2021).toBeGreaterThan(0);
    await page.locator('[data-objectives-reset]').click();
    expect(new URL(page.url()).search).toBe('');
  });
});

describe('objectives without JavaScript', () => {
  test('the whole list, no filter panel', async () => {
    const page = await site.visit(PAGE, { context: { javaScriptEnabled: false } });
    expect(await page.locator('[data-objectives-filters]').isVisible()).toBe(false);
    expect(await page.locator('[data-objectives-list] > li:visible').count()).toBe(trails.length);
  });
});
