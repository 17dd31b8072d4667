/**
 * The PDFs of a site built for a sub-path (`ANNUARIO_BASE=/annuario/`, as on a GitHub Pages
 * project site, with a site address): the print pages are served under the sub-path, their
 * fonts and styles load from it (a missing one fails the PDF), and the eight PDFs come out as
 * from the site at the root: the same pages, fonts embedded, links to the public address under
 * the sub-path, none to the build machine. The sub-path site is built once (site only) and
 * reused with `ANNUARIO_TEST_REUSE_SITE=1`; the root site is the suite's test site.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, expect, inject, test } from 'vitest';
import { pdfJobs, renderReportPdfs, siteFile, type PdfJob } from '../../scripts/lib/pdf/publish.ts';
import { routes } from '../../src/lib/site/urls.ts';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { sourceRoot } from '../../src/lib/source.ts';
import { loadSource } from '../../src/lib/validate/load.ts';
import { fontProblems } from './pdf-checks.ts';
import { readPdf, type ReadPdf } from './read-pdf.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Its own folder: tests/browser/sub-path.test.ts builds the same site, maybe at the same time,
// and a build replaces its folder by renaming.
const SITE_DIR = path.join(ROOT, '.annuario', 'test-site-sub-path-pdf');
const OUT_DIR = path.join(ROOT, '.annuario', 'test-pdf', 'sub-path');
const BASE = '/annuario/';
const ADDRESS = 'https://annuario.test';

const jobs = pdfJobs(buildContentGraph(loadSource(sourceRoot()).entries));
const underBase = new Map<string, ReadPdf>();
const atRoot = new Map<string, ReadPdf>();
const links = new Map<string, string[]>();
const hrefs: string[] = [];

/** Every link annotation's URL, page by page. */
async function linkUrls(file: string): Promise<string[]> {
  const task = pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 });
  const doc = await task.promise;
  try {
    const urls: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      for (const annotation of (await (await doc.getPage(n)).getAnnotations()) as { url?: string }[]) {
        if (annotation.url) urls.push(annotation.url);
      }
    }
    return urls;
  } finally {
    await task.destroy();
  }
}

beforeAll(async () => {
  if (!(process.env['ANNUARIO_TEST_REUSE_SITE'] === '1' && fs.existsSync(path.join(SITE_DIR, 'index.html')))) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--site-only', '--out', SITE_DIR], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ANNUARIO_SOURCE: '', ANNUARIO_SITE_URL: ADDRESS, ANNUARIO_BASE: BASE },
    });
    if (result.status !== 0) throw new Error(`La costruzione con sottopercorso è fallita:\n${result.stdout}\n${result.stderr}`);
  }
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  const log = () => undefined;
  const sub = await renderReportPdfs(SITE_DIR, jobs, { variants: ['digitale'], base: BASE, outDir: path.join(OUT_DIR, 'base'), log });
  const root = await renderReportPdfs(inject('siteDir'), jobs, {
    variants: ['digitale'],
    base: '/',
    outDir: path.join(OUT_DIR, 'root'),
    log,
  });
  hrefs.push(...sub.reports.flatMap((report) => report.variants.map((variant) => variant.href)));
  for (const result of sub.results) {
    underBase.set(result.reportId, await readPdf(result.file));
    links.set(result.reportId, await linkUrls(result.file));
  }
  for (const result of root.results) atRoot.set(result.reportId, await readPdf(result.file));
}, 600_000);

test.each(jobs.map((job) => [job.reportId, job] as const))(
  '%s: the same PDF under /annuario/, its links under the sub-path',
  (id, job: PdfJob) => {
    const sub = underBase.get(id);
    const root = atRoot.get(id);
    expect(sub && root).toBeTruthy();
    if (!sub || !root) return;
    expect(sub.pages.length).toBe(root.pages.length);
    expect(sub.pages[0]?.text).toContain(job.title);
    expect(fontProblems(sub)).toEqual([]);
    expect(sub.fonts.length).toBeGreaterThan(0);
    const urls = links.get(id) ?? [];
    expect(urls.filter((url) => /\/\/(127\.0\.0\.1|localhost)[:/]/.test(url))).toEqual([]);
    const own = urls.filter((url) => url.startsWith(ADDRESS));
    expect(own.filter((url) => !url.startsWith(`${ADDRESS}${BASE}`))).toEqual([]);
  },
);

test('the catalogue links to the public site under the sub-path; the download links are under it too', () => {
  expect((links.get('anci-lombardia/catalogo-attivita') ?? []).some((url) => url.startsWith(`${ADDRESS}${BASE}`))).toBe(true);
  expect(hrefs).toHaveLength(jobs.length);
  expect(hrefs.filter((href) => !href.startsWith(BASE) || !href.endsWith('.pdf'))).toEqual([]);
  expect(fs.existsSync(siteFile(path.join(OUT_DIR, 'base'), routes.reportPdf('anci-lombardia/catalogo-attivita', 'digitale')))).toBe(true);
});
