/**
 * `npm run bench:dev`: how long an editor waits in `npm run dev` between saving a file and seeing
 * the change in the open browser page. On a copy of the example source and on synthetic sources
 * of N cards (scripts/lib/synthetic-source.ts): the development server runs, a card page is open
 * in Chromium, the card's title is saved with a new text, and the time until the open page shows
 * it (it reloads by itself) is measured; median of several saves. Targets (issue #15): 1 s for the
 * example content, 2 s at 5000 cards. Results as JSON in .annuario/bench/dev.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/browser.ts';
import { runMain } from './lib/cli.ts';
import { fetchUntil, startDevServer } from './lib/dev-server.ts';
import { median } from './lib/measure.ts';
import { writeSyntheticSource } from './lib/synthetic-source.ts';

const HELP = `Uso: npm run bench:dev -- [--schede 5000] [--ripetizioni 5]

Misura, con «npm run dev» in esecuzione, il tempo fra il salvataggio di una scheda e la pagina
aperta nel browser che mostra la modifica: sui contenuti di esempio e su un sorgente sintetico
di N schede. Risultati in .annuario/bench/dev.json.`;

const root = path.resolve(import.meta.dirname, '..');

interface DevResult {
  source: string;
  cards: number;
  saveToPageMs: number;
  samples: number[];
}

/** The first card of a source: its file and its page. */
function firstCard(source: string): { file: string; page: string } {
  const projects = path.join(source, 'content', 'projects');
  const org = fs.readdirSync(projects).sort()[0] as string;
  const card = (
    fs
      .readdirSync(path.join(projects, org))
      .filter((f) => f.endsWith('.md'))
      .sort()[0] as string
  ).replace(/\.md$/, '');
  return { file: path.join(projects, org, `${card}.md`), page: `${org}/attivita/${card}/` };
}

async function measureSource(label: string, source: string, repeats: number): Promise<DevResult> {
  const cards = fs
    .readdirSync(path.join(source, 'content', 'projects'), { recursive: true })
    .filter((f) => String(f).endsWith('.md')).length;
  const { file, page: pagePath } = firstCard(source);
  const server = await startDevServer(source, 600_000);
  const browser = await launchBrowser();
  try {
    const url = `${server.url}${pagePath}`;
    const ready = await fetchUntil(url, (status) => status === 200, 300_000);
    if (!ready.accepted) throw new Error(`la pagina ${url} non risponde:\n${server.output().slice(-2000)}`);
    const page = await browser.newPage();
    await page.goto(url);
    const samples: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const title = `Titolo di prova ${r + 1} ${Date.now()}`;
      const text = fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`);
      const start = performance.now();
      fs.writeFileSync(file, text);
      await page.waitForFunction((expected) => document.querySelector('h1')?.textContent?.includes(expected), title, { timeout: 300_000 });
      samples.push(Math.round(performance.now() - start));
      console.log(`${label}, salvataggio ${r + 1}: ${samples.at(-1)} ms`);
      // Let the page settle (its own requests) before the next save.
      await page.waitForLoadState('load');
    }
    return { source: label, cards, saveToPageMs: median(samples), samples };
  } finally {
    await browser.close();
    await server.stop();
  }
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      schede: { type: 'string', default: '5000' },
      ripetizioni: { type: 'string', default: '5' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const sizes = values.schede
    .split(',')
    .map((n) => Number(n.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const repeats = Math.max(1, Number(values.ripetizioni) || 5);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-bench-dev-'));
  const results: DevResult[] = [];
  try {
    const example = path.join(work, 'esempio');
    for (const dir of ['content', 'data']) fs.cpSync(path.join(root, dir), path.join(example, dir), { recursive: true });
    results.push(await measureSource('contenuti di esempio', example, repeats));
    for (const cards of sizes) {
      const source = path.join(work, `sorgente-${cards}`);
      writeSyntheticSource(source, { cards, organizations: 1 });
      results.push(await measureSource(`${cards} schede sintetiche`, source, repeats));
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const out = path.join(root, '.annuario', 'bench');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, 'dev.json'),
    `${JSON.stringify({ date: new Date().toISOString(), load: os.loadavg(), results }, null, 2)}\n`,
  );
  console.log('\n| sorgente | schede | salvataggio → pagina aggiornata (mediana) |');
  console.log('|---|---|---|');
  for (const r of results) console.log(`| ${r.source} | ${r.cards} | ${r.saveToPageMs} ms |`);
  return 0;
});
