/**
 * A PDF as the tests look at it, read with pdfjs-dist (the legacy build runs in Node) and
 * pdf-lib only, never with tools that a fresh machine lacks: page sizes, text lines per page
 * with their font size and height on the page, document information, tagging, bookmarks, fonts.
 */
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfFontUses } from '../../scripts/lib/pdf/document.ts';
import type { FontUse } from '../../scripts/lib/pdf/preflight.ts';

/** One line of text: items on the same baseline, left to right. */
export interface TextLine {
  text: string;
  /** Largest font size on the line, in points. */
  size: number;
  /** Baseline height from the bottom of the page, in points. */
  y: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: TextLine[];
  /** All lines joined by single spaces. */
  text: string;
}

/** A bookmark with the 1-based page it points to. */
export interface OutlineEntry {
  title: string;
  page: number | undefined;
  children: OutlineEntry[];
}

export interface ReadPdf {
  pages: PdfPage[];
  info: Record<string, unknown>;
  marked: boolean;
  hasStructTree: boolean;
  outline: OutlineEntry[];
  fonts: FontUse[];
  /** The most common font size of the text (by characters): the body text. */
  bodySize: number;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Groups text items into lines by baseline (within 2 pt), top to bottom. Items are joined with
 * a space only where the page shows a gap (Chromium splits runs inside words, e.g. at `/`).
 */
function toLines(items: readonly TextItemLike[]): TextLine[] {
  const rows: { y: number; parts: { x: number; str: string; size: number; width: number }[] }[] = [];
  for (const item of items) {
    if (item.str === '') continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
    const part = { x, str: item.str, size: Math.hypot(a, b), width: item.width };
    const row = rows.find((r) => Math.abs(r.y - y) < 2);
    if (row) row.parts.push(part);
    else rows.push({ y, parts: [part] });
  }
  return rows
    .sort((r1, r2) => r2.y - r1.y)
    .map((row) => {
      const parts = row.parts.sort((p1, p2) => p1.x - p2.x);
      let text = '';
      parts.forEach((part, i) => {
        const previous = parts[i - 1];
        const gap = previous ? part.x - (previous.x + previous.width) : 0;
        text += previous && gap > part.size * 0.15 ? ` ${part.str}` : part.str;
      });
      return { text: normalize(text), size: Math.max(...parts.map((p) => p.size)), y: row.y };
    })
    .filter((line) => line.text !== '');
}

/** Reads the whole PDF at `file`. */
export async function readPdf(file: string): Promise<ReadPdf> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const task = getDocument({ data: bytes.slice(), verbosity: 0, useSystemFonts: false, disableFontFace: true });
  const doc = await task.promise;
  try {
    const pages: PdfPage[] = [];
    const sizes = new Map<number, number>();
    let hasStructTree = false;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const content = await page.getTextContent();
      const items: TextItemLike[] = content.items.flatMap((item) =>
        'str' in item ? [{ str: item.str, transform: (item.transform as unknown[]).map(Number), width: item.width }] : [],
      );
      for (const item of items) {
        const size = Math.round(Math.hypot(item.transform[0] ?? 0, item.transform[1] ?? 0) * 2) / 2;
        sizes.set(size, (sizes.get(size) ?? 0) + item.str.trim().length);
      }
      const lines = toLines(items);
      pages.push({ width: x1 - x0, height: y1 - y0, lines, text: lines.map((l) => l.text).join(' ') });
      if (n === 1) hasStructTree = (await page.getStructTree()) !== null;
    }
    const bodySize = [...sizes].sort((s1, s2) => s2[1] - s1[1])[0]?.[0] ?? 0;
    const { info } = await doc.getMetadata();
    // pdfjs answers with a Map here, although its types say a plain object.
    const markInfo: unknown = await doc.getMarkInfo();
    const marked = markInfo instanceof Map ? markInfo.get('Marked') === true : (markInfo as { Marked?: boolean } | null)?.Marked === true;
    const resolve = async (dest: unknown): Promise<number | undefined> => {
      const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
      const ref: unknown = Array.isArray(explicit) ? explicit[0] : undefined;
      if (typeof ref === 'number') return ref + 1;
      if (ref && typeof ref === 'object') return (await doc.getPageIndex(ref as Parameters<typeof doc.getPageIndex>[0])) + 1;
      return undefined;
    };
    const readOutline = async (items: Awaited<ReturnType<typeof doc.getOutline>> | null): Promise<OutlineEntry[]> =>
      Promise.all(
        (items ?? []).map(async (item) => ({
          title: normalize(item.title),
          page: await resolve(item.dest),
          children: await readOutline(item.items),
        })),
      );
    return {
      pages,
      info: info as Record<string, unknown>,
      marked,
      hasStructTree,
      outline: await readOutline(await doc.getOutline()),
      fonts: await pdfFontUses(bytes),
      bodySize,
    };
  } finally {
    await task.destroy();
  }
}

/** Every bookmark, depth first. */
export function flattenOutline(entries: readonly OutlineEntry[]): OutlineEntry[] {
  return entries.flatMap((entry) => [entry, ...flattenOutline(entry.children)]);
}
