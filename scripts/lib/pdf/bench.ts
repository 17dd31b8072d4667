/**
 * The parts of `npm run bench:pdf` that are not the command line: the reference print (the same
 * print page printed by Chromium alone, without Paged.js), a sampler of the memory of the
 * browser's whole process tree (Playwright does not hand out the browser's pid, so the browser
 * is found among this process's children in `/proc`), and the summary of several runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { median, processSnapshot, treeRss, type ProcessInfo } from '../measure.ts';
import { paginationScript, PREPARE } from './in-page.ts';

/** Resident memory of the trees rooted at `parent`'s children (the browsers it launched), without `parent` itself. Pure. */
export function childTreesRss(all: readonly ProcessInfo[], parent: number): number {
  return all.filter((p) => p.ppid === parent).reduce((sum, child) => sum + treeRss(all, child.pid), 0);
}

/** Samples the memory of every browser this process launched until `stop()`; `stop` returns the peak in bytes. */
export function sampleBrowserMemory(intervalMs = 50): { stop: () => number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, childTreesRss(processSnapshot(), process.pid));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/**
 * The reference: the print page loaded and prepared as for the PDF (fonts, charts as images),
 * then printed by Chromium's own pagination with the same options, no Paged.js. Resolves to the
 * number of pages.
 */
export async function printReference(browser: Browser, options: { baseUrl: string; path: string; outFile: string }): Promise<number> {
  const context = await browser.newContext({ bypassCSP: true, locale: 'it-IT', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    // The PDF step's page module (for its `prepare`), without its `init`: no Paged.js here.
    await page.addInitScript(paginationScript());
    await page.goto(new URL(options.path, options.baseUrl).href, { waitUntil: 'load' });
    await page.evaluate(PREPARE);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
    fs.writeFileSync(options.outFile, pdf);
    return await pageCount(pdf);
  } finally {
    await context.close();
  }
}

/** The number of pages of a PDF. */
export async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

/**
 * One run: seconds from the start of the render to the file on disk, seconds the browser lived
 * (launch to exit, the render included), and the browser tree's peak memory.
 */
export interface BenchRun {
  seconds: number;
  browserSeconds: number;
  peakBytes: number;
}

/** Several runs summed up: the median times, the median peak memory, and every run. */
export interface BenchSummary {
  seconds: number;
  browserSeconds: number;
  peakMiB: number;
  runs: { seconds: number; browserSeconds: number; peakMiB: number }[];
}

const MiB = 1024 ** 2;

/** Medians of several runs, rounded for the JSON. Pure. */
export function summarize(runs: readonly BenchRun[]): BenchSummary {
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return {
    seconds: round(median(runs.map((r) => r.seconds)), 3),
    browserSeconds: round(median(runs.map((r) => r.browserSeconds)), 3),
    peakMiB: round(median(runs.map((r) => r.peakBytes)) / MiB, 0),
    runs: runs.map((r) => ({
      seconds: round(r.seconds, 3),
      browserSeconds: round(r.browserSeconds, 3),
      peakMiB: round(r.peakBytes / MiB, 0),
    })),
  };
}
