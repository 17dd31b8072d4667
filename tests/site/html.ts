/** Reading pages of the built test site (see tests/setup/built-site.ts) for HTML-level tests. */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { inject } from 'vitest';

/** The built file for a site path: `/anci-lombardia/` → `<site>/anci-lombardia/index.html`. */
export function builtFile(urlPath: string): string {
  const siteDir = inject('siteDir');
  const rel = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return path.join(siteDir, ...rel.split('/').filter(Boolean));
}

/** A built page parsed with cheerio; fails the test with the path if the page was not built. */
export function page(urlPath: string): cheerio.CheerioAPI {
  const file = builtFile(urlPath);
  if (!fs.existsSync(file)) throw new Error(`pagina non costruita: ${urlPath} (${file})`);
  return cheerio.load(fs.readFileSync(file, 'utf8'));
}

/** Visible text of a selection, each text node separated by a space, whitespace collapsed. */
export function text($: cheerio.CheerioAPI, selector: string): string {
  return $(selector)
    .find('*')
    .addBack()
    .contents()
    .filter((_, node) => node.nodeType === 3)
    .toArray()
    .map((node) => $(node).text())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What Pagefind indexed of a page, as its excerpts quote it: the `content` of the page's fragment
 * in the built index (gzip, a `pagefind_dcd` signature, then JSON). Fails when the page has none.
 */
export function indexedContent(urlPath: string): string {
  const dir = builtFile('/pagefind/fragment');
  for (const name of fs.readdirSync(dir)) {
    const raw = gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8');
    const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string };
    if (fragment.url === urlPath) return fragment.content;
  }
  throw new Error(`pagina non indicizzata: ${urlPath}`);
}
