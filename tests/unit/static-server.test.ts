import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mimeType, resolveUrlPath, serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

/** A GET with the path sent as is (fetch would normalize `..` away before sending). */
function rawGet(base: string, rawPath: string, method = 'GET'): Promise<{ status: number; type: string; location: string; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', location: res.headers.location ?? '', body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server over a built site', () => {
  let root: string;
  let outside: string;
  let server: StaticServer;

  beforeAll(async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-static-'));
    root = path.join(parent, 'site');
    outside = path.join(parent, 'secret.txt');
    const files: Record<string, string> = {
      'index.html': '<h1>home</h1>',
      '404.html': '<h1>non trovata</h1>',
      'anci-lombardia/index.html': '<h1>org</h1>',
      'anci-lombardia/statistiche/comuni.csv': 'a;b',
      'sitemap-0.xml': '<urlset/>',
      'pagefind/pagefind.js': 'export {}',
      'pagefind/wasm.it.pagefind': 'x',
      'pagefind/pagefind.it_abc.pf_meta': 'x',
      'pagefind/index/it_abc.pf_index': 'x',
      'pagefind/fragment/it_abc.pf_fragment': 'x',
      'lettera accentata/è.html': 'ok',
    };
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), content);
    }
    fs.writeFileSync(outside, 'segreto');
    fs.writeFileSync(path.join(path.dirname(root), 'libreria.js'), 'window.libreria = 1;');
    server = await serveStatic(root, { files: { '/_annuario/libreria.js': path.join(path.dirname(root), 'libreria.js') } });
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  test('listens on 127.0.0.1', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test.each([
    ['/', 200, 'text/html; charset=utf-8', '<h1>home</h1>'],
    ['/anci-lombardia/', 200, 'text/html; charset=utf-8', '<h1>org</h1>'],
    ['/anci-lombardia/statistiche/comuni.csv', 200, 'text/csv; charset=utf-8', 'a;b'],
    ['/sitemap-0.xml', 200, 'application/xml; charset=utf-8', '<urlset/>'],
    ['/pagefind/pagefind.js', 200, 'text/javascript; charset=utf-8', 'export {}'],
    ['/pagefind/index/it_abc.pf_index', 200, 'application/octet-stream', 'x'],
    ['/lettera%20accentata/%C3%A8.html', 200, 'text/html; charset=utf-8', 'ok'],
    ['/non-esiste/', 404, 'text/html; charset=utf-8', '<h1>non trovata</h1>'],
    ['/anci-lombardia/non-esiste.png', 404, 'text/html; charset=utf-8', '<h1>non trovata</h1>'],
    ['/pagefind/', 404, 'text/html; charset=utf-8', '<h1>non trovata</h1>'],
    ['/?q=comuni', 200, 'text/html; charset=utf-8', '<h1>home</h1>'],
    // A file given by URL path, from outside the folder; only at that exact path.
    ['/_annuario/libreria.js', 200, 'text/javascript; charset=utf-8', 'window.libreria = 1;'],
    ['/_annuario/libreria.js/', 404, 'text/html; charset=utf-8', '<h1>non trovata</h1>'],
  ])('GET %s → %i %s', async (urlPath, status, type, body) => {
    const res = await rawGet(server.url, urlPath);
    expect({ status: res.status, type: res.type, body: res.body }).toEqual({ status, type, body });
  });

  test('a directory without its slash redirects, keeping the query', async () => {
    const res = await rawGet(server.url, '/anci-lombardia?q=1');
    expect([res.status, res.location]).toEqual([301, '/anci-lombardia/?q=1']);
  });

  test('HEAD has headers and no body', async () => {
    const res = await rawGet(server.url, '/', 'HEAD');
    expect([res.status, res.type, res.body]).toEqual([200, 'text/html; charset=utf-8', '']);
  });

  test('other methods are refused', async () => {
    expect((await rawGet(server.url, '/', 'POST')).status).toBe(405);
  });

  test.each(['/../secret.txt', '/%2e%2e/secret.txt', '/anci-lombardia/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/a%00b'])(
    'no way out of the folder: %s',
    async (rawPath) => {
      const res = await rawGet(server.url, rawPath);
      // URL parsing already folds a leading `/..` back into the root (404); the rest are refused (400).
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain('segreto');
    },
  );
});

describe('static server under a sub-path', () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-static-base-'));
    fs.mkdirSync(path.join(root, 'anci-lombardia'));
    fs.writeFileSync(path.join(root, 'index.html'), '<h1>home</h1>');
    fs.writeFileSync(path.join(root, '404.html'), '<h1>non trovata</h1>');
    fs.writeFileSync(path.join(root, 'anci-lombardia', 'index.html'), '<h1>org</h1>');
    fs.writeFileSync(path.join(root, 'libreria.js'), 'x');
    server = await serveStatic(root, { base: '/annuario/', files: { '/_annuario/libreria.js': path.join(root, 'libreria.js') } });
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  // The site is where its pages' links expect it: under the base, as on a GitHub Pages project site.
  test.each([
    ['/annuario/', 200, '<h1>home</h1>'],
    ['/annuario/anci-lombardia/', 200, '<h1>org</h1>'],
    ['/anci-lombardia/', 404, '<h1>non trovata</h1>'],
    ['/', 404, '<h1>non trovata</h1>'],
    ['/annuariox/', 404, '<h1>non trovata</h1>'],
    ['/_annuario/libreria.js', 200, 'x'],
  ])('GET %s → %i', async (urlPath, status, body) => {
    const res = await rawGet(server.url, urlPath);
    expect({ status: res.status, body: res.body }).toEqual({ status, body });
  });

  test('the base without its slash redirects to it', async () => {
    const res = await rawGet(server.url, '/annuario?q=1');
    expect([res.status, res.location]).toEqual([301, '/annuario/?q=1']);
  });
});

describe('pure helpers', () => {
  test.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['A.CSS', 'text/css; charset=utf-8'],
    ['x.mjs', 'text/javascript; charset=utf-8'],
    ['f.woff2', 'font/woff2'],
    ['r.pdf', 'application/pdf'],
    ['m.wasm', 'application/wasm'],
    ['i.avif', 'image/avif'],
    ['p.pf_fragment', 'application/octet-stream'],
    ['senza-estensione', 'application/octet-stream'],
  ])('mimeType(%s) = %s', (file, type) => {
    expect(mimeType(file)).toBe(type);
  });

  test.each([
    ['/', '/srv/site'],
    ['/a/b.html', '/srv/site/a/b.html'],
    ['/a/../b', undefined],
    ['/%E0%A4%A', undefined],
    ['relativo', undefined],
  ])('resolveUrlPath(/srv/site, %s) = %s', (urlPath, expected) => {
    expect(resolveUrlPath('/srv/site', urlPath)).toBe(expected);
  });
});
