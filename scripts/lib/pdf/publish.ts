/**
 * The PDF step of a build, for `npm run build` and `npm run pdf`: every report's print page
 * (already built by Astro) rendered in both variants by one browser, then the manifest and
 * the download links on the reports' web pages. The first failure stops everything.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { t } from '../../../src/i18n/t.ts';
import type { ContentGraph } from '../../../src/lib/content-graph.ts';
import { formatCoveredPeriod, formatDecimal, formatFileSize } from '../../../src/lib/format.ts';
import { siteAddress } from '../../../src/lib/site/address.ts';
import { routes, routesUnder, withBase } from '../../../src/lib/site/urls.ts';
import { sourceRoot } from '../../../src/lib/source.ts';
import { launchBrowser } from '../browser.ts';
import type { PdfMetadata } from './document.ts';
import {
  downloadsHtml,
  fillDownloadsMarker,
  formatPageCount,
  mergeManifest,
  siteOnlyHtml,
  type PdfManifest,
  type PdfManifestReport,
} from './downloads.ts';
import { formatFinding } from './preflight.ts';
import { renderPdf, servePrintSite, type PdfVariant, type RenderPdfResult } from './render.ts';

/** One report to render: where its print page is and what goes into its PDFs' information. */
export interface PdfJob {
  reportId: string;
  title: string;
  printPath: string;
  metadata: PdfMetadata;
}

/** A problem of the setup (no site, no print page), worded for the editor with the fix. */
export class PdfSetupError extends Error {}

/** The jobs for the reports of the content graph, in the content's order. */
export function pdfJobs(graph: Pick<ContentGraph, 'reports' | 'organizations'>): PdfJob[] {
  return graph.reports.map((report) => {
    const organization = graph.organizations.find((o) => o.id === report.organization.id);
    const kind = t(`reports.kinds.${report.kind}`);
    const period = report.period ? formatCoveredPeriod(report.period.from, report.period.to) : undefined;
    const shortName = organization?.name.short ?? report.organization.label;
    return {
      reportId: report.id,
      title: report.title,
      printPath: routes.printReport(report.id),
      metadata: {
        title: report.subtitle ? `${report.title} – ${report.subtitle}` : report.title,
        author: organization?.name.full ?? report.organization.label,
        subject: [`${kind} di ${shortName}`, period].filter(Boolean).join(', '),
        keywords: [shortName, kind, ...(report.period ? [report.period.from.slice(0, 4), report.period.to.slice(0, 4)] : [])].filter(
          (word, index, all) => all.indexOf(word) === index,
        ),
      },
    };
  });
}

/** The built file of a site path: `/a/b/` -> `<dir>/a/b/index.html`, `/a.pdf` -> `<dir>/a.pdf`. */
export function siteFile(dir: string, urlPath: string): string {
  const rel = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return path.join(dir, ...rel.split('/').filter(Boolean));
}

/** Options of a PDF run. */
export interface RenderReportsOptions {
  variants: readonly PdfVariant[];
  /** The site's sub-path, for the links to the PDFs and the print pages' assets (default: the source's, data/site.yaml). */
  base?: string;
  /** Where the PDFs go (default: the site itself, at `routes.reportPdf`). */
  outDir?: string;
  timeoutMs?: number;
  /** Who runs the PDFs, for the wording of setup errors (default `pdf`). */
  during?: 'build' | 'pdf';
  /** Progress and results, one line each. */
  log: (line: string) => void;
}

/** The rendered PDFs of a run, with every preflight warning. */
export interface RenderReportsResult {
  reports: PdfManifestReport[];
  results: RenderPdfResult[];
  warnings: number;
}

/** Milliseconds as `5,2 s`. */
const seconds = (ms: number) => `${formatDecimal(ms / 1000, 1)} s`;

/**
 * Checks that the site and every print page exist, before starting a browser. `during` says
 * who asks: after `npm run build` a missing print page is a defect of the site, not of the order of commands.
 */
export function checkPrintPages(siteDir: string, jobs: readonly PdfJob[], during: 'build' | 'pdf' = 'pdf'): void {
  const rel = path.relative(process.cwd(), siteDir) || '.';
  if (!fs.existsSync(path.join(siteDir, 'index.html'))) {
    throw new PdfSetupError(`Il sito non è costruito in ${rel}/: esegui prima «npm run build:site» (o indica la cartella con --dir).`);
  }
  const missing = jobs.filter((job) => !fs.existsSync(siteFile(siteDir, job.printPath)));
  if (missing.length > 0) {
    throw new PdfSetupError(
      `Manca la pagina di stampa di ${missing.map((job) => `«${job.reportId}» (${job.printPath})`).join(', ')} in ${rel}/: ` +
        (during === 'build'
          ? 'la costruzione non ha prodotto la pagina di stampa (src/pages/stampa/): segnalalo a chi mantiene annuario.'
          : 'esegui prima «npm run build:site» con questa versione di annuario.'),
    );
  }
}

/** Renders `jobs` from the built site in `siteDir`, one browser for all; throws at the first failure. */
export async function renderReportPdfs(
  siteDir: string,
  jobs: readonly PdfJob[],
  options: RenderReportsOptions,
): Promise<RenderReportsResult> {
  checkPrintPages(siteDir, jobs, options.during);
  const outDir = options.outDir ?? siteDir;
  const base = options.base ?? siteAddress(sourceRoot()).base;
  const links = routesUnder(base);
  const server = await servePrintSite(siteDir, base);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const reports: PdfManifestReport[] = [];
    const results: RenderPdfResult[] = [];
    let warnings = 0;
    for (const job of jobs) {
      const report: PdfManifestReport = { id: job.reportId, title: job.title, variants: [] };
      for (const variant of options.variants) {
        const href = links.reportPdf(job.reportId, variant);
        const result = await renderPdf(browser, {
          baseUrl: server.url,
          path: withBase(base, job.printPath),
          reportId: job.reportId,
          variant,
          outFile: siteFile(outDir, routes.reportPdf(job.reportId, variant)),
          metadata: job.metadata,
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
          onProgress: options.log,
        });
        options.log(
          `«${job.reportId}» (${variant}): ${formatPageCount(result.pages)}, ${formatFileSize(result.bytes)} in ${seconds(result.timings.total)}` +
            ` (impaginazione ${seconds(result.timings.paginate)}, stampa ${seconds(result.timings.print)})`,
        );
        for (const finding of result.warnings) options.log(`  avviso, ${formatFinding(finding)}`);
        warnings += result.warnings.length;
        results.push(result);
        report.variants.push({ variant, href, bytes: result.bytes, pages: result.pages });
      }
      reports.push(report);
    }
    return { reports, results, warnings };
  } finally {
    await Promise.all([browser?.close(), server.close()]);
  }
}

/** Reads the manifest of a built site, if there is one. */
function readManifest(siteDir: string): PdfManifest | undefined {
  const file = siteFile(siteDir, routes.pdfManifest());
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as PdfManifest;
  } catch {
    return undefined;
  }
}

/**
 * Writes the manifest (merged with the one already there, reports in `order`) and puts the
 * download links on each report's web page. Returns the reports whose page has no marker.
 */
export function publishPdfs(siteDir: string, reports: readonly PdfManifestReport[], order: readonly string[]): string[] {
  const manifest = mergeManifest(readManifest(siteDir), reports, order);
  fs.writeFileSync(siteFile(siteDir, routes.pdfManifest()), `${JSON.stringify(manifest, null, 2)}\n`);
  return fillPages(
    siteDir,
    reports.map((report) => [report.id, downloadsHtml(report)]),
  );
}

/** For a site built without PDFs: the note saying how they are made, on each report's page. */
export function publishSiteOnlyNotes(siteDir: string, reportIds: readonly string[]): string[] {
  return fillPages(
    siteDir,
    reportIds.map((id) => [id, siteOnlyHtml()]),
  );
}

/** Fills the marker of each report's page; returns the ids whose page lacks one. */
function fillPages(siteDir: string, entries: readonly (readonly [string, string])[]): string[] {
  const missing: string[] = [];
  for (const [id, inner] of entries) {
    const file = siteFile(siteDir, routes.report(id));
    const html = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const filled = fillDownloadsMarker(html, id, inner);
    if (filled.found) fs.writeFileSync(file, filled.html);
    else missing.push(id);
  }
  return missing;
}
