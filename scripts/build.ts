/**
 * `npm run build`: validates the content, then builds the site with Astro into a temporary
 * folder, indexes it for search, renders every report's PDFs (both variants) from its print
 * pages, and swaps it into `dist/` only when everything succeeded. Astro's logged-but-ignored
 * content errors (broken references, duplicate ids) and any PDF failure fail the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ContentGraph } from '../src/lib/content-graph.ts';
import { sourceRoot } from '../src/lib/source.ts';
import { astroLogFailures } from './lib/astro-log.ts';
import { projectRoot, startAstro, type AstroProcess } from './lib/astro.ts';
import { CONTENT_CACHE_ENV, MARKDOWN_CACHE_ENV, markdownCacheFile, sourceCacheDir } from './lib/content-cache.ts';
import { withLock } from './lib/lock.ts';
import { runMain } from './lib/cli.ts';
import { namedPages, SearchIndexer, SearchIndexError } from './lib/search-index.ts';
import { validateInChild } from './lib/validation-process.ts';

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
  const workDir = path.resolve(projectRoot, '.annuario');
  fs.mkdirSync(workDir, { recursive: true });
  const tmpDir = fs.mkdtempSync(path.join(workDir, 'build-'));
  // The validated content, handed to Astro so it does not load and parse every file again.
  const contentCache = `${tmpDir}.content.json`;
  // Astro's cache (its content store, Vite's optimized dependencies) and the parsed Markdown are
  // kept between builds of the same source: builds take turns on them (the lock below), and
  // another source never sees them.
  const sourceCache = sourceCacheDir(workDir, root);
  const astroCache = path.join(sourceCache, 'astro');
  const markdownCache = markdownCacheFile(projectRoot, sourceCache);
  const cleanup = () => {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    fs.rmSync(contentCache, { force: true });
  };
  // The search index is filled page by page while Astro writes them (Pagefind works on another core).
  const search = new SearchIndexer(tmpDir);

  // Astro starts right away, while the content is validated here: its start (configuration,
  // Vite, the client bundles) needs no content. It reads none before the validated content is
  // handed over (src/lib/site/content.ts waits for the file), and it is stopped, its output
  // unseen, if the validation fails: nothing is built from content that did not pass.
  let astro: AstroProcess | undefined;
  let validated = false;
  const stop = new AbortController();
  const astroRun = withLock(
    path.join(workDir, 'astro.lock'),
    () => {
      astro = startAstro(
        ['build'],
        {
          ANNUARIO_OUT_DIR: tmpDir,
          ANNUARIO_CACHE_DIR: astroCache,
          [CONTENT_CACHE_ENV]: contentCache,
          [MARKDOWN_CACHE_ENV]: markdownCache,
        },
        {
          held: !validated,
          onLine: (line) => {
            for (const page of namedPages(line)) search.named(page);
          },
        },
      );
      return astro.result;
    },
    () => console.log("Un'altra costruzione è in corso in questa cartella: attendo che finisca…"),
    stop.signal,
  );
  const stopAstro = async () => {
    stop.abort();
    astro?.kill();
    await Promise.all([astroRun.catch(() => undefined), search.abort()]);
    cleanup();
  };

  // The validation's own data (every file parsed, with positions) is not kept past this block:
  // the build goes on with what the PDF step needs of the graph.
  // It runs in a process of its own: its memory goes back to the system once it is done.
  let graph: Pick<ContentGraph, 'reports' | 'organizations'>;
  try {
    console.log(`Validazione dei contenuti in ${path.relative(process.cwd(), root) || '.'}…`);
    const validation = await validateInChild(root, contentCache);
    if (validation.errors > 0 || !validation.graph) {
      await stopAstro();
      console.error(validation.report);
      console.error('\nCostruzione interrotta: correggi gli errori qui sopra e riprova.');
      return 1;
    }
    if (validation.warnings > 0) console.log(validation.report);
    graph = validation.graph;
  } catch (error) {
    await stopAstro();
    throw error;
  }
  validated = true;
  astro?.release();

  try {
    const { code, output } = await astroRun.finally(() => fs.rmSync(contentCache, { force: true }));
    const failures = astroLogFailures(output);
    if (code !== 0 || failures.length > 0) {
      console.error('\nCostruzione del sito fallita:');
      for (const line of failures) console.error(`  ${line}`);
      if (code !== 0 && failures.length === 0) console.error(`  Astro è uscito con codice ${code} (vedi i messaggi qui sopra).`);
      console.error(`${path.relative(process.cwd(), finalDir)}/ non è stato modificato.`);
      await search.abort();
      cleanup();
      return 1;
    }
    try {
      const { pages } = await search.finish();
      console.log(`Indice di ricerca: ${pages} pagine.`);
    } catch (error) {
      if (!(error instanceof SearchIndexError)) throw error;
      console.error(`\n${error.message}`);
      console.error(`${path.relative(process.cwd(), finalDir)}/ non è stato modificato.`);
      cleanup();
      return 1;
    }
    // The PDF step's modules (the browser's among them) are loaded only now: loaded up front,
    // they delayed Astro's start by about 0.15 s.
    const { pdfJobs, PdfSetupError, publishPdfs, publishSiteOnlyNotes, renderReportPdfs } = await import('./lib/pdf/publish.ts');
    const { PDF_VARIANTS, PdfRenderError } = await import('./lib/pdf/render.ts');
    const jobs = pdfJobs(graph);
    const reportIds = jobs.map((job) => job.reportId);
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
        console.error(`${path.relative(process.cwd(), finalDir)}/ non è stato modificato.`);
        cleanup();
        return 1;
      }
    }
    if (missingMarkers.length > 0) {
      console.error(
        `\nLe pagine web di ${missingMarkers.map((id) => `«${id}»`).join(', ')} non hanno il posto per i link ai PDF (PdfDownloads).`,
      );
      console.error(`${path.relative(process.cwd(), finalDir)}/ non è stato modificato.`);
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
    await search.abort();
    cleanup();
    throw error;
  }
});
