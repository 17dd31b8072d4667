/**
 * The PDF renderer on a print page of its own (tests/fixtures/print/), independent of the
 * site's print route: the checks every report PDF must pass, the preflight warnings with their
 * pages, and the failures (console error, missing asset, timeout) that must leave no PDF. The
 * fixture pages declare no icon, as a careless page would: newer Chromium then fetches
 * `/favicon.ico` on its own, which must not fail the PDF. The last block repeats the essentials
 * on every browser of the machine (the pinned one and an installed one).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserLabel, browsersOnThisMachine, launchBrowser } from '../../scripts/lib/browser.ts';
import { checkPdfUa } from '../../scripts/lib/pdf/pdfua.ts';
import { FINISH_PAGINATION, initPrintPage, PAGED_READY, PAGINATE, PREPARE, setupPagination } from '../../scripts/lib/pdf/in-page.ts';
import {
  PAGED_POLYFILL_PATH,
  PDF_VARIANTS,
  PdfRenderError,
  renderPdf,
  servePrintSite,
  type PdfVariant,
  type RenderPdfResult,
} from '../../scripts/lib/pdf/render.ts';
import { type StaticServer } from '../../scripts/lib/static-server.ts';
import { buildPrintFixture } from './fixture-site.ts';
import {
  A4,
  A4_BLEED,
  accessibilityProblems,
  contentPages,
  fontProblems,
  infoProblems,
  lastTocPage,
  pageNumberProblems,
  pageSizeProblems,
  printShopProblems,
  runningHeadProblems,
  tocFromHtml,
  tocProblems,
} from './pdf-checks.ts';
import { readPdf, type ReadPdf } from './read-pdf.ts';

const root = path.resolve(import.meta.dirname, '../..');
const workDir = path.join(root, '.annuario', 'test-pdf', 'fixture');
const outDir = path.join(workDir, 'pdf');
const metadata = {
  title: 'Rapporto di prova',
  author: 'Associazione dei Comuni di prova',
  subject: 'Rapporto di prova, 2024',
  keywords: ['prova'],
};

let browser: Browser;
let server: StaticServer;
let siteDir: string;
const results = new Map<PdfVariant, RenderPdfResult>();
const pdfs = new Map<PdfVariant, ReadPdf>();

/** Renders a fixture page into `<outDir>/<name>-<variant>.pdf` (name: the page's, unless given). */
const render = (page: string, variant: PdfVariant, extra: { timeoutMs?: number; name?: string } = {}) =>
  renderPdf(browser, {
    baseUrl: server.url,
    path: `/stampa/prova/${page}/`,
    reportId: `prova/${page}`,
    variant,
    outFile: path.join(outDir, `${extra.name ?? page}-${variant}.pdf`),
    metadata,
    ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
  });

beforeAll(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  siteDir = await buildPrintFixture(path.join(workDir, 'site'));
  [browser, server] = await Promise.all([launchBrowser(), servePrintSite(siteDir)]);
  for (const variant of PDF_VARIANTS) {
    const result = await render('rapporto', variant);
    results.set(variant, result);
    pdfs.set(variant, await readPdf(result.file));
  }
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const pdf = (variant: PdfVariant): ReadPdf => {
  const read = pdfs.get(variant);
  if (!read) throw new Error(`PDF ${variant} non creato`);
  return read;
};

describe.each(PDF_VARIANTS)('fixture, %s', (variant) => {
  test('page size: A4, or A4 with 3 mm bleed for the print shop', () => {
    expect(pageSizeProblems(pdf(variant), variant === 'digitale' ? A4 : A4_BLEED)).toEqual([]);
  });

  test('each TOC number is the page of its heading', () => {
    const toc = tocFromHtml(fs.readFileSync(path.join(siteDir, 'stampa/prova/rapporto/index.html'), 'utf8'));
    expect(toc.map((entry) => entry.label)).toEqual(['Presentazione', 'Chi siamo', 'Cosa facciamo', 'I numeri']);
    expect(tocProblems(pdf(variant), toc)).toEqual([]);
  });

  test('running heads and "Pagina X di Y" on content pages', () => {
    const read = pdf(variant);
    const toc = tocFromHtml(fs.readFileSync(path.join(siteDir, 'stampa/prova/rapporto/index.html'), 'utf8'));
    const pages = contentPages(read, lastTocPage(read, toc));
    expect(pages.length).toBeGreaterThan(5);
    expect(
      runningHeadProblems(
        read,
        pages,
        toc.map((entry) => entry.label),
      ),
    ).toEqual([]);
    expect(pageNumberProblems(read, pages)).toEqual([]);
  });

  test('fonts embedded, tagged, bookmarks, document information', () => {
    const read = pdf(variant);
    expect(read.fonts.length).toBeGreaterThan(0);
    expect(fontProblems(read)).toEqual([]);
    expect(accessibilityProblems(read)).toEqual([]);
    expect(infoProblems(read, { Title: metadata.title, Author: metadata.author, Subject: metadata.subject })).toEqual([]);
  });

  test('result: pages, bytes, no warnings', () => {
    const result = results.get(variant);
    expect(result?.pages).toBe(pdf(variant).pages.length);
    expect(result?.bytes).toBe(fs.statSync(result?.file ?? '').size);
    expect(result?.warnings).toEqual([]);
  });
});

test('print shop: trim and bleed boxes, 5 mm crop marks outside the bleed on the trim lines, sRGB output intent', async () => {
  expect(await printShopProblems(new Uint8Array(fs.readFileSync(results.get('tipografia')?.file ?? '')))).toEqual([]);
});

test('both variants have the same pagination', () => {
  expect(pdf('tipografia').pages.length).toBe(pdf('digitale').pages.length);
  expect(pdf('digitale').pages.length).toBe(11);
});

test('the print page is not laid out before Paged.js takes it, and the fonts its text needs are loaded all the same', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(initPrintPage(PAGED_POLYFILL_PATH));
    await page.goto(`${server.url}/stampa/prova/rapporto/`);
    expect(await page.evaluate(`getComputedStyle(document.querySelector('body > *')).contentVisibility`)).toBe('hidden');
    // «Łódź» needs the face with the characters beyond Latin-1, which no layout has asked for.
    expect(await page.evaluate(`document.fonts.check('400 16px "Titillium Web"', 'Łódź')`)).toBe(false);
    await page.evaluate(PREPARE);
    expect(await page.evaluate(`document.fonts.check('400 16px "Titillium Web"', document.body.textContent)`)).toBe(true);
  } finally {
    await context.close();
  }
});

/** The fixture paginated in a page of its own, with or without the PDF step's adjustments of Paged.js: each page's text. */
async function paginatedText(adjusted: boolean): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.addInitScript(initPrintPage(PAGED_POLYFILL_PATH));
    await page.goto(`${server.url}/stampa/prova/rapporto/`);
    await page.evaluate(PREPARE);
    await page.evaluate(PAGED_READY);
    if (adjusted) await page.evaluate(setupPagination({ bleed: false }));
    await page.evaluate(PAGINATE);
    await page.evaluate(FINISH_PAGINATION);
    return await page.evaluate<string[]>(
      `[...document.querySelectorAll('.pagedjs_pages > .pagedjs_page')].map((p) => p.textContent.replace(/\\s+/g, ' ').trim())`,
    );
  } finally {
    await context.close();
  }
}

test('the adjustments of Paged.js change nothing on the pages: the same text on every page as Paged.js alone', async () => {
  const plain = await paginatedText(false);
  const adjusted = await paginatedText(true);
  expect(plain.length).toBe(11);
  expect(plain.every((text) => text.length > 0)).toBe(true);
  expect(adjusted).toEqual(plain);
}, 60_000);

describe('PDF/UA-1 checker', () => {
  test.each(PDF_VARIANTS)('passes the fixture as the PDF step makes it (%s)', async (variant) => {
    const report = await checkPdfUa(new Uint8Array(fs.readFileSync(results.get(variant)?.file ?? '')));
    expect(report.problems).toEqual([]);
    expect([report.untaggedOperations, report.figuresWithoutAlt, report.linksWithoutDescription]).toEqual([0, 0, 0]);
  });

  test("finds the real violations of Chromium's own tagged print of the same page", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.addInitScript(initPrintPage(PAGED_POLYFILL_PATH));
      await page.goto(`${server.url}/stampa/prova/rapporto/`);
      await page.evaluate(PREPARE);
      await page.evaluate(PAGED_READY);
      await page.evaluate(PAGINATE);
      const report = await checkPdfUa(await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }));
      // Running heads and page numbers untagged on the 10 pages after the cover, the photo's
      // <figure> without alternative text, the 4 contents links without description.
      expect(report.untaggedPages).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(report.untaggedOperations).toBeGreaterThan(100);
      expect(report.figuresWithoutAlt).toBe(1);
      expect(report.linksWithoutDescription).toBe(4);
      expect(report.problems).toHaveLength(4);
      expect(report.problems[0]).toBe('manca il pacchetto XMP dei metadati (/Metadata nel catalogo)');
    } finally {
      await context.close();
    }
  });
});

describe('a table longer than a page (80 rows)', () => {
  /** The structure elements of the file's latest revision, counted by type. */
  const structCounts = async (bytes: Uint8Array): Promise<Map<string, number>> => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const counts = new Map<string, number>();
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.get(PDFName.of('Type'))?.toString() !== '/StructElem') continue;
      const type = object.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() ?? '';
      counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    return counts;
  };

  test.each(PDF_VARIANTS)(
    '%s: split over pages by Paged.js, it is one Table in the structure tree; the checker passes',
    async (variant) => {
      const result = await render('tabella-lunga', variant);
      expect(result.pages).toBeGreaterThanOrEqual(3);
      const bytes = new Uint8Array(fs.readFileSync(result.file));
      const counts = await structCounts(bytes);
      const parts = result.pages;
      expect(counts.get('Table')).toBe(1);
      // The continued parts are the table's TBody elements, each opening with the repeated header row.
      expect(counts.get('TBody')).toBe(parts - 1);
      expect(counts.get('TR')).toBe(80 + parts);
      const report = await checkPdfUa(bytes);
      expect(report.splitTables).toBe(0);
      expect(report.problems).toEqual([]);
      const read = await readPdf(result.file);
      expect(read.pages.slice(1).every((page) => page.text.startsWith('Comune Provincia Abitanti Progetti'))).toBe(true);
      expect(read.pages.at(-1)?.text).toContain('Il testo dopo la tabella.');
    },
  );

  test("the checker finds the split in Chromium's own tagged print of the paginated page", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.addInitScript(initPrintPage(PAGED_POLYFILL_PATH));
      await page.goto(`${server.url}/stampa/prova/tabella-lunga/`);
      await page.evaluate(PREPARE);
      await page.evaluate(PAGED_READY);
      await page.evaluate(setupPagination({ bleed: false }));
      await page.evaluate(PAGINATE);
      await page.evaluate(FINISH_PAGINATION);
      const report = await checkPdfUa(await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true }));
      // Three parts, two page breaks: two continuations counted.
      expect(report.splitTables).toBe(2);
    } finally {
      await context.close();
    }
  });
});

test('preflight: overflow and low resolution, with their pages', async () => {
  const result = await render('avvisi', 'digitale');
  expect(result.warnings.map((w) => [w.kind, w.pages])).toEqual([
    ['overflow', [10]],
    ['low-dpi', [4]],
  ]);
  expect(result.warnings[0]?.message).toContain('div.too-wide');
  expect(result.warnings[1]?.message).toContain('/immagini/piccola.png» stampata a 30 dpi');
});

describe('failures leave no PDF', () => {
  test.each<[string, string, { timeoutMs?: number; name?: string }]>([
    ['errore-console', 'errore nella console della pagina: grafico non disegnato: dati mancanti (/errore.js)', {}],
    ['risorsa-mancante', 'risposta HTTP 404 per /immagini/manca.png', {}],
    ['rapporto', 'tempo scaduto (0,15 s) durante: ', { timeoutMs: 150, name: 'lento' }],
  ])('%s', async (page, reason, extra) => {
    const error: unknown = await render(page, 'tipografia', extra).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfRenderError);
    expect((error as PdfRenderError).message).toContain(`PDF di «prova/${page}» (tipografia) non creato: ${reason}`);
    const name = extra.name ?? page;
    // Neither the PDF nor its temporary file.
    expect(fs.readdirSync(outDir).filter((file) => file.includes(`${name}-tipografia`))).toEqual([]);
  });
});

describe.each(browsersOnThisMachine().map((choice) => [browserLabel(choice), choice] as const))('on the browser %s', (_label, choice) => {
  let own: Browser;
  beforeAll(async () => {
    own = await launchBrowser({}, choice);
  });
  afterAll(async () => {
    await own?.close();
  });
  const renderOn = (page: string) =>
    renderPdf(own, {
      baseUrl: server.url,
      path: `/stampa/prova/${page}/`,
      reportId: `prova/${page}`,
      variant: 'digitale',
      outFile: path.join(outDir, `${page}-${own.version()}.pdf`),
      metadata,
    });

  test('a page without an icon of its own gives the same PDF, its contents at the right pages', async () => {
    const result = await renderOn('rapporto');
    const read = await readPdf(result.file);
    expect(read.pages.length).toBe(11);
    const toc = tocFromHtml(fs.readFileSync(path.join(siteDir, 'stampa/prova/rapporto/index.html'), 'utf8'));
    expect(tocProblems(read, toc)).toEqual([]);
    expect(fontProblems(read)).toEqual([]);
  });

  test.each([
    ['risorsa-mancante', 'risposta HTTP 404 per /immagini/manca.png'],
    ['errore-console', 'errore nella console della pagina: grafico non disegnato: dati mancanti (/errore.js)'],
  ])('a failure of the document (%s) still fails the PDF', async (page, reason) => {
    const error: unknown = await renderOn(page).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfRenderError);
    expect((error as PdfRenderError).message).toContain(reason);
  });
});
