/** The home pages on the real content: the network and an organization's. */
import { describe, expect, test } from 'vitest';
import { page, text } from './html.ts';

describe('network home', () => {
  const $ = page('/');

  test('lists the organizations with content as tiles, counts in the singular when one, the others apart', () => {
    const names = $('#organizzazioni ~ ul .tile strong')
      .toArray()
      .map((el) => $(el).text());
    expect(names).toEqual(['ANCI Lombardia', 'ANCI Nazionale', 'ANCI Toscana', 'Massa Martana']);
    expect(text($, '#organizzazioni ~ ul li:nth-child(2)')).toContain('1 scheda');
    expect(text($, '#organizzazioni ~ ul li:nth-child(4)')).toContain('1 piano');
    const apart = $('#organizzazioni ~ p a')
      .toArray()
      .map((el) => $(el).attr('href'));
    expect(apart).toHaveLength(4);
    apart.forEach((href) => expect(href).toMatch(/^\/[a-z-]+\/organizzazione\/$/));
  });

  test('names the edition of each organization its data come from, not only the day it was generated', () => {
    expect(text($, '.site-footer__edition')).toMatch(
      /^Dati tratti da: Bilancio sociale 2019 – giugno 2024 \(ANCI Toscana, edizione giugno 2024\); Catalogo delle attività 2024 \(ANCI Lombardia, edizione 2024\); .+\(Massa Martana, edizione 2022\)\. Pagina generata il /,
    );
    expect(
      new Set(
        $('#recenti ~ ul .badge--attivo')
          .toArray()
          .map((el) => $(el).text()),
      ),
    ).toEqual(new Set(['Attivo nel 2024']));
  });

  test('groups cards by funding programme across organizations, linking the cross-organization view', () => {
    const links = $('a[href^="/finanziamenti/"]')
      .toArray()
      .map((el) => $(el).attr('href'));
    expect(links).toContain('/finanziamenti/');
    expect(links.length).toBeGreaterThan(2);
  });
});

describe('organization home of ANCI Lombardia', () => {
  const $ = page('/anci-lombardia/');

  test('shows its identity and its numbers as printed (1.401 comuni, 93%)', () => {
    expect(text($, 'h1')).toBe('ANCI Lombardia');
    expect(text($, '.site-header__tagline')).toBe('Lombardia');
    const figures = text($, '.figures');
    expect(figures).toContain('1.401 Comuni associati');
    expect(figures).toContain('93%');
    expect(figures).toContain('75 Progetti e servizi');
    expect(figures).toContain('40 Attività in corso nel 2024');
  });

  test('marks the home in the menu and links every section with content (it has no plans)', () => {
    expect($('nav.site-nav a[aria-current="page"]').text()).toBe('Home');
    const hrefs = $('#esplora ~ ul a')
      .toArray()
      .map((el) => $(el).attr('href'));
    expect(hrefs).toEqual([
      '/anci-lombardia/attivita/',
      '/anci-lombardia/statistiche/',
      '/anci-lombardia/pubblicazioni/',
      '/anci-lombardia/organizzazione/',
      '/dati/',
    ]);
  });
});

describe('organization home of ANCI Toscana', () => {
  const $ = page('/anci-toscana/');

  test('counts objectives as the objectives page lists them, one per objective across plans', () => {
    const trails = page('/anci-toscana/obiettivi/')('.trail').length;
    expect(trails).toBeGreaterThan(0);
    expect(text($, '.figures')).toContain(`${trails} Obiettivi nei piani`);
  });

  test('offers in its menu only the sections it has content in (no activities)', () => {
    const menu = $('nav.site-nav a')
      .toArray()
      .map((el) => $(el).attr('href'));
    expect(menu).not.toContain('/anci-toscana/attivita/');
    expect(menu).toContain('/anci-toscana/piani/');
  });
});
