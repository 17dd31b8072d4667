import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { builtFile } from '../../src/integration/index.ts';
import {
  indexedPart,
  isSearchable,
  withoutIgnored,
  SearchIndexer,
  SearchIndexError,
  writeSearchIndex,
} from '../../src/integration/search-index.ts';

describe('which built files are searchable', () => {
  test.each([
    ['index.html', true],
    ['anci-lombardia/index.html', true],
    ['anci-lombardia/attivita/sportello/index.html', true],
    ['404.html', false],
    ['cerca/index.html', false],
    ['anci-lombardia/pubblicazioni/bilancio-2024/stampa/index.html', false],
    ['sitemap-0.xml', false],
    ['anci-lombardia/statistiche/comuni.csv', false],
  ])('%s → %s', (file, expected) => {
    expect(isSearchable(file)).toBe(expected);
  });
});

describe('the elements left out of the index are not sent to Pagefind', () => {
  const list = '<ul class="card-list" id="x" data-pagefind-ignore><li><h3><a href="/a/">A</a></h3><p>Testo</p></li><li>B</li></ul>';
  test.each([
    ['a card list', `<h1>Vista</h1>${list}<p>Dopo</p>`, '<h1>Vista</h1><p>Dopo</p>'],
    ['two lists', `${list}<p>in mezzo</p>${list}`, '<p>in mezzo</p>'],
    ['nested elements of the same name', '<div data-pagefind-ignore="all"><div><div>x</div></div>y</div><p>z</p>', '<p>z</p>'],
    ['the words in text', '<p>Usa data-pagefind-ignore così</p>', '<p>Usa data-pagefind-ignore così</p>'],
    [
      'the words in a quoted value',
      '<a title="a data-pagefind-ignore b" href="/">x</a>',
      '<a title="a data-pagefind-ignore b" href="/">x</a>',
    ],
    ['a longer attribute name', '<p data-pagefind-ignored>x</p>', '<p data-pagefind-ignored>x</p>'],
    ['an element never closed, as it is', `<p>a</p><ul data-pagefind-ignore><li>x</li>`, `<p>a</p><ul data-pagefind-ignore><li>x</li>`],
    ['nothing to leave out', '<h1>Scheda</h1><p>Testo.</p>', '<h1>Scheda</h1><p>Testo.</p>'],
  ])('%s', (_name, html, expected) => {
    expect(withoutIgnored(html)).toBe(expected);
  });
});

describe('the built file of each page Astro hands to astro:build:done', () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-built-'));
  afterAll(() => fs.rmSync(site, { recursive: true, force: true }));
  for (const file of ['index.html', '404.html', 'a/b/index.html', 'dati/schede.csv', 'feed.xml']) {
    fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    fs.writeFileSync(path.join(site, file), 'x');
  }
  test.each([
    ['', 'index.html'],
    ['a/b/', 'a/b/index.html'],
    ['a/b', 'a/b/index.html'],
    ['404/', '404.html'],
    ['dati/schede.csv', 'dati/schede.csv'],
    ['feed.xml', 'feed.xml'],
    ['non-costruita/', undefined],
  ])('%j → %j', (pathname, expected) => {
    expect(builtFile(site, pathname)).toBe(expected);
  });
});

describe('the part of a page Pagefind is given', () => {
  const head = '<head><meta charset="utf-8"><title>Sportello · ANCI</title><meta http-equiv="content-security-policy" content="x"></head>';
  const main = '<main id="contenuto" data-pagefind-body><h1>Sportello</h1><p>Testo.</p></main>';
  test.each([
    [
      'without its card lists',
      `<!DOCTYPE html><html lang="it">${head}<body><main data-pagefind-body><h1>Area</h1><ul data-pagefind-ignore><li>A</li></ul></main></body></html>`,
      `<!doctype html><html lang="it"><head><title>Sportello · ANCI</title></head><body><main data-pagefind-body><h1>Area</h1></main></body></html>`,
    ],
    [
      'title and main of a framed page',
      `<!DOCTYPE html><html lang="it">${head}<body><header>Menu</header>${main}<footer>Piè</footer></body></html>`,
      `<!doctype html><html lang="it"><head><title>Sportello · ANCI</title></head><body>${main}</body></html>`,
    ],
    ['a page without main, whole', `<html>${head}<body><p>x</p></body></html>`, `<html>${head}<body><p>x</p></body></html>`],
    [
      'a main not marked for search, whole',
      `<html>${head}<body><main><p>x</p></main></body></html>`,
      `<html>${head}<body><main><p>x</p></main></body></html>`,
    ],
    [
      'a second marked element, whole',
      `<html>${head}<body>${main}<aside data-pagefind-body>y</aside></body></html>`,
      `<html>${head}<body>${main}<aside data-pagefind-body>y</aside></body></html>`,
    ],
  ])('%s', (_name, html, expected) => {
    expect(indexedPart(html)).toBe(expected);
  });
});

describe('writing the index', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-search-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('indexes the content pages and writes pagefind/', async () => {
    const page = (title: string) =>
      `<!doctype html><html lang="it"><body><main data-pagefind-body><h1>${title}</h1><p>Testo.</p></main></body></html>`;
    const files = {
      'index.html': page('Home'),
      'a/index.html': page('Sportello'),
      '404.html': page('Non trovata'),
      'cerca/index.html': page('Cerca'),
    };
    for (const [file, html] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), html);
    }
    expect(await writeSearchIndex(dir, Object.keys(files))).toEqual({ pages: 2 });
    expect(fs.existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'pagefind')).some((f) => f.endsWith('.pf_meta'))).toBe(true);
  });

  test('each page is indexed once, and only the searchable ones', async () => {
    const site = path.join(dir, 'a-pezzi');
    const page = (title: string) => `<html lang="it"><body><main data-pagefind-body><h1>${title}</h1></main></body></html>`;
    for (const file of ['index.html', 'b/index.html', 'c/index.html', '404.html']) {
      fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
      fs.writeFileSync(path.join(site, file), page(file));
    }
    const indexer = new SearchIndexer(site);
    for (const file of ['b/index.html', 'b/index.html', '404.html', 'index.html', 'c/index.html']) indexer.add(file);
    expect(await indexer.finish()).toEqual({ pages: 3 });
    expect(fs.existsSync(path.join(site, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  test('a missing site folder is an Italian error, not a crash', async () => {
    const error = await writeSearchIndex(path.join(dir, 'non-esiste'), ['index.html']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchIndexError);
    expect((error as Error).message).toMatch(/^Indice di ricerca \(Pagefind\) non creato: Pagefind si è interrotto\./);
  });

  test('a crash of the Pagefind program is an error, not a silent exit 0', () => {
    // A file where the index folder should go makes Pagefind's binary panic. Run in a child
    // process: only there does the event loop empty out, as it does in `npm run build`.
    const site = path.join(dir, 'rotto');
    fs.mkdirSync(site);
    fs.writeFileSync(path.join(site, 'index.html'), '<html lang="it"><body><main data-pagefind-body><h1>x</h1></main></body></html>');
    fs.writeFileSync(path.join(site, 'pagefind'), 'un file, non una cartella');
    const module = path.resolve(import.meta.dirname, '../../src/integration/search-index.ts');
    const code = `import { writeSearchIndex } from ${JSON.stringify(module)};
      writeSearchIndex(${JSON.stringify(site)}, ['index.html']).then(() => console.log('ok'), (e) => { console.log(e.message); process.exitCode = 3; });`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('il programma di Pagefind si è chiuso senza rispondere');
  });
});
