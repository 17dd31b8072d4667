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
import { checkPdfUa } from '../../scripts/lib/pdf/pdfua.ts';
import { PDF_VARIANTS, type PdfVariant, type RenderPdfResult } from '../../scripts/lib/pdf/render.ts';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { sourceRoot } from '../../src/lib/source.ts';
import { loadSource } from '../../src/lib/validate/load.ts';
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
  type TocEntry,
} from './pdf-checks.ts';
import { readPdf, type ReadPdf } from './read-pdf.ts';

/**
 * Page counts expected for the seed content: a range around the measured count, so that small
 * changes of the print CSS do not fail the test while a lost chapter or a runaway layout does.
 * Measured with the print route of branch pdf-print at a2bd4a3 (November 2026): catalogue 121,
 * bilancio sociale 39, piano 2021 13, priorità 2018 13 pages.
 */
const EXPECTED_PAGES: Record<string, [number, number]> = {
  'anci-lombardia/catalogo-attivita': [105, 140],
  'anci-toscana/bilancio-sociale-2019-2024': [32, 48],
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

describe.each(jobs.map((job) => [job.reportId, job] as const))('%s', (id, job) => {
  test('both variants: same page count, in the expected range for the seed content', () => {
    const pages = pdf(id, 'digitale').pages.length;
    expect(pdf(id, 'tipografia').pages.length).toBe(pages);
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
    const pages = contentPages(read, lastTocPage(read, toc));
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

  test('tipografia: trim and bleed boxes, 5 mm crop marks outside the bleed on the trim lines, sRGB output intent', async () => {
    expect(await printShopProblems(new Uint8Array(fs.readFileSync(results.get(key(id, 'tipografia'))?.file ?? '')))).toEqual([]);
  });

  test.each(PDF_VARIANTS)('%s: the result matches the file', (variant) => {
    const result = results.get(key(id, variant));
    expect(result?.pages).toBe(pdf(id, variant).pages.length);
    expect(result?.bytes).toBe(fs.statSync(result?.file ?? '').size);
  });
});
