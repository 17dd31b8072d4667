/**
 * `npm run bench:pdf`: how fast the PDF step is, against Chromium's own printing. For the real
 * ANCI Lombardia catalogue and for a synthetic catalogue about five times larger: the annuario
 * PDF (Paged.js, as the build makes it) and, in the same run, the same print page printed by
 * Chromium without Paged.js; wall time and peak memory of the browser's whole process tree,
 * medians of several runs, the ratio of the medians. JSON in .annuario/bench/pdf.json and a
 * table. Targets (issue #5): at most 1.5× the reference at about 110 pages, 2× at about 530.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { buildContentGraph } from '../src/lib/content-graph.ts';
import { loadSource } from '../src/lib/validate/load.ts';
import { launchBrowser } from './lib/browser.ts';
import { runMain } from './lib/cli.ts';
import { printReference, sampleBrowserMemory, summarize, type BenchRun, type BenchSummary } from './lib/pdf/bench.ts';
import { pdfJobs, siteFile, type PdfJob } from './lib/pdf/publish.ts';
import { renderPdf, servePrintSite, type RenderTimings } from './lib/pdf/render.ts';
import { writeSyntheticSource } from './lib/synthetic-source.ts';

const HELP = `Uso: npm run bench:pdf -- [--ripetizioni 5] [--schede 513] [--solo reale|sintetico] [--riusa-siti]

Misura il PDF del catalogo di ANCI Lombardia (circa 120 pagine) e di un catalogo sintetico
circa cinque volte più grande (--schede: quante schede ha il sorgente sintetico): il PDF di
annuario (Paged.js, come nella costruzione, variante digitale) e, nella stessa esecuzione, la
stessa pagina di stampa stampata da Chromium senza Paged.js come riferimento. Tempo e picco di
memoria di tutti i processi del browser, mediane di più ripetizioni. Prima costruisce i siti
(solo sito) in .annuario/bench/; con --riusa-siti usa quelli già costruiti. Risultati in
.annuario/bench/pdf.json.

Opzioni:
  --ripetizioni <n>  ripetizioni per misura (predefinito 5)
  --schede <n>       schede del sorgente sintetico (predefinito 513: circa 530 pagine)
  --solo <caso>      solo «reale» o solo «sintetico»
  --riusa-siti       non ricostruisce i siti se ci sono già
  --help             questo aiuto`;

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, '.annuario', 'bench');

/** Targets of issue #5, as ratio to the reference, by case. */
const TARGETS = { reale: 1.5, sintetico: 2 } as const;
type CaseName = keyof typeof TARGETS;

interface CaseResult {
  name: CaseName;
  report: string;
  pages: { annuario: number; reference: number };
  annuario: BenchSummary & { paginateSeconds: number; printSeconds: number };
  reference: BenchSummary;
  /** Ratio of the medians of the browser's whole life (the target's measure). */
  ratio: number;
  /** Ratio of the medians of the render alone (page load to file). */
  renderRatio: number;
  memoryRatio: number;
  target: number;
  met: boolean;
}

/** Builds the site (without PDFs) from `source` (the project's content when undefined) into `out`. */
function buildSite(out: string, source: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(source ? { ANNUARIO_SOURCE: source } : {}) };
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'build.ts'), '--site-only', '--out', out], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`la costruzione del sito in ${path.relative(root, out)} è fallita:\n${output.slice(-2000)}`));
    });
  });
}

/** The catalogue job of a content source. */
function catalogueJob(source: string): PdfJob {
  const graph = buildContentGraph(loadSource(source).entries);
  const catalogue = graph.reports.find((report) => report.kind === 'catalogo');
  const job = pdfJobs(graph).find((j) => j.reportId === catalogue?.id);
  if (!job) throw new Error(`nessun catalogo in ${path.relative(root, source) || '.'}`);
  return job;
}

/**
 * One measured render with a browser of its own: the render alone (from the page's load to the
 * file on disk), and the browser's whole life (launch, render, exit), which is the wall time
 * of Chromium's process tree; the peak memory of that tree over its life.
 */
async function timed<T>(work: (browser: Browser) => Promise<T>): Promise<BenchRun & { value: T }> {
  const memory = sampleBrowserMemory();
  const launched = performance.now();
  try {
    const browser = await launchBrowser();
    const run = async () => {
      const started = performance.now();
      const value = await work(browser);
      return { value, seconds: (performance.now() - started) / 1000 };
    };
    const { value, seconds } = await run().finally(() => browser.close());
    return { seconds, browserSeconds: (performance.now() - launched) / 1000, peakBytes: memory.stop(), value };
  } finally {
    memory.stop();
  }
}

async function benchCase(name: CaseName, siteDir: string, job: PdfJob, repeats: number): Promise<CaseResult> {
  if (!fs.existsSync(siteFile(siteDir, job.printPath))) throw new Error(`manca la pagina di stampa ${job.printPath} in ${siteDir}`);
  const server = await servePrintSite(siteDir);
  const out = path.join(work, 'pdf', name);
  try {
    const annuario: (BenchRun & { pages: number; timings: RenderTimings })[] = [];
    const reference: (BenchRun & { pages: number })[] = [];
    for (let r = 0; r < repeats; r++) {
      // Alternate the order so neither always runs on a warmer (or hotter) machine.
      for (const kind of r % 2 === 0 ? (['reference', 'annuario'] as const) : (['annuario', 'reference'] as const)) {
        if (kind === 'annuario') {
          const run = await timed((browser) =>
            renderPdf(browser, {
              baseUrl: server.url,
              path: job.printPath,
              reportId: job.reportId,
              variant: 'digitale',
              outFile: path.join(out, 'annuario.pdf'),
              metadata: job.metadata,
            }),
          );
          annuario.push({ ...run, pages: run.value.pages, timings: run.value.timings });
        } else {
          const run = await timed((browser) =>
            printReference(browser, { baseUrl: server.url, path: job.printPath, outFile: path.join(out, 'riferimento.pdf') }),
          );
          reference.push({ ...run, pages: run.value });
        }
        const last = kind === 'annuario' ? annuario.at(-1) : reference.at(-1);
        console.log(
          `  ${name}, ${kind === 'annuario' ? 'annuario' : 'riferimento'} #${r + 1}: ${last?.pages ?? 0} pagine, ` +
            `${(last?.seconds ?? 0).toFixed(2)} s (browser ${(last?.browserSeconds ?? 0).toFixed(2)} s), ${((last?.peakBytes ?? 0) / 1024 ** 2).toFixed(0)} MiB`,
        );
      }
    }
    const a = summarize(annuario);
    const b = summarize(reference);
    const ms = (key: keyof RenderTimings) =>
      Number((annuario.map((run) => run.timings[key]).sort((x, y) => x - y)[Math.floor(annuario.length / 2)] ?? 0).toFixed(0)) / 1000;
    const ratio = Number((a.browserSeconds / b.browserSeconds).toFixed(2));
    return {
      name,
      report: job.reportId,
      pages: { annuario: annuario[0]?.pages ?? 0, reference: reference[0]?.pages ?? 0 },
      annuario: { ...a, paginateSeconds: ms('paginate'), printSeconds: ms('print') },
      reference: b,
      ratio,
      renderRatio: Number((a.seconds / b.seconds).toFixed(2)),
      memoryRatio: Number((a.peakMiB / b.peakMiB).toFixed(2)),
      target: TARGETS[name],
      met: ratio <= TARGETS[name],
    };
  } finally {
    await server.close();
  }
}

/** Seconds the Italian way: `2,41 s`. */
const secondsIt = (s: number) => `${s.toFixed(2).replace('.', ',')} s`;
/** A ratio the Italian way: `1,42×`. */
const times = (r: number) => `${r.toFixed(2).replace('.', ',')}×`;

runMain(async () => {
  const { values } = parseArgs({
    options: {
      ripetizioni: { type: 'string', default: '5' },
      schede: { type: 'string', default: '513' },
      solo: { type: 'string' },
      'riusa-siti': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const repeats = Number(values.ripetizioni);
  const cards = Number(values.schede);
  if (!Number.isInteger(repeats) || repeats < 1 || !Number.isInteger(cards) || cards < 1) {
    console.error(`--ripetizioni e --schede vogliono un intero positivo.\n\n${HELP}`);
    return 1;
  }
  if (values.solo !== undefined && !(values.solo in TARGETS)) {
    console.error(`--solo vuole «reale» o «sintetico», non «${values.solo}».\n\n${HELP}`);
    return 1;
  }
  const cases = (Object.keys(TARGETS) as CaseName[]).filter((name) => values.solo === undefined || values.solo === name);
  fs.mkdirSync(work, { recursive: true });
  const results: CaseResult[] = [];
  for (const name of cases) {
    const source = name === 'reale' ? root : path.join(work, `pdf-sorgente-${cards}`);
    const siteDir = path.join(work, name === 'reale' ? 'pdf-sito-reale' : `pdf-sito-${cards}`);
    if (name === 'sintetico' && !(values['riusa-siti'] && fs.existsSync(source))) writeSyntheticSource(source, { cards, organizations: 1 });
    if (!(values['riusa-siti'] && fs.existsSync(path.join(siteDir, 'index.html')))) {
      console.log(`Costruzione del sito (${name === 'reale' ? 'contenuti del progetto' : `${cards} schede sintetiche`})…`);
      await buildSite(siteDir, name === 'reale' ? undefined : source);
    }
    console.log(`Misura: ${name} (${repeats} ripetizioni)…`);
    results.push(await benchCase(name, siteDir, catalogueJob(source), repeats));
  }
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 1024 ** 3) },
    results,
  };
  const file = path.join(work, 'pdf.json');
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  console.log(
    '\n| catalogo | pagine | riferimento: browser (stampa) | annuario: browser (PDF) | rapporto browser (PDF) | picco memoria rif. / annuario | obiettivo |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.pages.annuario} (rif. ${r.pages.reference}) | ${secondsIt(r.reference.browserSeconds)} (${secondsIt(r.reference.seconds)}) | ` +
        `${secondsIt(r.annuario.browserSeconds)} (${secondsIt(r.annuario.seconds)}) | ${times(r.ratio)} (${times(r.renderRatio)}) | ` +
        `${r.reference.peakMiB} / ${r.annuario.peakMiB} MiB | ≤ ${times(r.target)}: ${r.met ? 'sì' : 'no'} |`,
    );
  }
  console.log(`\nRisultati in ${path.relative(process.cwd(), file)}.`);
  return 0;
});
