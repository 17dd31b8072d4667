/**
 * The real PDFs of the example reports: every report definition in content/reports/, rendered
 * in both variants from the print pages of the test site (tests/setup/built-site.ts) into
 * `.annuario/test-pdf/reports/` (the test site itself is left untouched), then read back with
 * pdfjs-dist and pdf-lib.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { pdfJobs, renderReportPdfs, siteFile, type PdfJob } from '../../scripts/lib/pdf/publish.ts';
import { SLUG_MM } from '../../scripts/lib/pdf/incremental.ts';
import { checkPdfUa } from '../../scripts/lib/pdf/pdfua.ts';
import { PDF_VARIANTS, type PdfVariant, type RenderPdfResult } from '../../scripts/lib/pdf/render.ts';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { sourceRoot } from '../../src/lib/source.ts';
import { loadSource } from '../../src/lib/validate/load.ts';
import {
  A4,
  A4_BLEED,
  accessibilityProblems,
  bleedProblems,
  chartAltsFromHtml,
  chartProblems,
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
  type TocEntry,
} from './pdf-checks.ts';
import { flattenOutline, readPdf, type ReadPdf } from './read-pdf.ts';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Page counts expected for the seed content: a range around the measured count, so that small
 * changes of the print CSS do not fail the test while a lost chapter or a runaway layout does.
 * Measured with the print route of branch pdf-print at a2bd4a3 (November 2026): catalogue 121,
 * bilancio sociale 39, piano 2021 13, priorità 2018 13 pages.
 */
const EXPECTED_PAGES: Record<string, [number, number]> = {
  'anci-lombardia/catalogo-attivita': [85, 140],
  'anci-toscana/bilancio-sociale-2019-2024': [15, 48],
  'anci-toscana/piano-attivita-2021': [10, 18],
  'anci-toscana/priorita-2018': [10, 18],
};

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, '.annuario', 'test-pdf', 'reports');
const graph = buildContentGraph(loadSource(sourceRoot()).entries);
const jobs = pdfJobs(graph);
const pdfs = new Map<string, ReadPdf>();
const results = new Map<string, RenderPdfResult>();
const key = (id: string, variant: PdfVariant) => `${id} ${variant}`;

beforeAll(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  const run = await renderReportPdfs(inject('siteDir'), jobs, {
    variants: PDF_VARIANTS,
    outDir,
    log: (line) => {
      if (!line.endsWith('…')) console.log(line);
    },
  });
  for (const result of run.results) {
    results.set(key(result.reportId, result.variant), result);
    pdfs.set(key(result.reportId, result.variant), await readPdf(result.file));
  }
}, 900_000);

const pdf = (id: string, variant: PdfVariant): ReadPdf => {
  const read = pdfs.get(key(id, variant));
  if (!read) throw new Error(`PDF di ${id} (${variant}) non creato`);
  return read;
};

const tocOf = (job: PdfJob): TocEntry[] => tocFromHtml(fs.readFileSync(siteFile(inject('siteDir'), job.printPath), 'utf8'));

test('every report has an expected page range', () => {
  expect(Object.keys(EXPECTED_PAGES).sort()).toEqual(jobs.map((job) => job.reportId).sort());
});

test.each(PDF_VARIANTS)('%s: words are whole in the text of the PDF (a soft hyphen stays only where a line breaks)', (variant) => {
  // Each unused soft hyphen ended a text run in Chromium's PDF: read back, «diventata» came out
  // as «diven tata» (copying, searching, text extraction). The bilancio's page 4, justified.
  const pdf = pdfs.get(key('anci-toscana/bilancio-sociale-2019-2024', variant));
  expect(pdf?.pages.some((page) => page.text.includes('La nostra attività istituzionale è diventata sempre più'))).toBe(true);
});

describe.each(jobs.map((job) => [job.reportId, job] as const))('%s', (id, job) => {
  test('the screen variant has no blank page; the print-shop one, with right-hand starts, is never shorter', () => {
    const digital = pdf(id, 'digitale');
    const printShop = pdf(id, 'tipografia');
    const blank = (read: ReadPdf) => read.pages.flatMap((page, i) => (page.text.trim() === '' ? [i + 1] : []));
    expect(blank(digital)).toEqual([]);
    const pages = digital.pages.length;
    expect(printShop.pages.length).toBeGreaterThanOrEqual(pages);
    const [min, max] = EXPECTED_PAGES[id] ?? [1, 0];
    expect(pages).toBeGreaterThanOrEqual(min);
    expect(pages).toBeLessThanOrEqual(max);
  });

  test.each(PDF_VARIANTS)('%s: page size', (variant) => {
    expect(pageSizeProblems(pdf(id, variant), variant === 'digitale' ? A4 : A4_BLEED)).toEqual([]);
  });

  test.each(PDF_VARIANTS)('%s: each TOC number is the page of its heading', (variant) => {
    expect(tocProblems(pdf(id, variant), tocOf(job))).toEqual([]);
  });

  test.each(PDF_VARIANTS)('%s: running heads and "Pagina X di Y" on content pages', (variant) => {
    const read = pdf(id, variant);
    const toc = tocOf(job);
    // The last page is the back cover: contacts, no running heads, no number.
    const pages = contentPages(read, lastTocPage(read, toc)).filter((n) => n < read.pages.length);
    expect(pages.length).toBeGreaterThan(0);
    const organization = graph.organizations.find((o) => o.id === id.split('/')[0]);
    const known = [job.title, ...toc.map((entry) => entry.label), organization?.name.short ?? '', organization?.name.full ?? ''].filter(
      Boolean,
    );
    expect(runningHeadProblems(read, pages, known)).toEqual([]);
    expect(pageNumberProblems(read, pages)).toEqual([]);
  });

  test.each(PDF_VARIANTS)('%s: fonts embedded, tagged, bookmarks, document information', (variant) => {
    const read = pdf(id, variant);
    expect(fontProblems(read)).toEqual([]);
    expect(accessibilityProblems(read)).toEqual([]);
    expect(infoProblems(read, { Title: job.metadata.title, Author: job.metadata.author, Subject: job.metadata.subject })).toEqual([]);
  });

  test.each(PDF_VARIANTS)("%s: PDF/UA-1, machine-checkable rules (the project's checker)", async (variant) => {
    const file = results.get(key(id, variant))?.file ?? '';
    const report = await checkPdfUa(new Uint8Array(fs.readFileSync(file)));
    expect({
      untaggedOperations: report.untaggedOperations,
      figuresWithoutAlt: report.figuresWithoutAlt,
      linksWithoutDescription: report.linksWithoutDescription,
      headerCellsWithoutScope: report.headerCellsWithoutScope,
      splitTables: report.splitTables,
    }).toEqual({ untaggedOperations: 0, figuresWithoutAlt: 0, linksWithoutDescription: 0, headerCellsWithoutScope: 0, splitTables: 0 });
    expect(report.problems).toEqual([]);
  });

  test.each(PDF_VARIANTS)('%s: charts are vector figures with their text alternative, no chart is a raster', async (variant) => {
    const html = fs.readFileSync(siteFile(inject('siteDir'), job.printPath), 'utf8');
    const file = results.get(key(id, variant))?.file ?? '';
    expect(await chartProblems(new Uint8Array(fs.readFileSync(file)), html)).toEqual([]);
    if (id.includes('bilancio')) expect(chartAltsFromHtml(html).length).toBeGreaterThan(10);
  });

  test('tipografia: trim and bleed boxes, 5 mm crop marks outside the bleed on the trim lines, sRGB output intent', async () => {
    expect(await printShopProblems(new Uint8Array(fs.readFileSync(results.get(key(id, 'tipografia'))?.file ?? '')))).toEqual([]);
  });

  test('tipografia: the colour fields of the cover and the back cover run into the bleed', async () => {
    const bytes = new Uint8Array(fs.readFileSync(results.get(key(id, 'tipografia'))?.file ?? ''));
    const fields = [
      { page: 1, edges: ['top', 'left', 'right'], depth: 60 },
      { page: -1, edges: ['bottom', 'left', 'right'], depth: 60 },
    ] as const;
    expect(await bleedProblems(bytes, fields, SLUG_MM)).toEqual([]);
  });

  test.each(PDF_VARIANTS)('%s: the result matches the file', (variant) => {
    const result = results.get(key(id, variant));
    expect(result?.pages).toBe(pdf(id, variant).pages.length);
    expect(result?.bytes).toBe(fs.statSync(result?.file ?? '').size);
  });

  test.each(PDF_VARIANTS)('%s: no link to the build machine', async (variant) => {
    const file = results.get(key(id, variant))?.file ?? '';
    const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)) }).promise;
    const local: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      for (const annotation of (await (await doc.getPage(n)).getAnnotations()) as { url?: string }[]) {
        if (annotation.url && /\/\/(127\.0\.0\.1|localhost)[:/]/.test(annotation.url)) local.push(`p. ${n}: ${annotation.url}`);
      }
    }
    expect(local).toEqual([]);
  });

  test.each(PDF_VARIANTS)('%s: no page ends with a heading (cover, dividers and back cover aside)', (variant) => {
    const read = pdf(id, variant);
    const endings = read.pages.flatMap((page, i) => {
      const text = page.lines.filter((line) => line.size >= read.bodySize - 0.5);
      const last = text.at(-1);
      return i > 0 && text.length > 2 && last && last.size > read.bodySize + 1.5 ? [`p. ${i + 1}: ${last.text}`] : [];
    });
    expect(endings).toEqual([]);
  });

  test.each(PDF_VARIANTS)('%s: bookmarks keep the spaces of wrapped headings', (variant) => {
    const html = fs.readFileSync(siteFile(inject('siteDir'), job.printPath), 'utf8');
    const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
    const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const headings = new Map(
      [...html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => {
        const text = (m[1] ?? '')
          .replace(/<[^>]+>/g, '')
          .replace(/&amp;/g, '&')
          .replace(/\u00ad/g, '')
          .trim();
        return [letters(text), text] as const;
      }),
    );
    const joined = flattenOutline(pdf(id, variant).outline).flatMap((entry) => {
      const heading = headings.get(letters(entry.title));
      return heading !== undefined && words(heading) !== words(entry.title) ? [`${entry.title} ← ${heading}`] : [];
    });
    expect(joined).toEqual([]);
  });

  test.each(PDF_VARIANTS)('%s: labels at 8 pt or more; body 10.5 pt at ≤ 75 characters a line', (variant) => {
    const read = pdf(id, variant);
    const sizes = read.pages.flatMap((page) => page.lines.map((line) => line.size));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7.95);
    expect(read.bodySize).toBeGreaterThanOrEqual(10.5);
    // The catalogue's cards set a key-facts column beside the text: the reader joins both on a
    // baseline, so the measure is checked on the reports without one.
    if (id.includes('catalogo')) return;
    const body = read.pages.flatMap((page) => page.lines.filter((line) => Math.abs(line.size - read.bodySize) < 0.05));
    expect(Math.max(...body.map((line) => line.text.replace(/\u00ad/g, '').length))).toBeLessThanOrEqual(76);
  });
});
