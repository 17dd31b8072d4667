/**
 * Search that finds things, checked with the queries readers type, in a real browser with the
 * real Pagefind index: the expected page is among the first results, and no list page, facet
 * view or home page is (they are not indexed: see `searchType` in src/lib/site/search.ts). A
 * typo gets the results of the word that was meant. The type and organization filters narrow
 * the results and live in the address.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useSite } from './harness.ts';

const site = useSite();

/** How many of the first results a reader looks at. */
const TOP = 5;

/** Pages that must never be results: the catalogue and its facet views, the list pages, the homes. */
const NOT_RESULTS = [
  /^\/$/,
  /^\/[^/]+\/$/,
  /^\/[^/]+\/attivita\/$/,
  /^\/[^/]+\/attivita\/[^/]+\/[^/]+\/$/,
  /^\/[^/]+\/(piani|statistiche|pubblicazioni)\/$/,
  /^\/(finanziamenti|dati|cerca|accessibilita)\/$/,
];

/** A fact's term run into its value, as Pagefind indexed a `<dl>` (cards, reports, organizations) before the facts were grouped. */
const CARD_FACT_TERMS = /(Tipo|Stato|Aree tematiche|Periodo|Importo|Finanziamento|Ruolo|Partner|Territori|Denominazione)\p{Lu}/u;

/** The addresses of the results the page shows for `query` once the status says they are there. */
async function results(page: Page): Promise<string[]> {
  await page.locator('[data-search-status]:not(:empty)').waitFor();
  return page.locator('.search-result h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

describe('ten real queries', () => {
  test.each([
    ['rifiuti', '/anci-lombardia/attivita/sportello-rifiuti/'],
    ['bilancio sociale', '/anci-toscana/pubblicazioni/bilancio-sociale-2019-2024/'],
    ['giovani', '/anci-lombardia/attivita/lombardia-dei-giovani-2023/'],
    ['PNRR', '/anci-lombardia/attivita/accordo-quadro-pnrr/'],
    ['formazione', '/anci-lombardia/attivita/formazione-a-catalogo/'],
    ['Lomellina', '/anci-lombardia/attivita/strategia-regionale-aree-interne/'],
    ['welfare', '/anci-lombardia/attivita/rebuilding/'],
    ['servizio civile', '/anci-lombardia/attivita/servizio-civile-universale/'],
    ['piccoli comuni', '/anci-nazionale/attivita/piccoli/'],
    ['giovnai', '/anci-lombardia/attivita/lombardia-dei-giovani-2023/'],
  ])('«%s» finds %s among the first results, and no list page', async (query, expected) => {
    const page = await site.visit(`/cerca/?q=${encodeURIComponent(query)}`);
    const found = await results(page);
    const top = found.slice(0, TOP);
    expect(top, `primi risultati per «${query}»: ${top.join(', ')}`).toContain(expected);
    expect(found.filter((href) => NOT_RESULTS.some((pattern) => pattern.test(href)))).toEqual([]);
    const excerpts = await page.locator('.search-result p').allTextContents();
    expect(excerpts.filter((text) => /\(\d+\)\.?\s+\p{Lu}/u.test(text) || /\p{L}\(\d+\)/u.test(text))).toEqual([]);
    // A card's facts read as sentences, not glued into one word («TipoProgettoStato…»).
    expect(excerpts.filter((text) => CARD_FACT_TERMS.test(text))).toEqual([]);
  });

  test('a query that matches a card’s facts quotes them term by term («Partner: Assimpredil»)', async () => {
    // The partner is named only in the facts of one card.
    const page = await site.visit(`/cerca/?q=${encodeURIComponent('Assimpredil')}`);
    expect(await results(page)).toEqual(['/anci-lombardia/attivita/accordo-quadro-pnrr/']);
    expect(await page.locator('.search-result p').allTextContents()).toContainEqual(
      expect.stringMatching(/Importo: [^A-Za-z]+ Partner: Assimpredil \(ANCE\)\. Territori: /),
    );
  });

  test('a typo says which word was searched instead', async () => {
    const page = await site.visit('/cerca/?q=giovnai');
    await results(page);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/risultat[oi] per «giovani» \(hai scritto «giovnai»\)/);
  });
});

describe('filters by type and organization', () => {
  test('the type filter keeps only that kind of page, and goes into the address', async () => {
    const page = await site.visit('/cerca/?q=giovani');
    await results(page);
    await page.getByLabel('Tipo di contenuto').selectOption('piano');
    await expect.poll(() => new URL(page.url()).searchParams.get('tipo')).toBe('piano');
    // Polled until the filtered list is there: right after the change the list may be empty (and
    // `every` of nothing is true) while the search runs again.
    await expect
      .poll(async () => {
        const found = await results(page);
        return found.length > 0 && found.every((href) => /\/piani\/\d{4}\/$/.test(href));
      })
      .toBe(true);
  });

  test('a shared address with an organization filter restores it', async () => {
    const page = await site.visit('/cerca/?q=formazione&organizzazione=anci-toscana');
    expect(await page.getByLabel('Organizzazione', { exact: true }).inputValue()).toBe('anci-toscana');
    const found = await results(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((href) => href.startsWith('/anci-toscana/'))).toBe(true);
  });
});
