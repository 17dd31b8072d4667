/** The home pages on the real content: the network and an organization's. */
import { describe, expect, test } from 'vitest';
import { page, text } from './html.ts';

describe('network home', () => {
  const $ = page('/');

  test('lists every organization, those with content first', () => {
    const names = $('#organizzazioni ~ ul .tile strong')
      .toArray()
      .map((el) => $(el).text());
    expect(names).toHaveLength(8);
    expect(names.slice(0, 4)).toEqual(['ANCI Lombardia', 'ANCI Nazionale', 'ANCI Toscana', 'Massa Martana']);
    expect(text($, '#organizzazioni ~ ul li:last-child')).toContain('Nessun contenuto pubblicato');
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
    expect(figures).toContain('40 Attività in corso');
  });

  test('marks the home in the menu and links every section', () => {
    expect($('nav.site-nav a[aria-current="page"]').text()).toBe('Home');
    const hrefs = $('#esplora ~ ul a')
      .toArray()
      .map((el) => $(el).attr('href'));
    expect(hrefs).toEqual([
      '/anci-lombardia/attivita/',
      '/anci-lombardia/piani/',
      '/anci-lombardia/statistiche/',
      '/anci-lombardia/pubblicazioni/',
      '/anci-lombardia/organizzazione/',
      '/dati/',
    ]);
  });
});
