/**
 * `npm run bench`: how fast annuario builds, against the framework's floor. For each size N of a
 * synthetic source (scripts/lib/synthetic-source.ts): the full site build (without PDFs) and, in
 * the same run, a bare Astro build of the same cards (scripts/bench/bare: one page per card
 * plus a list), wall time and peak memory of the whole process tree, medians of several runs;
 * then catalogue filtering in Chromium on the largest N. Results as JSON in .annuario/bench/
 * and as a table. Targets (issue #6): site ≤ 1.5× bare at 1000 and 5000 cards, peak ≤ 1.5 GB.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/browser.ts';
import { runMain } from './lib/cli.ts';
import { measure, median, type Measurement } from './lib/measure.ts';
import { serveStatic } from './lib/static-server.ts';
import { writeSyntheticSource } from './lib/synthetic-source.ts';

const HELP = `Uso: npm run bench -- [--schede 100,1000,5000] [--ripetizioni 3] [--senza-browser]

Misura la costruzione del sito (senza PDF) su sorgenti sintetiche di N schede e, nella stessa
esecuzione, una costruzione Astro essenziale delle stesse schede come riferimento; poi il tempo
di filtro del catalogo nel browser sul sorgente più grande. Risultati in .annuario/bench/.`;

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, '.annuario', 'bench');
const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const GiB = 1024 ** 3;

interface SizeResult {
  cards: number;
  site: { seconds: number; peakGiB: number; runs: number[] };
  bare: { seconds: number; peakGiB: number; runs: number[] };
  ratio: number;
}

async function run(kind: 'site' | 'bare', source: string, out: string): Promise<Measurement> {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const result =
    kind === 'site'
      ? await measure(process.execPath, [path.join(root, 'scripts', 'build.ts'), '--site-only', '--out', out], {
          ...env,
          ANNUARIO_SOURCE: source,
        })
      : await measure(process.execPath, [astroBin, 'build', '--root', path.join(root, 'scripts', 'bench', 'bare')], {
          ...env,
          BENCH_SOURCE: source,
          BENCH_OUT: out,
        });
  if (result.code !== 0) throw new Error(`la costruzione "${kind}" su ${source} è fallita:\n${result.output.slice(-2000)}`);
  return result;
}

/** Milliseconds from a facet click to the updated list painted, median of several clicks. */
async function filterTiming(siteDir: string): Promise<{ cards: number; clickToPaintMs: number; samples: number[] }> {
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const org = fs.readdirSync(path.join(siteDir)).find((d) => fs.existsSync(path.join(siteDir, d, 'attivita', 'index.html'))) ?? '';
    await page.goto(`${server.url}/${org}/attivita/`, { waitUntil: 'load' });
    await page.locator('button[data-facet="stato"]').first().waitFor();
    const cards = await page.locator('#catalogue-list > li').count();
    const samples: number[] = [];
    for (const value of ['attivo', 'concluso', 'attivo', 'concluso', 'in-progettazione', 'in-progettazione', 'attivo', 'attivo']) {
      samples.push(
        await page.evaluate(async (v) => {
          const button = document.querySelector<HTMLButtonElement>(`button[data-facet="stato"][data-value="${v}"]`);
          const count = document.querySelector('#catalogue-count');
          if (!button || !count) return Number.NaN;
          const before = count.textContent;
          const started = performance.now();
          button.click();
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          return count.textContent === before ? Number.NaN : performance.now() - started;
        }, value),
      );
    }
    return { cards, clickToPaintMs: median(samples.filter(Number.isFinite)), samples };
  } finally {
    await browser.close();
    await server.close();
  }
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      schede: { type: 'string', default: '100,1000,5000' },
      ripetizioni: { type: 'string', default: '3' },
      'senza-browser': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const sizes = values.schede.split(',').map(Number);
  const repeats = Number(values.ripetizioni);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(repeats) || repeats < 1) {
    console.error(`--schede vuole numeri interi separati da virgole, --ripetizioni un intero positivo.\n\n${HELP}`);
    return 1;
  }
  fs.mkdirSync(work, { recursive: true });
  const results: SizeResult[] = [];
  for (const cards of sizes) {
    const source = path.join(work, `sorgente-${cards}`);
    writeSyntheticSource(source, { cards, organizations: 1 });
    const site: Measurement[] = [];
    const bare: Measurement[] = [];
    for (let r = 0; r < repeats; r++) {
      // Alternate the order so neither build always runs on a warmer machine.
      const order: ('site' | 'bare')[] = r % 2 === 0 ? ['bare', 'site'] : ['site', 'bare'];
      for (const kind of order) {
        const m = await run(kind, source, path.join(work, `${kind}-${cards}`));
        (kind === 'site' ? site : bare).push(m);
        console.log(
          `${cards} schede, ${kind === 'site' ? 'annuario' : 'Astro essenziale'} #${r + 1}: ${m.seconds.toFixed(1)} s, ${(m.peakBytes / GiB).toFixed(2)} GiB`,
        );
      }
    }
    const summary = (ms: Measurement[]) => ({
      seconds: median(ms.map((m) => m.seconds)),
      peakGiB: Math.max(...ms.map((m) => m.peakBytes)) / GiB,
      runs: ms.map((m) => Number(m.seconds.toFixed(2))),
    });
    const s = summary(site);
    const b = summary(bare);
    results.push({ cards, site: s, bare: b, ratio: s.seconds / b.seconds });
  }
  const largest = Math.max(...sizes);
  const filter = values['senza-browser'] ? null : await filterTiming(path.join(work, `site-${largest}`));
  const report = { date: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length }, results, filter };
  fs.writeFileSync(path.join(work, 'risultati.json'), `${JSON.stringify(report, null, 2)}\n`);

  console.log('\n| schede | annuario (mediana) | Astro essenziale | rapporto | picco memoria annuario | obiettivo |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    const target = r.cards >= 1000 ? (r.ratio <= 1.5 && (r.cards < 5000 || r.site.peakGiB <= 1.5) ? 'sì' : 'no') : '—';
    console.log(
      `| ${r.cards} | ${r.site.seconds.toFixed(1)} s | ${r.bare.seconds.toFixed(1)} s | ${r.ratio.toFixed(2)}× | ${r.site.peakGiB.toFixed(2)} GiB | ${target} |`,
    );
  }
  if (filter)
    console.log(
      `\nFiltro del catalogo con ${filter.cards} schede: ${filter.clickToPaintMs.toFixed(0)} ms dal clic alla lista aggiornata (mediana).`,
    );
  console.log(`\nRisultati in ${path.relative(process.cwd(), path.join(work, 'risultati.json'))}.`);
  return 0;
});
