/** Service pages of the built site: search, 404, accessibility statement, robots.txt, search index. */
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtFile, page, text } from './html.ts';

describe('search page', () => {
  const $ = page('/cerca/');

  test('is a GET form to /cerca/ with a labelled q input, so ?q= links work', () => {
    const form = $('form[role=search]');
    expect(form.attr('action')).toBe('/cerca/');
    expect(form.attr('method')).toBe('get');
    expect(form.find('input[name=q]').attr('id')).toBe('q');
    expect(text($, 'label[for=q]')).toBe('Cosa cerchi?');
  });

  test('has a live region for the count and a fallback with the catalogues', () => {
    expect($('[data-search-status]').attr('aria-live')).toBe('polite');
    expect(text($, '[data-search-fallback] p')).toContain('JavaScript');
    expect(
      $('[data-search-fallback] a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toContain('/anci-lombardia/attivita/');
  });

  test('loads its script through Astro (no inline handlers), and the index exists', () => {
    expect($('script[type=module]')).toHaveLength(1);
    expect(fs.existsSync(builtFile('/pagefind/pagefind.js'))).toBe(true);
  });
});

describe('404 page', () => {
  const $ = page('/404.html');

  test('is not indexed and leads home and to the search', () => {
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
    expect(text($, 'h1')).toBe('Pagina non trovata');
    const links = $('main a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links).toEqual(expect.arrayContaining(['/', '/cerca/']));
    expect($('main form[role=search]').attr('action')).toBe('/cerca/');
  });
});

describe('accessibility statement', () => {
  const $ = page('/accessibilita/');

  test('follows the AgID model sections', () => {
    expect(
      $('main h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual([
      'Stato di conformità',
      'Contenuti non accessibili',
      'Redazione della dichiarazione di accessibilità',
      'Meccanismo di feedback e contatti',
      'Procedura di attuazione',
    ]);
  });

  test('states the WCAG 2.1 AA target and says plainly what the example site has not declared yet, with no placeholder', () => {
    const body = text($, 'main');
    expect(body).toContain('WCAG) 2.1 al livello AA');
    expect(body).toContain('non ha ancora dichiarato lo stato di conformità');
    expect(body).toContain('La data di redazione della dichiarazione non è ancora stata indicata.');
    expect(body).not.toMatch(/Da completare|\[|\]/);
    expect($('main a[href="https://form.agid.gov.it/"]').attr('rel')).toBe('noopener noreferrer');
  });
});

test('robots.txt allows everything and points to the sitemap index', () => {
  expect(fs.readFileSync(builtFile('/robots.txt'), 'utf8')).toBe(
    'User-agent: *\nAllow: /\n\nSitemap: https://annuario.test/sitemap-index.xml\n',
  );
});
