/**
 * The print version of each report (paginated by Paged.js into the PDF) as built HTML: one page
 * per report definition, not indexed and without site chrome, contents links that land on the
 * page, every catalogue card with its budget as printed, tables with a header row, charts of
 * fixed size with a text alternative, and no print page in the sitemap.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { cardAnchor, printedBudget } from '../../src/lib/site/print.ts';
import { typographicQuotes } from '../../src/lib/site/print-text.ts';
import { selectCards } from '../../src/lib/site/reports.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { loadSource } from '../../src/lib/validate/load.ts';
import { builtFile, page, text } from './html.ts';

const content = buildContentGraph(loadSource(process.cwd()).entries);
const printPages = content.reports.map((r) => [r.id, urls.printReport(r.id)] as const);

describe.each(printPages)('%s', (id, url) => {
  const $ = page(url);
  const report = content.reports.find((r) => r.id === id);

  test('Italian, not indexed, titled by the report, one h1', () => {
    expect($('html').attr('lang')).toBe('it');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('title').text()).toBe(report?.title);
    expect($('h1')).toHaveLength(1);
    expect($('h1').text().trim()).toBe(report?.title);
  });

  test('declares an icon that the build contains (else newer Chromium fetches /favicon.ico on its own)', () => {
    const icon = $('link[rel="icon"]').attr('href') ?? '';
    expect(icon).toMatch(/^\//);
    expect(fs.existsSync(builtFile(icon))).toBe(true);
  });

  test('no site header, menu, breadcrumbs or footer', () => {
    expect($('.site-header, .site-nav, .breadcrumb, .site-footer, .skip-link')).toHaveLength(0);
  });

  test('a cover, then the contents, then the chapters', () => {
    const order = $('.print-cover, .print-toc, .print-chapter:not(.print-annex)')
      .toArray()
      .map((el) => $(el).attr('class')?.split(' ')[0]);
    expect(order.slice(0, 2)).toEqual(['print-cover', 'print-toc']);
    expect(order.slice(2).every((c) => c === 'print-chapter')).toBe(true);
    expect(order.length - 2).toBe(report?.chapters.length);
  });

  test('every contents link points at an id on the page', () => {
    const hrefs = $('.print-toc a')
      .toArray()
      .map((a) => $(a).attr('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href).toMatch(/^#/);
      expect($(`[id="${href.slice(1)}"]`), href).toHaveLength(1);
    }
  });

  test('ids are unique', () => {
    const ids = $('[id]')
      .toArray()
      .map((el) => $(el).attr('id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('statistics tables have a header row with column headers', () => {
    $('.stats-table table').each((_, table) => {
      expect($(table).find('thead th[scope="col"]').length).toBeGreaterThan(0);
    });
  });

  test('charts: a figure of fixed size with a canvas to draw and its text alternative', () => {
    $('figure[data-print-chart]').each((_, figure) => {
      const $figure = $(figure);
      expect($figure.find('.print-chart__canvas canvas')).toHaveLength(1);
      const described = $figure.attr('aria-describedby') ?? '';
      expect(text($, `[id="${described}"]`).length).toBeGreaterThan(20);
      expect(JSON.parse($figure.attr('data-stats-chart') ?? '{}')).toMatchObject({ type: 'bar', options: { animation: false } });
    });
  });

  test('loads the prepare script and the print stylesheet, no inline style attributes', () => {
    expect($('script[type="module"][src]').length).toBeGreaterThan(0);
    expect($('link[rel="stylesheet"]').length).toBeGreaterThan(0);
    expect($('[style]')).toHaveLength(0);
  });
});

describe('print stylesheet', () => {
  const $ = page(urls.printReport('anci-toscana/bilancio-sociale-2019-2024'));
  const css = $('link[rel="stylesheet"]')
    .toArray()
    .map((link) => fs.readFileSync(builtFile($(link).attr('href') ?? ''), 'utf8'))
    .join('\n');

  test.each([
    ['A4 pages', /@page\s*\{[^}]*size:\s*A4/],
    ['mirrored margins', /@page\s*:left/],
    ['a cover page without running heads', /@page cover/],
    ['page X of Y', /var\(--print-page-before\)\s*counter\(page\)\s*var\(--print-page-between\)\s*counter\(pages\)/],
    ['contents numbers from the targets', /target-counter\(attr\(href url\),\s*page\)/],
    ['chapters on right-hand pages', /break-before:\s*right/],
    ['repeated table headers', /thead\s*\{[^}]*display:\s*table-header-group/],
    ['rows never split', /tr\s*\{[^}]*break-inside:\s*avoid/],
    ['charts of fixed printed size', /\.print-chart__canvas\s*\{[^}]*width:\s*\d+mm[^}]*height:\s*\d+mm/],
  ])('%s', (_name, pattern) => {
    expect(css).toMatch(pattern);
  });

  test('the words of "Pagina X di Y" from it.json, as custom properties of the page', () => {
    const inline = $('style').text();
    expect(inline).toContain('--print-page-before:"Pagina ";--print-page-between:" di ";--print-page-after:""');
  });

  test('one string-set rule per string name (Paged.js keeps only the last)', () => {
    const names = [...css.matchAll(/string-set:\s*([a-z-]+)/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('catalogue cards in print', () => {
  const report = content.reports.find((r) => r.id === 'anci-lombardia/catalogo-attivita');
  const $ = page(urls.printReport('anci-lombardia/catalogo-attivita'));
  const chapters = report?.chapters.filter((c) => c.type === 'cards') ?? [];
  const cards = chapters.flatMap((c) => (c.type === 'cards' ? selectCards(content.projects, c.filter, c.order, 'anci-lombardia') : []));

  test('every card of the cards chapters is printed once, in order, and listed in the contents', () => {
    expect(cards.length).toBeGreaterThan(70);
    const printed = $('article.print-card')
      .toArray()
      .map((el) => $(el).attr('data-card'));
    expect(printed).toEqual(cards.map((c) => c.id));
    const listed = $('.print-toc a[href^="#scheda-"]')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect(listed).toEqual(cards.map((c) => `#${cardAnchor(c.id)}`));
  });

  test.each([
    ['anci-lombardia/concessioni-stogit', '8.739.950,00'],
    ['anci-lombardia/inlav', '1.714.067,00'],
  ])('%s shows its budget as printed', (id, amount) => {
    expect(text($, `[data-card="${id}"] .print-card__budget`)).toContain(amount);
  });

  test('each card shows its budget as printed (or IN DEFINIZIONE) and its dates as printed', () => {
    for (const card of cards) {
      const selector = `[data-card="${card.id}"]`;
      expect(text($, `${selector} .print-card__title`)).toBe(typographicQuotes(card.title));
      expect(text($, `${selector} .print-card__budget`)).toBe(printedBudget(card.budget).replace(/\s+/g, ' '));
      if (card.datesAsPrinted) expect(text($, `${selector} .print-card__dates`)).toBe(card.datesAsPrinted);
    }
  });
});

test('the sitemap lists no print page', () => {
  const sitemaps = fs.readdirSync(path.dirname(builtFile('/'))).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  expect(sitemaps.length).toBeGreaterThan(0);
  for (const file of sitemaps) expect(fs.readFileSync(builtFile(`/${file}`), 'utf8')).not.toContain('/stampa/');
});

describe('plan annex', () => {
  test('no report definition asks for the previous-plan annex, so no printed plan has one', () => {
    for (const id of ['piano-attivita-2021', 'priorita-2018']) {
      const $ = page(`/stampa/anci-toscana/${id}/`);
      expect($('section.print-annex')).toHaveLength(0);
      expect($('.print-toc').text()).not.toContain('Allegato');
    }
  });
});

describe('only publishable content', () => {
  test.each(printPages)('%s: no link to a page of the site (no public address configured), no trail link', (_id, url) => {
    const $ = page(url);
    const hrefs = $('a[href]')
      .toArray()
      .map((a) => $(a).attr('href') ?? '');
    expect(hrefs.filter((href) => href.startsWith('/'))).toEqual([]);
    expect($('.objective__trail')).toHaveLength(0);
    expect($('body').text()).not.toMatch(/Segui l.obiettivo/);
  });

  test('the 2021 plan leaves out the 2024 membership figures and presentation', () => {
    const $ = page('/stampa/anci-toscana/piano-attivita-2021/');
    expect($('.org-profile .figures')).toHaveLength(0);
    expect($('.org-profile').text()).not.toMatch(/Dati al 2024|2023/);
  });

  test('the social report prints the headline figures as declared, with no note on the table sums', () => {
    const $ = page('/stampa/anci-toscana/bilancio-sociale-2019-2024/');
    const values = $('.print-figures__value')
      .toArray()
      .map((el) =>
        $(el)
          .text()
          .replace(/\u00ad/g, ''),
      );
    expect(values).toContain('44.850');
    expect($('body').text()).not.toContain('Il documento dichiara');
  });
});

describe('one-value series in print', () => {
  const $ = page(urls.printReport('anci-toscana/bilancio-sociale-2019-2024'));

  test('the WhatsApp series (one value, January–June 2024) prints as a figure, not as a one-bar chart', () => {
    const values = $('[data-print-chart-value]');
    expect(values).toHaveLength(1);
    expect(text($, '[data-print-chart-value] .print-chart-value__number')).toBe('36');
    const unhyphenated = (value: string) => value.replace(/\u00ad/g, '');
    expect(unhyphenated(text($, '[data-print-chart-value] .print-chart-value__label'))).toContain('WhatsApp');
    const charts = $('figure[data-print-chart] .print-chart__title')
      .toArray()
      .map((el) => unhyphenated($(el).text()));
    expect(charts.some((title) => title.includes('WhatsApp'))).toBe(false);
    expect(charts.length).toBeGreaterThan(10);
  });
});

describe('edition on the cover', () => {
  test.each([
    // The catalogue has no edition of its own: its source document's, from the register.
    ['anci-lombardia/catalogo-attivita', 'Edizione 2024'],
    ['anci-toscana/bilancio-sociale-2019-2024', 'Edizione giugno 2024'],
    // A one-year plan: its period already says 2021.
    ['anci-toscana/piano-attivita-2021', ''],
  ])('%s: «%s»', (id, expected) => {
    expect(text(page(urls.printReport(id)), '.print-cover__edition')).toBe(expected);
  });
});
