/** The statistics pages of the built site: tables, partial periods, CSV, headline figures, charts. */
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtFile, page, text } from './html.ts';

const TOSCANA_TABLES = ['eventi', 'formazione', 'rappresentanza', 'servizi', 'social', 'studi-ricerche'];
const PERIODS = ['2019', '2020', '2021', '2022', '2023', 'gen–giu 2024*'];

describe.each(TOSCANA_TABLES)('/anci-toscana/statistiche/%s/', (slug) => {
  const url = `/anci-toscana/statistiche/${slug}/`;
  const $ = page(url);

  test('has one h1 and a data table with caption, column and row headers', () => {
    expect($('h1')).toHaveLength(1);
    const table = $('.stats-table table');
    expect(table).toHaveLength(1);
    expect(table.find('caption').text().trim()).toBe(text($, 'h1'));
    expect(table.find('tbody th[scope=row]').length).toBeGreaterThan(0);
  });

  test('its scrolling wrapper is a keyboard-reachable region named by the caption', () => {
    const region = $('.stats-table .table-scroll');
    // A <section> named by aria-labelledby is a region landmark without an explicit role.
    expect(region.is('section')).toBe(true);
    expect(region.attr('tabindex')).toBe('0');
    expect($(`#${region.attr('aria-labelledby') ?? ''}`).is('caption')).toBe(true);
  });

  test('column headers are the periods, the partial one marked in text and explained in a footnote', () => {
    const headers = $('.stats-table thead th[scope=col]')
      .toArray()
      .map((th) => $(th).clone().find('.visually-hidden').remove().end().text().trim());
    expect(headers).toEqual(PERIODS);
    expect($('.stats-table thead th[scope=col]').last().find('.visually-hidden').text()).toContain('periodo parziale');
    expect(text($, '.stats-table__footnote')).toBe('* periodo parziale: gennaio–giugno 2024');
  });

  test('links its CSV, which exists with the header riga,gruppo,unita,<periods>', () => {
    const link = $(`a[href="/anci-toscana/statistiche/${slug}.csv"]`);
    expect(link).toHaveLength(1);
    expect(link.text()).toMatch(/CSV, [\d,]+ (byte|kB)/);
    const csv = fs.readFileSync(builtFile(`/anci-toscana/statistiche/${slug}.csv`), 'utf8');
    // The byte-order mark first, so Excel reads the accents as UTF-8.
    expect(csv.split('\r\n')[0]).toBe('\uFEFFriga,gruppo,unita,2019,2020,2021,2022,2023,gen–giu 2024');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength($('.stats-table tbody th[scope=row]').length + 1);
  });

  test('shows its charts as figures with an Italian text alternative, and loads the chart script', () => {
    const figures = $('figure[data-stats-chart]');
    expect(figures.length).toBeGreaterThan(0);
    figures.each((_, figure) => {
      const described = $(figure).attr('aria-describedby') ?? '';
      expect($(figure).find('canvas').attr('aria-hidden')).toBe('true');
      expect($(`#${described}`).text()).toMatch(/^Grafico a barre di «.+», dal 2019 a gennaio–giugno 2024\./);
      expect($(figure).find('figcaption').text().trim()).not.toBe('');
      const config = JSON.parse($(figure).attr('data-stats-chart') ?? '{}') as { options: { animation: boolean } };
      expect(config.options.animation).toBe(false);
    });
    expect($('script[type=module][src*="StatsChart"]')).toHaveLength(1);
  });
});

describe('the events table', () => {
  const $ = page('/anci-toscana/statistiche/eventi/');

  test('shows both the printed and the computed totals', () => {
    const figures = text($, '.headline-figures');
    expect(figures).toContain('569');
    expect(figures).toContain('Il documento dichiara 552; la somma della tabella dà 569.');
    expect(figures).toContain('Il documento dichiara 44.850; la somma della tabella dà 46.715.');
    expect(figures).toContain('Comprende il periodo parziale gennaio–giugno 2024.');
  });

  test('values are formatted in Italian', () => {
    expect(text($, '.stats-table tbody')).toContain('10.627');
  });
});

describe('the social table', () => {
  const $ = page('/anci-toscana/statistiche/social/');

  test('groups rows under group headings', () => {
    const groups = $('.stats-table tbody th[scope=rowgroup]')
      .toArray()
      .map((th) => $(th).text().trim());
    expect(groups).toEqual(['Facebook', 'Instagram', 'X', 'LinkedIn', 'WhatsApp']);
  });

  test('says "dato non disponibile" for a missing value, not only a dash', () => {
    const cell = $('.stats-table tbody tr')
      .filter((_, tr) => $(tr).find('th[scope=row]').text().trim() === 'post/stories pubblicati')
      .find('td')
      .first();
    expect(cell.find('[aria-hidden=true]').text()).toBe('—');
    expect(cell.find('.visually-hidden').text()).toBe('dato non disponibile');
  });

  test('never plots posts and views on the same axis', () => {
    const labels = $('figure[data-stats-chart]')
      .toArray()
      .map((f) =>
        (JSON.parse($(f).attr('data-stats-chart') ?? '{}') as { data: { datasets: { label: string }[] } }).data.datasets.map(
          (d) => d.label,
        ),
      );
    expect(labels).toContainEqual(['Facebook: post pubblicati']);
    expect(labels).toContainEqual(['Facebook: visualizzazioni']);
  });

  test('shows a series with one value as that value, not as a one-bar chart', () => {
    const plotted = $('figure[data-stats-chart]')
      .toArray()
      .flatMap((f) =>
        (JSON.parse($(f).attr('data-stats-chart') ?? '{}') as { data: { datasets: { label: string }[] } }).data.datasets.map(
          (d) => d.label,
        ),
      );
    expect(plotted.filter((label) => label.startsWith('WhatsApp'))).toEqual([]);
    const value = $('.stats-charts [data-chart-value] .figure');
    expect(value).toHaveLength(1);
    expect(value.find('.figure__value').text()).toBe('36');
    expect(value.find('.figure__label').text()).toBe('WhatsApp: aggiornamenti pubblicati');
    expect(value.find('.stats-chart-value__period').text()).toMatch(/2024/);
  });
});

describe('/anci-toscana/statistiche/', () => {
  const $ = page('/anci-toscana/statistiche/');

  test('lists every table with a link to its page and its headline figures', () => {
    const links = $('main h2 a')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect(links).toEqual(expect.arrayContaining(TOSCANA_TABLES.map((slug) => `/anci-toscana/statistiche/${slug}/`)));
    expect(text($, 'main')).toContain('Il documento dichiara 552; la somma della tabella dà 569.');
    expect(text($, 'main')).toContain('8,3 milioni di euro');
  });

  test('ships no chart code', () => {
    expect($('script[src*="StatsChart"]')).toHaveLength(0);
  });
});

describe('a table of headline figures only', () => {
  const $ = page('/anci-toscana/statistiche/servizio-civile/');

  test('has figures, no table, no chart, no CSV', () => {
    expect($('.headline-figures li')).toHaveLength(5);
    expect($('table')).toHaveLength(0);
    expect($('figure[data-stats-chart]')).toHaveLength(0);
    expect($('script[src*="StatsChart"]')).toHaveLength(0);
    expect(fs.existsSync(builtFile('/anci-toscana/statistiche/servizio-civile.csv'))).toBe(false);
  });
});

test.each(['/anci-lombardia/', '/anci-toscana/', '/dati/'])('%s ships no Chart.js', (url) => {
  const $ = page(url);
  expect($('script[src*="StatsChart"], script[src*="stats-chart"]')).toHaveLength(0);
});
