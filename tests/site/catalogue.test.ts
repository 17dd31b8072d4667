/** The activity catalogue on the built site, checked against the content and the seed document. */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { loadSource } from '../../src/lib/validate/load.ts';
import { builtFile, indexedContent, page, text } from './html.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const graph = buildContentGraph(loadSource(repoRoot).entries);
const lombardia = graph.projects.filter((p) => p.organization.id === 'anci-lombardia');
const catalogueSeed = fs.readFileSync(path.join(repoRoot, 'data', 'documents', '003_212a1361b903dde0.txt'), 'utf8');

/** The years offered by the catalogue's year filter. */
function $catalogueYears(): number[] {
  const $ = page('/anci-lombardia/attivita/');
  return $('a[data-facet="anno"]')
    .toArray()
    .map((a) => Number($(a).attr('data-value')))
    .filter((year) => Number.isInteger(year));
}

/** Visible text with the no-break spaces of Intl turned into plain spaces, as printed. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('catalogue of ANCI Lombardia', () => {
  const $ = page('/anci-lombardia/attivita/');

  test('each status badge says as of which edition, as the card pages do («Attivo nel 2024»; «Concluso» has no date)', () => {
    const badges = (status: string): string[] =>
      $(`#catalogue-list .badge--${status}`)
        .toArray()
        .map((el) => $(el).text());
    expect(new Set(badges('attivo'))).toEqual(new Set(['Attivo nel 2024']));
    expect(new Set(badges('in-progettazione'))).toEqual(new Set(['In progettazione nel 2024']));
    expect(new Set(badges('concluso'))).toEqual(new Set(['Concluso']));
  });

  test('lists every card, each linking to its page', () => {
    const items = $('#catalogue-list > li');
    expect(items).toHaveLength(75);
    expect(lombardia).toHaveLength(75);
    const hrefs = items.toArray().map((li) => $(li).find('h3 a').attr('href'));
    expect(new Set(hrefs)).toEqual(new Set(lombardia.map((c) => urls.card(c.id))));
    for (const href of hrefs) expect(fs.existsSync(builtFile(href ?? '')), href).toBe(true);
  });

  test.each([
    ['attivo', '40'],
    ['in-progettazione', '6'],
    ['concluso', '29'],
  ])('status facet %s counts %s', (value, count) => {
    const link = $(`a[data-facet="stato"][data-value="${value}"]`);
    expect(link.attr('href')).toBe(`/anci-lombardia/attivita/stato/${value}/`);
    expect(link.find('[data-count]').text()).toBe(count);
  });

  test('has a live result count, and the controls the script reveals', () => {
    expect($('#catalogue-count').attr('aria-live')).toBe('polite');
    expect(text($, '#catalogue-count')).toBe('75 attività');
    expect($('select#catalogue-sort').length).toBe(1);
    expect($('label[for="catalogue-sort"]').length).toBe(1);
    expect($('[data-catalogue-reset]').text().trim()).toBe('Azzera filtri');
    expect($('select#catalogue-from option').length).toBeGreaterThan(5);
  });

  test('every facet value links to a built static view', () => {
    const links = $('a[data-facet][data-value]').toArray();
    expect(new Set(links.map((a) => $(a).attr('data-facet')))).toEqual(new Set(['stato', 'area', 'anno', 'finanziamento', 'importo']));
    for (const a of links) expect(fs.existsSync(builtFile($(a).attr('href') ?? '')), $(a).attr('href')).toBe(true);
  });

  test('list items carry the data the script filters on', () => {
    const stogit = $('#catalogue-list > li').filter(
      (_, li) => $(li).find('a').attr('href') === '/anci-lombardia/attivita/concessioni-stogit/',
    );
    expect(stogit.attr('data-stato')).toBe('attivo');
    expect(stogit.attr('data-area')).toBe('ambiente');
    expect(stogit.attr('data-importo')).toBe('oltre-1-milione');
    expect(stogit.attr('data-centesimi')).toBe('873995000');
    expect(stogit.attr('data-da')).toBe('2020');
    // Open-ended: it runs up to the catalogue's edition (2024), not to the day of the build (2026).
    expect(stogit.attr('data-a')).toBe('2024');
    expect(stogit.attr('data-inizio')).toBe('2020-11-27');
  });

  test('loads one bundled script, no inline one', () => {
    const scripts = $('script');
    expect(scripts).toHaveLength(1);
    expect(scripts.attr('src')).toMatch(/^\/_astro\/.+\.js$/);
    expect(scripts.attr('type')).toBe('module');
  });
});

describe('card page', () => {
  const $ = page('/anci-lombardia/attivita/concessioni-stogit/');

  test('shows the budget exactly as the seed prints it', () => {
    const budget = plain(text($, '.card-page__budget'));
    expect(budget).toBe('8.739.950,00 €');
    expect(catalogueSeed).toContain(budget);
  });

  test('has the breadcrumb org home > Attività > card, and the facts', () => {
    expect(
      $('nav.breadcrumb li')
        .toArray()
        .map((li) => $(li).text().trim()),
    ).toEqual(['ANCI Lombardia', 'Attività', 'Compensazioni ambientali – Concessioni Stogit']);
    expect($('h1')).toHaveLength(1);
    expect(text($, '.facts')).toContain('dal 27 novembre 2020');
    expect($('.facts a[href="/anci-lombardia/attivita/area/ambiente/"]').text()).toBe('Ambiente');
    // The publication in words; the file name, readings and notes stay with the editors.
    expect(text($, '.provenance')).toBe('Fonte Catalogo delle attività 2024, p. 24');
    expect($('.facts').text()).toContain('Attivo nel 2024');
  });

  test('its facts reach the search index as sentences, «Tipo: Progetto. Stato: Attivo nel 2024.», not glued into one word', () => {
    const indexed = indexedContent('/anci-lombardia/attivita/concessioni-stogit/');
    expect(indexed).toContain('Tipo: Progetto. Stato: Attivo nel 2024. Aree tematiche: Ambiente.');
    expect(indexed).toMatch(/Periodo: dal 27 novembre 2020\./);
    // No fact's term runs into its value or into the next term.
    expect(indexed).not.toMatch(/(Tipo|Stato|Aree tematiche|Periodo|Importo|Finanziamento|Ruolo|Partner|Territori)\p{Lu}/u);
  });

  test('a card with "in definizione" says so', () => {
    const card = lombardia.find((c) => c.budget?.status === 'in-definizione');
    expect(card).toBeDefined();
    expect(text(page(urls.card(card?.id ?? '')), '.card-page__budget')).toBe('In definizione');
  });

  test('funding programmes link to the cross-organization view', () => {
    const card = lombardia.find((c) => c.funding.some((f) => f.id === 'fami'));
    const $card = page(urls.card(card?.id ?? ''));
    expect($card('.facts a[href="/finanziamenti/fami/"]').text()).toBe('FAMI');
  });

  test('related cards link both ways across organizations', () => {
    const national = page('/anci-nazionale/attivita/piccoli/');
    expect(national('a[href="/anci-lombardia/attivita/piccoli/"]').length).toBeGreaterThan(0);
    const regional = page('/anci-lombardia/attivita/piccoli/');
    expect(regional('a[href="/anci-nazionale/attivita/piccoli/"]').length).toBeGreaterThan(0);
  });
});

describe('partners that are organizations of the source', () => {
  const withOrgPartner = graph.projects.flatMap((card) =>
    card.partners.flatMap((p) => ('organization' in p ? [[card.id, p.organization.id] as const] : [])),
  );

  test('exist in the content', () => {
    expect(withOrgPartner.length).toBeGreaterThan(0);
  });

  test.each(withOrgPartner)('%s links to the home of %s, which is built', (cardId, orgId) => {
    const $ = page(urls.card(cardId));
    const href = urls.organization(orgId);
    expect($(`.facts a[href="${href}"]`).length).toBe(1);
    expect(fs.existsSync(builtFile(href))).toBe(true);
  });
});

describe('static facet views match the content', () => {
  const million = 100_000_000;
  test.each([
    ['stato', 'concluso', lombardia.filter((c) => c.status === 'concluso')],
    ['area', 'welfare', lombardia.filter((c) => c.areas.some((a) => a.id === 'welfare'))],
    ['finanziamento', 'fami', lombardia.filter((c) => c.funding.some((f) => f.id === 'fami'))],
    ['importo', 'oltre-1-milione', lombardia.filter((c) => c.budget?.status === 'importo' && c.budget.cents > million)],
    ['importo', 'in-definizione', lombardia.filter((c) => c.budget?.status === 'in-definizione')],
    ['anno', 'senza-date', lombardia.filter((c) => c.start === undefined && c.end === undefined)],
  ])('%s/%s', (facet, value, expected) => {
    const $ = page(`/anci-lombardia/attivita/${facet}/${value}/`);
    const hrefs = $('#catalogue-list > li h3 a')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(new Set(hrefs)).toEqual(new Set(expected.map((c) => urls.card(c.id))));
    expect(text($, '#catalogue-count')).toBe(`${expected.length} di 75 attività`);
    expect($('main a[href="/anci-lombardia/attivita/"]').length).toBeGreaterThan(0);
    expect($(`a[data-facet="${facet}"][data-value="${value}"]`).attr('aria-current')).toBe('page');
    expect($('script')).toHaveLength(0);
  });

  test('the year filter stops at the edition of the catalogue (2024): no open-ended card runs into 2025 or 2026', () => {
    const years = $catalogueYears();
    expect(Math.max(...years)).toBe(2024);
    expect(fs.existsSync(builtFile('/anci-lombardia/attivita/anno/2026/'))).toBe(false);
  });

  test('a year view lists the cards running in that year', () => {
    const $ = page('/anci-lombardia/attivita/anno/2021/');
    const inYear = lombardia.filter((c) => {
      const from = Number((c.start ?? c.end ?? '0').slice(0, 4));
      const to = c.end ? Number(c.end.slice(0, 4)) : c.status === 'concluso' ? from : Math.max(from, 2024);
      return (c.start || c.end) && from <= 2021 && 2021 <= to;
    });
    expect($('#catalogue-list > li')).toHaveLength(inYear.length);
  });
});

describe('RSS feed', () => {
  const xml = fs.readFileSync(builtFile('/anci-lombardia/attivita/feed.xml'), 'utf8');
  const $ = cheerio.load(xml, { xml: true });

  test('has an Italian channel and one item per card, linking to the card pages', () => {
    expect($('channel > title').text()).toBe('Attività di ANCI Lombardia');
    expect($('channel > language').text()).toBe('it-IT');
    const links = $('item > link')
      .toArray()
      .map((l) => $(l).text());
    expect(links).toHaveLength(75);
    expect(new Set(links)).toEqual(new Set(lombardia.map((c) => `https://annuario.test${urls.card(c.id)}`)));
  });

  test('newest start first, summaries as descriptions', () => {
    const dates = $('item > pubDate')
      .toArray()
      .map((d) => Date.parse($(d).text()));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const stogit = $('item').filter((_, item) => $(item).find('link').text().endsWith('/concessioni-stogit/'));
    expect(stogit.find('description').text()).toBe(lombardia.find((c) => c.id === 'anci-lombardia/concessioni-stogit')?.summary);
  });
});

describe('funding programmes across organizations', () => {
  const cited = graph.funding.filter((f) => graph.projects.some((c) => c.funding.some((g) => g.id === f.id)));

  test('the index lists every programme some activity cites, with its count; the others have no row and no page', () => {
    const $ = page('/finanziamenti/');
    const rows = $('tbody tr').toArray();
    expect(rows).toHaveLength(cited.length);
    for (const programme of graph.funding) {
      expect(fs.existsSync(builtFile(urls.funding(programme.id))), programme.id).toBe(cited.includes(programme));
    }
    const fami = rows.find((r) => $(r).find('a').attr('href') === '/finanziamenti/fami/');
    const famiCount = graph.projects.filter((c) => c.funding.some((f) => f.id === 'fami')).length;
    expect($(fami).find('td').text()).toBe(String(famiCount));
    expect($('caption').length).toBe(1);
  });

  test('a programme page lists its cards grouped by organization', () => {
    const $ = page('/finanziamenti/fami/');
    expect(text($, 'h1')).toBe('FAMI');
    expect(text($, 'main h2')).toContain('ANCI Lombardia');
    const expected = graph.projects.filter((c) => c.funding.some((f) => f.id === 'fami')).map((c) => urls.card(c.id));
    expect(expected.length).toBeGreaterThan(0);
    const hrefs = $('.card-list h3 a')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect(new Set(hrefs)).toEqual(new Set(expected));
  });
});

describe('card pages ship no JavaScript', () => {
  test.each(graph.projects.map((c) => urls.card(c.id)))('%s', (url) => {
    expect(page(url)('script')).toHaveLength(0);
  });
});
