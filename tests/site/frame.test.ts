/** The frame every page shares: language, skip link, landmarks, canonical URL, CSP, Open Graph. */
import { describe, expect, test } from 'vitest';
import { page } from './html.ts';

describe.each(['/', '/anci-lombardia/', '/anci-toscana/'])('frame of %s', (urlPath) => {
  const $ = page(urlPath);

  test('is Italian, with a skip link to the main landmark', () => {
    expect($('html').attr('lang')).toBe('it');
    expect($('a.skip-link').attr('href')).toBe('#contenuto');
    expect($('main#contenuto')).toHaveLength(1);
    expect($('header')).toHaveLength(1);
    expect($('footer')).toHaveLength(1);
  });

  test('has a canonical URL and Open Graph tags', () => {
    expect($('link[rel=canonical]').attr('href')).toBe(`https://annuario.test${urlPath}`);
    expect($('meta[property="og:title"]').attr('content')).toBeTruthy();
    expect($('meta[property="og:locale"]').attr('content')).toBe('it_IT');
  });

  test('carries a Content Security Policy without unsafe-inline scripts', () => {
    const csp = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain("'unsafe-inline'");
  });

  test('has no inline event handler', () => {
    const handlers = $('*')
      .toArray()
      .flatMap((el) => ('attribs' in el ? Object.keys(el.attribs).filter((name) => name.startsWith('on')) : []));
    expect(handlers).toEqual([]);
  });
});
