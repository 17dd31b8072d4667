/**
 * The PDF step's code inside the print page (src/scripts/print-pagination.ts, a typed module)
 * bundled with esbuild into one script, once per process, and the calls the PDF step makes to
 * it. Functions handed to `page.evaluate` would be rewritten by the TypeScript loader (helpers
 * such as `__name` that do not exist in the page): the calls are short expressions instead, with
 * their arguments written as JSON.
 */
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { AnnuarioPagination } from '../../../src/scripts/print-pagination.ts';

const entry = path.resolve(import.meta.dirname, '../../../src/scripts/print-pagination.ts');

let bundled: string | undefined;

/** The in-page module as one classic script (an IIFE for Chromium's current engine), built on first use. */
export function paginationScript(): string {
  bundled ??= buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    charset: 'utf8',
    logLevel: 'silent',
  }).outputFiles[0]?.text;
  if (bundled === undefined) throw new Error(`esbuild non ha prodotto lo script della pagina di stampa da ${entry}`);
  return bundled;
}

/** An expression calling `window.annuarioPagination[name](...args)` in the page. */
export function callInPage<K extends keyof AnnuarioPagination>(name: K, ...args: Parameters<AnnuarioPagination[K]>): string {
  return `window.annuarioPagination.${name}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`;
}

/**
 * The init script of the print page: the module, then its `init`, which keeps Paged.js from
 * starting by itself and loads it from `polyfillUrl` (see `init` in print-pagination.ts).
 */
export const initPrintPage = (polyfillUrl: string): string => `${paginationScript()}\n;${callInPage('init', polyfillUrl)};`;

/** Runs the page's own preparation, then loads every font face and image the document needs. */
export const PREPARE = callInPage('prepare');

/** Waits for the polyfill loaded by `initPrintPage`. */
export const PAGED_READY = callInPage('ready');

/** Readies Paged.js for a fast pagination with the same result (see `setup` in print-pagination.ts). */
export const setupPagination = (options: { bleed: boolean }): string => callInPage('setup', options);

/** Paginates; resolves to the number of pages. */
export const PAGINATE = callInPage('paginate');

/** After pagination: pages back in place, contents page numbers, what the preflight collected. */
export const FINISH_PAGINATION = callInPage('finish');

/** Adds CSS as the first style sheet of the page (before the page's own `@page { size: … }`). */
export const prependStyle = (css: string): string => callInPage('prependStyle', css);

/** Names the variant on the report's root element, so the print CSS can tell the two PDFs apart. */
export const markVariant = (variant: string): string => callInPage('markVariant', variant);
