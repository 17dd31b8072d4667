import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtPages, representativePages, routeOf, routeOfFile, type Route } from '../browser/routes.ts';

describe('route of a page file', () => {
  test.each([
    ['index.astro', '/'],
    ['cerca.astro', '/cerca/'],
    ['404.astro', '/404/'],
    ['[org]/index.astro', '/[org]/'],
    ['[org]/attivita/index.astro', '/[org]/attivita/'],
    ['[org]/attivita/[card].astro', '/[org]/attivita/[card]/'],
    ['[org]/attivita/[facet]/[value].astro', '/[org]/attivita/[facet]/[value]/'],
    ['[org]/testi/[...slug].md', '/[org]/testi/[...slug]/'],
    ['robots.txt.ts', undefined],
    ['[org]/attivita/feed.xml.ts', undefined],
    ['_partials/box.astro', undefined],
  ])('%s → %s', (file, pattern) => {
    expect(routeOfFile(file)?.pattern).toBe(pattern);
  });
});

const routes = [
  'index.astro',
  'cerca.astro',
  'accessibilita.astro',
  '[org]/index.astro',
  '[org]/attivita/index.astro',
  '[org]/attivita/[card].astro',
  '[org]/attivita/[facet]/[value].astro',
  '[org]/piani/[year].astro',
  '[org]/testi/[...slug].astro',
].map((file) => routeOfFile(file) as Route);

describe('route serving a URL', () => {
  test.each([
    ['/', '/'],
    ['/cerca/', '/cerca/'],
    ['/anci-lombardia/', '/[org]/'],
    ['/anci-lombardia/attivita/', '/[org]/attivita/'],
    ['/anci-lombardia/attivita/sportello/', '/[org]/attivita/[card]/'],
    ['/anci-lombardia/attivita/stato/attivo/', '/[org]/attivita/[facet]/[value]/'],
    ['/anci-toscana/piani/2021/', '/[org]/piani/[year]/'],
    ['/anci-toscana/testi/a/b/c/', '/[org]/testi/[...slug]/'],
    ['/anci-toscana/sconosciuta/x/', undefined],
  ])('%s → %s', (urlPath, pattern) => {
    expect(routeOf(routes, urlPath)?.pattern).toBe(pattern);
  });
});

test('one page per route, the first in sitemap order; unknown URLs kept on their own', () => {
  const paths = [
    '/',
    '/accessibilita/',
    '/anci-lombardia/',
    '/anci-lombardia/attivita/',
    '/anci-lombardia/attivita/atlante/',
    '/anci-lombardia/attivita/beni-confiscati/',
    '/anci-lombardia/attivita/stato/attivo/',
    '/anci-toscana/',
    '/anci-toscana/piani/2021/',
    '/anci-toscana/piani/2022/',
    '/anci-toscana/sconosciuta/x/',
  ];
  expect(representativePages(routes, paths)).toEqual([
    { pattern: '/', path: '/' },
    { pattern: '/[org]/', path: '/anci-lombardia/' },
    { pattern: '/[org]/attivita/', path: '/anci-lombardia/attivita/' },
    { pattern: '/[org]/attivita/[card]/', path: '/anci-lombardia/attivita/atlante/' },
    { pattern: '/[org]/attivita/[facet]/[value]/', path: '/anci-lombardia/attivita/stato/attivo/' },
    { pattern: '/[org]/piani/[year]/', path: '/anci-toscana/piani/2021/' },
    { pattern: '/accessibilita/', path: '/accessibilita/' },
    { pattern: '/anci-toscana/sconosciuta/x/', path: '/anci-toscana/sconosciuta/x/' },
  ]);
});

test('the heaviest page represents its route', () => {
  const sizes: Record<string, number> = { '/a/': 10, '/b/': 30, '/c/': 30 };
  expect(representativePages(routes, ['/a/', '/b/', '/c/'], (p) => sizes[p] ?? 0)).toEqual([{ pattern: '/[org]/', path: '/b/' }]);
});

test('builtPages lists every HTML file of a built site as a URL path, Pagefind aside', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-pages-'));
  try {
    for (const file of ['index.html', '404.html', 'a/index.html', 'a/b/index.html', 'dati/x.csv', 'pagefind/x.html']) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), '');
    }
    expect(builtPages(dir)).toEqual(['/', '/404.html', '/a/', '/a/b/']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
