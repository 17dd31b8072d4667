/**
 * `npm run lighthouse`: Lighthouse (mobile, all four categories) on the built site's home, a
 * catalogue, a card and a statistics page, with the same browser the tests and the PDFs use.
 * Run after `npm run build`; prints a table and writes each report's JSON into
 * `.annuario/lighthouse/`. Not a test: the figures go into docs/sito.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { BROWSER_ARGS, resolveBrowser } from './lib/browser.ts';
import { runMain } from './lib/cli.ts';
import { serveStatic } from './lib/static-server.ts';

const HELP = `Uso: npm run lighthouse -- [--dir dist] [--pagina /percorso/ ...]

Esegue Lighthouse (mobile: prestazioni, accessibilità, buone pratiche, SEO) sulle pagine
del sito costruito e stampa i punteggi. Pagine predefinite: la home, il catalogo, una scheda
e una pagina di statistiche.`;

const DEFAULT_PAGES = [
  '/',
  '/anci-lombardia/attivita/',
  '/anci-lombardia/attivita/sportello-rifiuti/',
  '/anci-toscana/statistiche/social/',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

runMain(async () => {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      pagina: { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const root = path.resolve(values.dir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`Nessun sito costruito in ${values.dir}/: esegui prima "npm run build".`);
    return 1;
  }
  const pages = values.pagina ?? DEFAULT_PAGES;
  const outDir = path.resolve('.annuario', 'lighthouse');
  fs.mkdirSync(outDir, { recursive: true });
  const server = await serveStatic(root);
  const browser = await resolveBrowser();
  const chrome = await chromeLauncher.launch({
    chromePath: browser.executablePath,
    envVars: browser.env,
    chromeFlags: [...BROWSER_ARGS, '--headless=new'],
  });
  const rows: string[][] = [];
  try {
    for (const urlPath of pages) {
      const result = await lighthouse(new URL(urlPath, server.url).href, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse non ha prodotto un risultato per ${urlPath}`);
      const name = urlPath.split('/').filter(Boolean).join('--') || 'home';
      fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(result.lhr, null, 2));
      rows.push([urlPath, ...CATEGORIES.map((c) => String(Math.round((result.lhr.categories[c]?.score ?? 0) * 100)))]);
      console.log(`${urlPath}: ${rows.at(-1)?.slice(1).join(' / ')}`);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  console.log(`\n| pagina | prestazioni | accessibilità | buone pratiche | SEO |\n|---|---|---|---|---|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`\nRapporti JSON in ${path.relative(process.cwd(), outDir)}/.`);
  return 0;
});
