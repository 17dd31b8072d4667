/** Reading pages of the built test site (see tests/setup/built-site.ts) for HTML-level tests. */
import fs from 'node:fs';
import path from 'node:path';
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
