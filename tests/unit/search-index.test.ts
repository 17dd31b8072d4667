import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isSearchable, searchablePages, SearchIndexError, writeSearchIndex } from '../../scripts/lib/search-index.ts';

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

  test('a missing site folder is an Italian error, not a crash', async () => {
    const error = await writeSearchIndex(path.join(dir, 'non-esiste')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchIndexError);
    expect((error as Error).message).toMatch(/^Indice di ricerca \(Pagefind\) non creato: Pagefind si è interrotto\./);
  });
});
