/**
 * Hostile content: a source whose Markdown and YAML carry more than twenty injection payloads
 * (script tags, event handlers, `javascript:` and `data:` links, SVG onload, HTML inside YAML
 * strings, entity and mutation tricks) is built like any other, then every page is read as HTML
 * and opened in Chromium: no payload survives as markup, no dialog opens, nothing runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';
import { useSite } from './harness.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const siteDir = path.join(repoRoot, '.annuario', 'hostile-site');

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
}

beforeAll(() => {
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--site-only', '--out', siteDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ANNUARIO_SOURCE: path.join(repoRoot, 'tests', 'fixtures', 'hostile') },
  });
  if (result.status !== 0) throw new Error(`costruzione del sito ostile fallita:\n${result.stdout}\n${result.stderr}`);
});

const site = useSite({ root: () => siteDir });
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'srcset', 'poster', 'xlink:href'];
const DANGEROUS_URL = /^\s*(javascript|vbscript|data:text\/html)/i;

describe('hostile content, as HTML', () => {
  test('no payload survives as markup on any page', () => {
    const files = htmlFiles(siteDir);
    expect(files.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of files) {
      const $ = cheerio.load(fs.readFileSync(path.join(siteDir, file), 'utf8'));
      $('*').each((_, el) => {
        if (!('attribs' in el)) return;
        for (const [name, value] of Object.entries(el.attribs)) {
          if (name.startsWith('on')) found.push(`${file}: <${el.tagName} ${name}>`);
          if (URL_ATTRIBUTES.includes(name) && DANGEROUS_URL.test(value.replace(/[\t\n\r]/g, '')))
            found.push(`${file}: <${el.tagName} ${name}="${value}">`);
        }
      });
      $(
        'main iframe, main object, main embed, main form[action^="javascript"], base, meta[http-equiv="refresh"], main style, main link',
      ).each((_, el) => {
        found.push(`${file}: <${'tagName' in el ? el.tagName : '?'}>`);
      });
      $('script').each((_, el) => {
        const src = $(el).attr('src');
        const type = $(el).attr('type');
        if (src !== undefined && !src.startsWith('/_astro/') && !src.startsWith('/pagefind/')) found.push(`${file}: script src=${src}`);
        if (src === undefined && type !== 'application/json' && /alert\(|__pwned/.test($(el).text()))
          found.push(`${file}: inline script with a payload`);
      });
    }
    expect(found).toEqual([]);
  });

  test('payloads written in YAML are shown as text, not dropped', () => {
    const $ = cheerio.load(fs.readFileSync(path.join(siteDir, 'anci-prova', 'attivita', 'sportello', 'index.html'), 'utf8'));
    expect($('h1').text()).toContain("<script>window.__pwned = 'title'; alert(1)</script> Sportello per i Comuni");
  });
});

describe('hostile content, in Chromium', () => {
  const pages = () =>
    htmlFiles(siteDir)
      .filter((f) => !f.startsWith('404'))
      .map((f) => `/${f.replace(/index\.html$/, '')}`);

  test('opening, hovering and toggling every page opens no dialog and runs no payload', async () => {
    for (const urlPath of pages()) {
      const page = await site.visit(urlPath);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(`${urlPath}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      for (const el of await page.locator('main b, main details summary, main img, main svg').all()) {
        if (await el.isVisible()) await el.hover({ timeout: 500 }).catch(() => undefined);
      }
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      await page.context().close();
      // The sanitizer keeps `<img src="x">` minus its handler: a harmless broken image, nothing else.
      const problems = site.takeProblems().filter((p) => !/\/x(\)|$)/.test(p));
      expect(problems, urlPath).toEqual([]);
    }
  });
});
