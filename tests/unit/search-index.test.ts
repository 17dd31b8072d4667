import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  indexedPart,
  isSearchable,
  isWholePage,
  namedPages,
  searchablePages,
  withoutIgnored,
  SearchIndexer,
  SearchIndexError,
  writeSearchIndex,
} from '../../scripts/lib/search-index.ts';

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

describe("which pages a line of Astro's build log names", () => {
  test.each([
    ['17:29:13   ├─ /404.html (+28ms) ', ['404.html']],
    ['17:29:13   └─ /anci-lombardia/attivita/sportello/index.html (+7.04s) ', ['anci-lombardia/attivita/sportello/index.html']],
    ['\u001b[2m17:29:13\u001b[22m   \u001b[34m├─\u001b[39m \u001b[2m/a/index.html\u001b[22m \u001b[2m(+3ms)\u001b[22m', ['a/index.html']],
    // Several pages started before the first was written (build.concurrency).
    [
      '19:03:27   ├─ /404.html19:03:27   ├─ /accessibilita/index.html19:03:27   ├─ /cerca/index.html (+51ms) ',
      ['404.html', 'accessibilita/index.html', 'cerca/index.html'],
    ],
    ['17:29:13   ├─ /piani/2019/index.html', ['piani/2019/index.html']],
    ['17:29:13   ├─ /a/index.html (+3ms) (file not created, response body was empty)', []],
    ['17:29:20 [build] 1071 page(s) built in 10.36s', []],
  ])('%j → %j', (line, expected) => {
    expect(namedPages(line)).toEqual(expected);
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

describe('whether a page read while the site is written is whole', () => {
  test.each([
    ['<!DOCTYPE html><html lang="it"><head></head><body><p>x</p></body></html>', true],
    ['<html><body><p>x</p></body></html>\n', true],
    ['', false],
    ['<!DOCTYPE html><html lang="it"><head></head><body><p>x</p></bo', false],
    ['<!DOCTYPE html><html lang="it"><body><p>&lt;/html&gt;</p>', false],
  ])('%j → %s', (html, expected) => {
    expect(isWholePage(html)).toBe(expected);
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
    expect(searchablePages(dir)).toEqual(['a/index.html', 'index.html']);
    expect(await writeSearchIndex(dir)).toEqual({ pages: 2 });
    expect(fs.existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'pagefind')).some((f) => f.endsWith('.pf_meta'))).toBe(true);
  });

  test('pages added while the site is written are indexed once, the rest at the end', async () => {
    const site = path.join(dir, 'a-pezzi');
    const page = (title: string) => `<html lang="it"><body><main data-pagefind-body><h1>${title}</h1></main></body></html>`;
    for (const file of ['index.html', 'b/index.html', 'c/index.html', '404.html']) {
      fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
      fs.writeFileSync(path.join(site, file), page(file));
    }
    const indexer = new SearchIndexer(site);
    indexer.add('b/index.html');
    indexer.add('b/index.html');
    indexer.add('404.html');
    indexer.add('non-ancora/index.html');
    // Caught half-written: left for the final sweep, which finds it whole.
    const late = path.join(site, 'd/index.html');
    fs.mkdirSync(path.dirname(late), { recursive: true });
    fs.writeFileSync(late, '<html lang="it"><body><main data-pagefind-body><h1>d</h1>');
    indexer.add('d/index.html');
    // Named by the log: read only after more pages were named.
    indexer.named('c/index.html');
    await new Promise((resolve) => setTimeout(resolve, 200));
    fs.appendFileSync(late, '</main></body></html>');
    expect(await indexer.finish()).toEqual({ pages: 4 });
    expect(fs.existsSync(path.join(site, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  test('a missing site folder is an Italian error, not a crash', async () => {
    const error = await writeSearchIndex(path.join(dir, 'non-esiste')).catch((e: unknown) => e);
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
    const module = path.resolve(import.meta.dirname, '../../scripts/lib/search-index.ts');
    const code = `import { writeSearchIndex } from ${JSON.stringify(module)};
      writeSearchIndex(${JSON.stringify(site)}).then(() => console.log('ok'), (e) => { console.log(e.message); process.exitCode = 3; });`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('il programma di Pagefind si è chiuso senza rispondere');
  });
});
