/**
 * One report's print page to one PDF: Chromium loads the page, the page prepares itself
 * (fonts, charts as images), Paged.js paginates it, Chromium prints it tagged and with
 * bookmarks, pdf-lib writes the document information, the preflight looks for problems. Any
 * complaint of the page (an exception, a console error, a request of the page that fails or
 * answers 4xx/5xx) or a timeout fails the PDF, and nothing is left where the PDF would go. What
 * the browser fetches on its own (the favicon) is not the page's complaint.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatNumberPlain } from '../../../src/lib/format.ts';
import { finishPdf, type PdfMetadata } from './document.ts';
import { appendDocumentInfo } from './incremental.ts';
import { serveStatic, type StaticServer } from '../static-server.ts';
import type { PaginationResult } from '../../../src/scripts/print-pagination.ts';
import { FINISH_PAGINATION, initPrintPage, PAGED_READY, PAGINATE, PREPARE, markVariant, prependStyle, setupPagination } from './in-page.ts';
import { findLowDpi, findOverflow, findUnembeddedFonts, formatFinding, type PreflightFinding } from './preflight.ts';

/** The two PDFs of a report: for reading on screen, and for the print shop (3 mm bleed, crop marks). */
export const PDF_VARIANTS = ['digitale', 'tipografia'] as const;
export type PdfVariant = (typeof PDF_VARIANTS)[number];

/** The print-shop variant's bleed: the page box grows by this on each side, the pagination stays the same. */
export const BLEED_MM = 3;
/**
 * What the print-shop variant adds before the page's own `@page` rules: the page box A4 + 2 × 3 mm.
 * The crop marks are drawn afterwards outside the bleed (incremental.ts): Paged.js draws its own
 * inside the bleed, 1 mm long.
 */
export const BLEED_CSS = `@page { bleed: ${BLEED_MM}mm; }`;

/** Default time for one PDF, from loading the page to the saved file. */
export const DEFAULT_TIMEOUT_MS = 180_000;

/** A PDF that could not be made, worded for the editor: which report, which variant, why. */
export class PdfRenderError extends Error {
  readonly reportId: string;
  readonly variant: PdfVariant;
  readonly reason: string;

  constructor(reportId: string, variant: PdfVariant, reason: string) {
    super(`PDF di «${reportId}» (${variant}) non creato: ${reason}`);
    this.name = 'PdfRenderError';
    this.reportId = reportId;
    this.variant = variant;
    this.reason = reason;
  }
}

/** What to render and where to put it. */
export interface RenderPdfOptions {
  /** Where the built site is served by `servePrintSite`, without trailing slash, e.g. `http://127.0.0.1:4321`. */
  baseUrl: string;
  /** The print page, e.g. `/stampa/anci-toscana/bilancio-sociale-2019-2024/`. */
  path: string;
  reportId: string;
  variant: PdfVariant;
  outFile: string;
  metadata: PdfMetadata;
  timeoutMs?: number;
  /** Called at most once a second while paginating, e.g. `«anci-toscana/priorita-2018» (digitale): 40 pagine…`. */
  onProgress?: (message: string) => void;
}

/** How long each phase took, in milliseconds (for the log and for benchmarks). */
export interface RenderTimings {
  load: number;
  prepare: number;
  paginate: number;
  /** Page numbers of the contents, preflight data. */
  check: number;
  print: number;
  finish: number;
  total: number;
}

/** A PDF written to `file`, with its preflight warnings (errors fail the render instead). */
export interface RenderPdfResult {
  reportId: string;
  variant: PdfVariant;
  file: string;
  bytes: number;
  pages: number;
  warnings: PreflightFinding[];
  timings: RenderTimings;
}

/** Paged.js's polyfill bundle; the package exports no subpath for it, so it is found from the package's CommonJS entry. */
const pagedPolyfill = path.join(path.dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');

/** Where the print pages find Paged.js: served next to the site by `servePrintSite`, never copied into it. */
export const PAGED_POLYFILL_PATH = '/_annuario-stampa/paged.polyfill.js';

/** Serves a built site for `renderPdf`, under its sub-path (`base`), plus Paged.js at `PAGED_POLYFILL_PATH`. */
export function servePrintSite(siteDir: string, base = '/'): Promise<StaticServer> {
  return serveStatic(siteDir, { base, files: { [PAGED_POLYFILL_PATH]: pagedPolyfill } });
}

/** The part of a URL to show in messages: the path for the served site, the whole URL otherwise. */
function shortUrl(url: string, baseUrl: string): string {
  return url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
}

/** How Chromium words, in the console, a resource that did not load (the same words since 2010). */
const RESOURCE_LOAD_FAILURE = 'Failed to load resource';

/**
 * Whether a console error is the browser's own business rather than the document's: Chromium
 * reports in the console a resource that did not load, and newer versions also fetch
 * `/favicon.ico` for a page that declares no icon. Playwright reports every request the page
 * makes but not the favicon, so a load failure for a URL the page never requested was not asked
 * for by the document and cannot make its PDF wrong. Everything else stays a complaint: a failed
 * resource the page did request is also reported by the network events.
 */
export function isBrowserInitiatedFailure(text: string, location: string, requested: ReadonlySet<string>): boolean {
  return text.startsWith(RESOURCE_LOAD_FAILURE) && location !== '' && !requested.has(location);
}

/** Watches a page for anything it complains about; `failed` rejects at the first complaint. */
function watchPage(page: Page, baseUrl: string) {
  let reject: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_resolve, rejectFailed) => {
    reject = rejectFailed;
  });
  failed.catch(() => undefined);
  const complain = (problem: string) => reject(new Error(problem));
  const requested = new Set<string>();
  page.on('request', (request) => requested.add(request.url()));
  page.on('pageerror', (error) => complain(`eccezione nella pagina: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    if (isBrowserInitiatedFailure(message.text(), where, requested)) return;
    complain(`errore nella console della pagina: ${message.text()}${where ? ` (${shortUrl(where, baseUrl)})` : ''}`);
  });
  page.on('requestfailed', (request) => {
    complain(`richiesta fallita: ${shortUrl(request.url(), baseUrl)} (${request.failure()?.errorText ?? 'motivo sconosciuto'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) complain(`risposta HTTP ${response.status()} per ${shortUrl(response.url(), baseUrl)}`);
  });
  return failed;
}

/** Renders one report's PDF; rejects with a `PdfRenderError` naming the report and the cause. */
export async function renderPdf(browser: Browser, options: RenderPdfOptions): Promise<RenderPdfResult> {
  const { reportId, variant, outFile } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  const timings: RenderTimings = { load: 0, prepare: 0, paginate: 0, check: 0, print: 0, finish: 0, total: 0 };
  let phase = 'caricamento della pagina';
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`tempo scaduto (${formatNumberPlain(timeoutMs / 1000)} s) durante: ${phase}`)), timeoutMs);
  });
  timedOut.catch(() => undefined);
  const tmpFile = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${process.pid}.tmp`);
  const context = await browser.newContext({ bypassCSP: true, locale: 'it-IT', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    // Laid out for print from the start: Paged.js's own print rules apply while it paginates (the
    // result is the same, its polisher already applies the page's \`@media print\` rules), and
    // printing restyles the pages less (about 50 ms less per 100 pages).
    await page.emulateMedia({ media: 'print' });
    await page.addInitScript(initPrintPage(PAGED_POLYFILL_PATH));
    const failed = watchPage(page, options.baseUrl);
    /** Runs one phase, failing on the page's first complaint or when time is up. */
    const step = async <T>(name: string, key: keyof RenderTimings, work: () => Promise<T>): Promise<T> => {
      phase = name;
      const t0 = performance.now();
      const result = await Promise.race([work(), failed, timedOut]);
      timings[key] += performance.now() - t0;
      return result;
    };

    await step('caricamento della pagina', 'load', async () => {
      const response = await page.goto(new URL(options.path, options.baseUrl).href, { waitUntil: 'load', timeout: timeoutMs });
      if (!response) throw new Error(`la pagina ${options.path} non ha risposto`);
    });
    await step('preparazione della pagina (caratteri, grafici)', 'prepare', () => page.evaluate(PREPARE));

    await page.exposeFunction('__annuarioPageDone', (pages: number) => {
      options.onProgress?.(`«${reportId}» (${variant}): ${pages} pagine…`);
    });
    const pages = await step('impaginazione (Paged.js)', 'paginate', async () => {
      if (variant === 'tipografia') await page.evaluate(prependStyle(BLEED_CSS));
      await page.evaluate(markVariant(variant));
      await page.evaluate(PAGED_READY);
      await page.evaluate(setupPagination({ bleed: variant === 'tipografia' }));
      return page.evaluate<number>(PAGINATE);
    });

    const collected = await step('controllo delle pagine', 'check', () => page.evaluate<PaginationResult>(FINISH_PAGINATION));
    const warnings: PreflightFinding[] = [
      ...collected.layoutWarnings.map(({ page: pageNumber, element }) => ({
        kind: 'overflow' as const,
        severity: 'warning' as const,
        pages: [pageNumber],
        message: `Paged.js non riesce a impaginare ${element} (più grande della pagina?)`,
      })),
      ...findOverflow(collected.elements),
      ...findLowDpi(collected.images),
    ];

    const printed = await step('stampa in PDF', 'print', () =>
      page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
    );
    const bytes = await step('scrittura dei metadati e controllo dei caratteri', 'finish', async () => {
      const bleedMm = variant === 'tipografia' ? BLEED_MM : 0;
      // An incremental update when the file is as Chromium writes it and every font is embedded;
      // otherwise pdf-lib, which also says on which pages an unembedded font is used.
      const appended = appendDocumentInfo(printed, options.metadata, { bleedMm, links: new Map(collected.links) });
      let withMetadata: Uint8Array;
      if (appended && appended.unembeddedFonts.length === 0) {
        withMetadata = appended.bytes;
      } else {
        const finished = await finishPdf(printed, options.metadata, { bleedMm });
        const fontErrors = findUnembeddedFonts(finished.fonts);
        if (fontErrors.length > 0) {
          throw new Error(`caratteri non incorporati:\n${fontErrors.map((f) => `  ${formatFinding(f)}`).join('\n')}`);
        }
        withMetadata = finished.bytes;
      }
      fs.mkdirSync(path.dirname(outFile), { recursive: true });
      fs.writeFileSync(tmpFile, withMetadata);
      fs.renameSync(tmpFile, outFile);
      return withMetadata.length;
    });
    timings.total = performance.now() - started;
    return { reportId, variant, file: outFile, bytes, pages, warnings, timings };
  } catch (error) {
    fs.rmSync(tmpFile, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new PdfRenderError(reportId, variant, reason);
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => undefined);
  }
}
