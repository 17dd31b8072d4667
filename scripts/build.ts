/**
 * `npm run build`: builds the site with Astro's own `build()` into a temporary folder, renders
 * every report's PDFs (both variants) from its print pages, and swaps it into `dist/` only when
 * everything succeeded. The content is read, validated and checked across files by the content
 * loader inside Astro (src/integration/loader.ts): a source with errors stops the build with the
 * validator's report. The search index is written by the `annuario()` integration from the pages
 * Astro hands to its `astro:build:done` hook; the PDF step runs here, after Astro, because it
 * drives a browser of its own and `--site-only` leaves it out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AstroIntegration } from 'astro';
import { sourceRoot } from '../src/lib/source.ts';
import { clearOutcome, publishedOutcome } from '../src/integration/outcome.ts';
import { builtFile } from '../src/integration/index.ts';
import { buildSearchIndex, setBuildSearchIndex } from '../src/integration/page-sink.ts';
import { projectRoot } from './lib/astro.ts';
import { MARKDOWN_CACHE_ENV, markdownCacheFile, sourceCacheDir } from './lib/content-cache.ts';
import { withLock } from './lib/lock.ts';
import { runMain } from './lib/cli.ts';

const HELP = `Uso: npm run build -- [opzioni]

Valida i contenuti, costruisce il sito, il suo indice di ricerca e i PDF di ogni pubblicazione
(digitale e per la tipografia) in dist/. Se la validazione, la costruzione, l'indice o un PDF
falliscono, dist/ resta com'era.

Opzioni:
  --site-only   (npm run build:site) solo il sito, senza i PDF
  --out <dir>   cartella di destinazione (predefinita: dist)
  --help        questo aiuto`;

runMain(async () => {
  const { values } = parseArgs({
    options: {
      'site-only': { type: 'boolean', default: false },
      out: { type: 'string', default: 'dist' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const root = sourceRoot();
  const finalDir = path.resolve(process.cwd(), values.out);
  const unchanged = `${path.relative(process.cwd(), finalDir) || '.'}/ non è stato modificato.`;
  const workDir = path.resolve(projectRoot, '.annuario');
  fs.mkdirSync(workDir, { recursive: true });
  const tmpDir = fs.mkdtempSync(path.join(workDir, 'build-'));
  // Astro's cache (its content store, Vite's optimized dependencies) and the parsed Markdown are
  // kept between builds of the same source: builds take turns on them (the lock below), and
  // another source never sees them.
  const sourceCache = sourceCacheDir(workDir, root);
  const astroCache = path.join(sourceCache, 'astro');
  process.env[MARKDOWN_CACHE_ENV] = markdownCacheFile(projectRoot, sourceCache);
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const cleanup = () => fs.rmSync(tmpDir, { recursive: true, force: true });

  // The pages Astro built, as its own hook hands them over (the PDF step checks its print pages there).
  const built = new Set<string>();
  const pageList: AstroIntegration = {
    name: 'annuario-build-pages',
    hooks: {
      'astro:build:done': ({ dir, pages }) => {
        for (const page of pages) {
          const file = builtFile(fileURLToPath(dir), page.pathname);
          if (file) built.add(file);
        }
      },
    },
  };

  console.log(`Costruzione del sito da ${path.relative(process.cwd(), root) || '.'}…`);
  clearOutcome();
  try {
    // Loaded here: Astro's modules take a moment, and `--help` needs none of them.
    const { build } = await import('astro');
    await withLock(
      path.join(workDir, 'astro.lock'),
      () =>
        build({
          root: projectRoot,
          outDir: tmpDir,
          cacheDir: astroCache,
          vite: { cacheDir: path.join(astroCache, 'vite') },
          integrations: [pageList],
        }),
      () => console.log("Un'altra costruzione è in corso in questa cartella: attendo che finisca…"),
    );
  } catch (error) {
    // Pagefind started with the build: a build that failed must not leave it running.
    await buildSearchIndex()?.abort();
    setBuildSearchIndex(undefined);
    cleanup();
    const outcome = publishedOutcome();
    if (outcome && outcome.errors > 0) {
      console.error(`\n${outcome.report}`);
      console.error('\nCostruzione interrotta: correggi gli errori qui sopra e riprova.');
    } else {
      console.error('\nCostruzione del sito fallita:');
      console.error(`  ${error instanceof Error ? error.message : String(error)}`);
      if (process.env['ANNUARIO_DEBUG']) console.error(error);
    }
    console.error(unchanged);
    return 1;
  }
  const outcome = publishedOutcome();
  if (!outcome?.graph) {
    cleanup();
    console.error('\nCostruzione del sito fallita: Astro non ha letto i contenuti (il caricatore «annuario» non è partito).');
    console.error(unchanged);
    return 1;
  }

  try {
    // The PDF step's modules (the browser's among them) are loaded only now.
    const { pdfJobs, PdfSetupError, publishPdfs, publishSiteOnlyNotes, renderReportPdfs, siteFile } = await import('./lib/pdf/publish.ts');
    const { PDF_VARIANTS, PdfRenderError } = await import('./lib/pdf/render.ts');
    const jobs = pdfJobs(outcome.graph);
    const reportIds = jobs.map((job) => job.reportId);
    const unbuilt = jobs.filter((job) => !built.has(path.relative(tmpDir, siteFile(tmpDir, job.printPath)).split(path.sep).join('/')));
    if (unbuilt.length > 0) {
      console.error(
        `\nAstro non ha costruito la pagina di stampa di ${unbuilt.map((job) => `«${job.reportId}»`).join(', ')} (${unbuilt[0]?.printPath}).`,
      );
      console.error(unchanged);
      cleanup();
      return 1;
    }
    let missingMarkers: string[];
    if (values['site-only']) {
      missingMarkers = publishSiteOnlyNotes(tmpDir, reportIds);
    } else {
      console.log(`PDF delle pubblicazioni (${jobs.length}, ${PDF_VARIANTS.join(' e ')})…`);
      try {
        const { reports, warnings } = await renderReportPdfs(tmpDir, jobs, {
          variants: PDF_VARIANTS,
          during: 'build',
          log: (line) => console.log(`  ${line}`),
        });
        missingMarkers = publishPdfs(tmpDir, reports, reportIds);
        console.log(`PDF: ${reports.length * PDF_VARIANTS.length} file${warnings > 0 ? `, ${warnings} avvisi (vedi sopra)` : ''}.`);
      } catch (error) {
        if (!(error instanceof PdfRenderError || error instanceof PdfSetupError)) throw error;
        console.error(`\n${error.message}`);
        console.error(unchanged);
        cleanup();
        return 1;
      }
    }
    if (missingMarkers.length > 0) {
      console.error(
        `\nLe pagine web di ${missingMarkers.map((id) => `«${id}»`).join(', ')} non hanno il posto per i link ai PDF (PdfDownloads).`,
      );
      console.error(unchanged);
      cleanup();
      return 1;
    }
    const oldDir = `${tmpDir}-old`;
    if (fs.existsSync(finalDir)) fs.renameSync(finalDir, oldDir);
    fs.renameSync(tmpDir, finalDir);
    // The previous site, tens of thousands of files: removed folder by folder on the thread
    // pool (about a quarter faster than one synchronous sweep at 5000 cards).
    await fs.promises.rm(oldDir, { recursive: true, force: true });
    console.log(`\nSito costruito in ${path.relative(process.cwd(), finalDir)}/.`);
    return 0;
  } catch (error) {
    cleanup();
    throw error;
  }
});
