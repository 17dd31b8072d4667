/**
 * What readers of the best data sites expect, in a real browser: the catalogue's text search
 * (in the address, combined with the facets), the € total of what is shown, the shown list as
 * CSV (a subset of the open data's rows), the filters folded on phones behind one button with
 * the count, and the PNG, SVG and CSV downloads under every chart. Expected values come from
 * the content itself.
 */
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { formatEuroCents } from '../../src/lib/format.ts';
import { sourceRoot } from '../../src/lib/source.ts';
import { loadSource } from '../../src/lib/validate/load.ts';
import { useSite } from './harness.ts';

const graph = buildContentGraph(loadSource(sourceRoot()).entries);
const cards = graph.projects.filter((c) => c.organization.id === 'anci-lombardia');
const site = useSite();
const CATALOGUE = '/anci-lombardia/attivita/';

/** The text of a download, saved by the browser. */
async function downloaded(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file);
}

const countText = (page: Page) => page.locator('#catalogue-count').textContent();

describe('catalogue text search', () => {
  const rifiuti = cards.filter((c) => /rifiuti/i.test(`${c.title} ${c.summary} ${c.areas.map((a) => a.label).join(' ')}`));

  test('typing filters the list, goes into the address and combines with the facets', async () => {
    expect(rifiuti.length).toBeGreaterThan(0);
    const page = await site.visit(CATALOGUE);
    await page.getByLabel('Cerca nel catalogo').fill('rifiuti');
    await expect.poll(() => countText(page)).toBe(`${rifiuti.length} di ${cards.length} attività`);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('rifiuti');
    const active = rifiuti.filter((c) => c.status === 'attivo').length;
    await page.locator('button[data-facet="stato"][data-value="attivo"]').click();
    await expect.poll(() => countText(page)).toBe(`${active} di ${cards.length} attività`);
  });

  test('a shared address restores the words in the box', async () => {
    const page = await site.visit(`${CATALOGUE}?q=Rifiuti`);
    expect(await page.getByLabel('Cerca nel catalogo').inputValue()).toBe('Rifiuti');
    await expect.poll(() => countText(page)).toBe(`${rifiuti.length} di ${cards.length} attività`);
  });
});

describe('€ total of what is shown', () => {
  const sum = (list: typeof cards) => list.reduce((total, c) => total + (c.budget?.status === 'importo' ? c.budget.cents : 0), 0);

  test('follows the filter', async () => {
    const page = await site.visit(CATALOGUE);
    const total = page.locator('[data-catalogue-total]');
    expect(await total.textContent()).toContain(formatEuroCents(sum(cards)));
    await page.locator('button[data-facet="stato"][data-value="concluso"]').click();
    await expect.poll(() => total.textContent()).toContain(formatEuroCents(sum(cards.filter((c) => c.status === 'concluso'))));
  });

  test('each funding programme page gives its total', () => {
    const programme = graph.funding.find((f) =>
      graph.projects.some((c) => c.funding.some((x) => x.id === f.id) && c.budget?.status === 'importo'),
    );
    expect(programme).toBeDefined();
    const funded = graph.projects.filter((c) => c.funding.some((f) => f.id === programme?.id));
    const html = fs.readFileSync(path.join(inject('siteDir'), 'finanziamenti', programme?.id ?? '', 'index.html'), 'utf8');
    expect(html).toContain(formatEuroCents(sum(funded)));
  });
});

describe('the shown list as CSV', () => {
  test('has the open data columns and the rows of the shown cards', async () => {
    const page = await site.visit(`${CATALOGUE}?stato=concluso`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-catalogue-csv]').click()]);
    expect(download.suggestedFilename()).toBe('attivita-anci-lombardia.csv');
    const csv = (await downloaded(download)).toString('utf8');
    const openData = fs.readFileSync(path.join(inject('siteDir'), 'dati', 'schede.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(openData.split('\r\n')[0]);
    const rows = parse<Record<string, string>>(csv, { columns: true, bom: true });
    const concluded = cards.filter((c) => c.status === 'concluso');
    expect(rows.map((r) => r['id']).sort()).toEqual(concluded.map((c) => c.id).sort());
    const published = new Map(parse<Record<string, string>>(openData, { columns: true, bom: true }).map((r) => [r['id'], r]));
    for (const row of rows) expect(row).toEqual(published.get(row['id']));
  });
});

describe('filters on phones', () => {
  test('fold behind one button that shows the count, and open with it', async () => {
    const page = await site.visit(`${CATALOGUE}?stato=attivo`, { width: 390 });
    const toggle = page.locator('[data-catalogue-toggle]');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    const active = cards.filter((c) => c.status === 'attivo').length;
    expect(await toggle.textContent()).toBe(`Filtri · ${active} di ${cards.length} attività`);
    expect(await page.locator('#catalogue-panel').isVisible()).toBe(false);
    const toggleBox = await toggle.boundingBox();
    const listBox = await page.locator('#catalogue-list').boundingBox();
    expect((listBox?.y ?? 9999) - (toggleBox?.y ?? 0)).toBeLessThan(450);
    await toggle.click();
    expect(await page.locator('#catalogue-panel').isVisible()).toBe(true);
    await page.locator('[data-catalogue-show]').click();
    expect(await page.locator('#catalogue-panel').isVisible()).toBe(false);
  });

  test('stay open beside the list on a desktop, with no fold button', async () => {
    const page = await site.visit(CATALOGUE);
    expect(await page.locator('#catalogue-panel').isVisible()).toBe(true);
    expect(await page.locator('[data-catalogue-toggle]').isVisible()).toBe(false);
  });
});

describe('downloads under every chart', () => {
  test.each(['png', 'svg', 'csv'] as const)('%s', async (format) => {
    const table = graph.stats.find((s) => s.id === 'anci-toscana/social') ?? graph.stats[0];
    const page = await site.visit(`/${table?.id.replace('/', '/statistiche/')}/`);
    const figure = page.locator('figure.stats-chart').first();
    await figure.scrollIntoViewIfNeeded();
    const button = figure.locator(`button[data-chart-download="${format}"]`);
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`-grafico-1\\.${format}$`));
    const bytes = await downloaded(download);
    if (format === 'png') expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    if (format === 'svg') {
      const svg = bytes.toString('utf8');
      expect(svg).toMatch(/^<svg[\s>]/);
      expect(svg).toMatch(/<(rect|path)\b/);
      expect(svg).toContain('<text');
    }
    // The same CSV writer as the open data: a byte-order mark first, for Excel.
    if (format === 'csv') expect(bytes.toString('utf8').split('\r\n')[0]).toMatch(/^\uFEFFperiodo,/);
    expect(await figure.locator('[data-chart-downloads]').isVisible()).toBe(true);
  });
});
