/**
 * The site's address and sub-path (src/lib/site/address.ts): data/site.yaml, the environment
 * winning over it, the forms a base may be written in, and Italian errors naming the origin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { normalizeBase, siteAddress, SiteAddressError } from '../../src/lib/site/address.ts';
import { routesUnder, withBase, withoutBase } from '../../src/lib/site/urls.ts';

const roots: string[] = [];

/** A source folder whose data/site.yaml holds `yaml` (none when undefined). */
function source(yaml?: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-site-'));
  roots.push(root);
  if (yaml !== undefined) {
    fs.mkdirSync(path.join(root, 'data'));
    fs.writeFileSync(path.join(root, 'data', 'site.yaml'), yaml);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('normalizeBase', () => {
  test.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['annuario', '/annuario/'],
    ['/annuario', '/annuario/'],
    ['/annuario/', '/annuario/'],
    ['ente/annuario', '/ente/annuario/'],
  ])('%j -> %s', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected);
  });
});

describe('siteAddress', () => {
  test.each([
    ['no file, no environment', undefined, {}, { url: undefined, base: '/' }],
    [
      'the file',
      'url: https://anci-lombardia.github.io\nbase: /annuario\n',
      {},
      { url: 'https://anci-lombardia.github.io', base: '/annuario/' },
    ],
    ['an empty file', '', {}, { url: undefined, base: '/' }],
    [
      'the environment over the file',
      'url: https://a.it\n',
      { ANNUARIO_SITE_URL: 'https://b.it/', ANNUARIO_BASE: '/x/' },
      { url: 'https://b.it', base: '/x/' },
    ],
    [
      'a path in the address is the sub-path',
      undefined,
      { ANNUARIO_SITE_URL: 'https://gruppo.gitlab.io/annuario/' },
      { url: 'https://gruppo.gitlab.io', base: '/annuario/' },
    ],
    [
      'a base that agrees with the path',
      'url: https://ente.it/annuario\nbase: annuario\n',
      {},
      { url: 'https://ente.it', base: '/annuario/' },
    ],
  ])('%s', (_what, yaml, env, expected) => {
    expect(siteAddress(source(yaml), env)).toEqual(expected);
  });

  test.each([
    [
      'an address without https',
      'url: www.ente.it\n',
      {},
      'data/site.yaml, campo «url»: atteso un indirizzo web completo che inizia con https://',
    ],
    ['a wrong address from CI', undefined, { ANNUARIO_SITE_URL: 'ente.it' }, 'ANNUARIO_SITE_URL, campo «url»'],
    ['spaces in the base', 'base: /il mio sito/\n', {}, 'data/site.yaml, campo «base»: atteso un percorso fatto di parole separate da /'],
    ['an unknown field', 'indirizzo: https://ente.it\n', {}, 'data/site.yaml, campo «(tutto il file)»'],
    ['broken YAML', 'url: [https://ente.it\n', {}, 'data/site.yaml: il file non è YAML valido'],
    [
      'a base against the path',
      'url: https://ente.it/annuario/\nbase: /altro/\n',
      {},
      "l'indirizzo https://ente.it/annuario/ finisce con /annuario/ ma il sottopercorso (base) è /altro/",
    ],
  ])('%s is refused in Italian', (_what, yaml, env, message) => {
    const root = source(yaml);
    expect(() => siteAddress(root, env)).toThrow(SiteAddressError);
    expect(() => siteAddress(root, env)).toThrow(message);
  });
});

describe('links under a sub-path', () => {
  test.each([
    ['/', '/anci-toscana/piani/', '/anci-toscana/piani/'],
    ['/annuario/', '/anci-toscana/piani/', '/annuario/anci-toscana/piani/'],
    ['/annuario/', '/', '/annuario/'],
  ])('withBase(%s, %s) = %s, and back', (base, sitePath, href) => {
    expect(withBase(base, sitePath)).toBe(href);
    expect(withoutBase(base, href)).toBe(sitePath);
  });

  test('every route keeps its parameters and gains the base', () => {
    const links = routesUnder('/annuario/');
    expect(links.card('anci-lombardia/sportello')).toBe('/annuario/anci-lombardia/attivita/sportello/');
    expect(links.plan('anci-toscana/2021', 'riforma-cal')).toBe('/annuario/anci-toscana/piani/2021/#obiettivo-riforma-cal');
    expect(links.reportPdf('anci-toscana/bs', 'tipografia')).toBe('/annuario/anci-toscana/pubblicazioni/bs-tipografia.pdf');
    expect(links.searchBundle()).toBe('/annuario/pagefind/pagefind.js');
  });
});
