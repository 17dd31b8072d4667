/**
 * The PDFs as the site shows them: the manifest beside the site (`/pubblicazioni-pdf.json`) and
 * the list of download links that replaces the marker of `PdfDownloads.astro` on each report's
 * web page once the PDFs exist. Pure string work, so it is tested without a build.
 */
import { t } from '../../../src/i18n/t.ts';
import { formatFileSize, formatInteger } from '../../../src/lib/format.ts';
import type { PdfVariant } from './render.ts';

/** One PDF of a report. */
export interface PdfManifestVariant {
  variant: PdfVariant;
  /** Site path, e.g. `/anci-toscana/pubblicazioni/priorita-2018.pdf`. */
  href: string;
  bytes: number;
  pages: number;
}

/** A report and its PDFs. */
export interface PdfManifestReport {
  id: string;
  title: string;
  variants: PdfManifestVariant[];
}

/** The file at `urls.pdfManifest()`. */
export interface PdfManifest {
  reports: PdfManifestReport[];
}

/** Escapes text for HTML content and double-quoted attributes. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `1` -> `1 pagina`, `112` -> `112 pagine`. */
export function formatPageCount(pages: number): string {
  return pages === 1 ? t('pdf.onePage') : t('pdf.pages', { count: formatInteger(pages) });
}

/** The link list for a report's PDFs: `Scarica il PDF (digitale, 112 pagine, 3,4 MB)`, then the print-shop one. */
export function downloadsHtml(report: PdfManifestReport): string {
  const items = report.variants.map((entry) => {
    const label = t(`pdf.link.${entry.variant}`, { pages: formatPageCount(entry.pages), size: formatFileSize(entry.bytes) });
    return `<li><a href="${escapeHtml(entry.href)}" type="application/pdf">${escapeHtml(label)}</a></li>`;
  });
  return `<ul class="pdf-downloads__list">${items.join('')}</ul>`;
}

/** What stands in for the links when the site was built without PDFs (`npm run build:site`). */
export function siteOnlyHtml(): string {
  return `<p class="muted">${escapeHtml(t('pdf.siteOnly'))}</p>`;
}

/**
 * Puts `inner` inside the marker `<div data-pdf-downloads="<id>">…</div>` of a built page,
 * keeping the marker itself (so a later `npm run pdf` can fill it again). `found` is false when
 * the page has no marker for that report.
 */
export function fillDownloadsMarker(html: string, reportId: string, inner: string): { html: string; found: boolean } {
  const id = escapeHtml(reportId).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const marker = new RegExp(`(<div\\b[^>]*\\bdata-pdf-downloads="${id}"[^>]*>)[\\s\\S]*?(</div>)`);
  let found = false;
  const filled = html.replace(marker, (_match, open: string, close: string) => {
    found = true;
    return `${open}${inner}${close}`;
  });
  return { html: filled, found };
}

/**
 * The manifest after rendering some reports: their entries replace the old ones, the others
 * stay; reports follow `order` (the content's), unknown ones are dropped.
 */
export function mergeManifest(
  previous: PdfManifest | undefined,
  updated: readonly PdfManifestReport[],
  order: readonly string[],
): PdfManifest {
  const byId = new Map((previous?.reports ?? []).map((report) => [report.id, report]));
  for (const report of updated) byId.set(report.id, report);
  return { reports: order.flatMap((id) => byId.get(id) ?? []) };
}
