/**
 * The catalogue in a real browser: facet clicks, combined filters, the URL that holds them, the
 * Back button, and the same catalogue without JavaScript (facet links lead to static views).
 * Expected counts come from the content itself, not from the page.
 */
import { describe, expect, test } from 'vitest';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { sourceRoot } from '../../src/lib/source.ts';
import { loadSource } from '../../src/lib/validate/load.ts';
import { useSite } from './harness.ts';

const graph = buildContentGraph(loadSource(sourceRoot()).entries);
const cards = graph.projects.filter((c) => c.organization.id === 'anci-lombardia');
const count = (pred: (c: (typeof cards)[number]) => boolean) => cards.filter(pred).length;
const site = useSite();
const CATALOGUE = '/anci-lombardia/attivita/';

describe('catalogue with JavaScript', () => {
  test('a status click filters the list, updates the count and the URL', async () => {
    const page = await site.visit(CATALOGUE);
    await expect.poll(() => page.locator('#catalogue-count').textContent()).toBe(`${cards.length} attività`);
    await page.locator('button[data-facet="stato"][data-value="attivo"]').click();
    const active = count((c) => c.status === 'attivo');
    await expect.poll(() => page.locator('#catalogue-count').textContent()).toBe(`${active} di ${cards.length} attività`);
    expect(await page.locator('#catalogue-list > li:not([hidden])').count()).toBe(active);
    expect(new URL(page.url()).search).toBe('?stato=attivo');
    expect(await page.locator('button[data-facet="stato"][data-value="attivo"]').getAttribute('aria-pressed')).toBe('true');
  });

  test('two facets combine (AND across facets), a second value widens (OR within a facet)', async () => {
    const page = await site.visit(CATALOGUE);
    await page.locator('button[data-facet="stato"][data-value="attivo"]').click();
    await page.locator('details[data-facet-group="area"] > summary').click();
    await page.locator('button[data-facet="area"][data-value="welfare"]').click();
    const both = count((c) => c.status === 'attivo' && c.areas.some((a) => a.id === 'welfare'));
    await expect.poll(() => page.locator('#catalogue-count').textContent()).toBe(`${both} di ${cards.length} attività`);
    await page.locator('button[data-facet="stato"][data-value="concluso"]').click();
    const wider = count((c) => (c.status === 'attivo' || c.status === 'concluso') && c.areas.some((a) => a.id === 'welfare'));
    await expect.poll(() => page.locator('#catalogue-count').textContent()).toBe(`${wider} di ${cards.length} attività`);
    expect(new URL(page.url()).searchParams.getAll('stato')).toEqual(['attivo', 'concluso']);
    // Back undoes the last click.
    await page.goBack();
    await expect.poll(() => page.locator('#catalogue-count').textContent()).toBe(`${both} di ${cards.length} attività`);
  });

  test('a shared URL restores its filters, opening folded facet groups', async () => {
    const page = await site.visit(`${CATALOGUE}?area=welfare&importo=oltre-1-milione`);
    const big = count((c) => c.areas.some((a) => a.id === 'welfare') && c.budget?.status === 'importo' && c.budget.cents > 100_000_000);
    await expect.poll(() => page.locator('#catalogue-count').textContent()).toBe(`${big} di ${cards.length} attività`);
    expect(await page.locator('details[data-facet-group="area"]').getAttribute('open')).not.toBeNull();
  });

  test('"Azzera filtri" shows every card again', async () => {
    const page = await site.visit(`${CATALOGUE}?stato=concluso`);
    await page.locator('[data-catalogue-reset]').click();
    await expect.poll(() => page.locator('#catalogue-count').textContent()).toBe(`${cards.length} attività`);
    expect(new URL(page.url()).search).toBe('');
  });
});

describe('catalogue without JavaScript', () => {
  test('is the complete list, and a facet link leads to its static view', async () => {
    const page = await site.visit(CATALOGUE, { context: { javaScriptEnabled: false } });
    expect(await page.locator('#catalogue-list > li').count()).toBe(cards.length);
    await page.locator('a[data-facet="stato"][data-value="in-progettazione"]').click();
    await page.waitForURL('**/attivita/stato/in-progettazione/');
    expect(await page.locator('#catalogue-list > li').count()).toBe(count((c) => c.status === 'in-progettazione'));
  });
});
