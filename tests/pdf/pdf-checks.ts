/**
 * What every report PDF must satisfy, as functions returning the problems found (an empty list
 * when all is well), shared by the fixture test and the test on the real reports: page size,
 * table of contents numbers, running heads, "Pagina X di Y", fonts, tagging, bookmarks,
 * document information.
 */
import * as cheerio from 'cheerio';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { flattenOutline, type PdfPage, type ReadPdf, type TextLine } from './read-pdf.ts';

/** A4 in points, and the print-shop variant's sheet: 3 mm bleed and 7 mm for the crop marks on each side. */
export const A4 = { width: 595.28, height: 841.89 };
export const A4_BLEED = { width: A4.width + (20 * 72) / 25.4, height: A4.height + (20 * 72) / 25.4 };

/** An entry of the print page's table of contents: its text and the anchor it points to. */
export interface TocEntry {
  label: string;
  target: string;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The table of contents of a print page: the links of the first `<nav>` pointing inside the page. */
export function tocFromHtml(html: string): TocEntry[] {
  const $ = cheerio.load(html);
  const nav = $('nav')
    .filter((_, el) => $(el).find('a[href^="#"]').length > 0)
    .first();
  return nav
    .find('a[href^="#"]')
    .toArray()
    .map((a) => ({ label: normalize($(a).text()), target: ($(a).attr('href') ?? '').slice(1) }));
}

/** Pages whose size differs from `size` by more than 1 pt. */
export function pageSizeProblems(pdf: ReadPdf, size: { width: number; height: number }): string[] {
  return pdf.pages.flatMap((page, index) =>
    Math.abs(page.width - size.width) > 1 || Math.abs(page.height - size.height) > 1
      ? [
          `pagina ${index + 1}: ${page.width.toFixed(2)} × ${page.height.toFixed(2)} pt invece di ${size.width.toFixed(2)} × ${size.height.toFixed(2)}`,
        ]
      : [],
  );
}

/**
 * Each line, and each run of up to `span` lines joined (a wrapped heading or TOC entry), in
 * capitals: the print CSS may set headings in capitals (`text-transform`), and the PDF's text is
 * what was drawn.
 */
function lineWindows(lines: readonly TextLine[], span = 4): string[] {
  return lines.flatMap((_line, i) =>
    Array.from({ length: Math.min(span, lines.length - i) }, (_, n) =>
      caps(
        lines
          .slice(i, i + n + 1)
          .map((l) => l.text)
          .join(' '),
      ),
    ),
  );
}

/** Text in capitals, the Italian way, for comparisons that ignore `text-transform`. */
const caps = (text: string) => normalize(text).toLocaleUpperCase('it-IT');

/** Where the TOC gives each entry's page: `{ label -> { number, tocPage } }`, from the first `searchPages` pages. */
export function tocNumbers(pdf: ReadPdf, entries: readonly TocEntry[], searchPages = 8): Map<string, { number: number; tocPage: number }> {
  const found = new Map<string, { number: number; tocPage: number }>();
  pdf.pages.slice(0, searchPages).forEach((page, index) => {
    // Headings (the cover's title, the TOC's own) are not entries: a title followed by a year would look like one.
    const windows = lineWindows(page.lines.filter((line) => line.size <= pdf.bodySize * 1.15));
    for (const { label } of entries) {
      if (found.has(label)) continue;
      const pattern = new RegExp(`^${escapeRegExp(caps(label))}[\\s.·…_]*(\\d+)$`);
      for (const text of windows) {
        const match = pattern.exec(text);
        if (match) {
          found.set(label, { number: Number(match[1]), tocPage: index + 1 });
          break;
        }
      }
    }
  });
  return found;
}

/** Lines printed larger than the body text: headings. */
const headingLines = (page: PdfPage, bodySize: number) => page.lines.filter((line) => line.size > bodySize * 1.15);

/** The first page after `afterPage` where `label` is a heading (one line, or wrapped on two). */
export function headingPage(pdf: ReadPdf, label: string, afterPage: number): number | undefined {
  for (let index = afterPage; index < pdf.pages.length; index++) {
    const page = pdf.pages[index];
    if (page && lineWindows(headingLines(page, pdf.bodySize)).includes(caps(label))) return index + 1;
  }
  return undefined;
}

/** TOC entries without a number, or whose number is not the page where their heading is. */
export function tocProblems(pdf: ReadPdf, entries: readonly TocEntry[]): string[] {
  if (entries.length === 0) return ["nessuna voce nell'indice della pagina di stampa"];
  const numbers = tocNumbers(pdf, entries);
  const lastTocPage = Math.max(0, ...[...numbers.values()].map((n) => n.tocPage));
  return entries.flatMap(({ label }) => {
    const toc = numbers.get(label);
    if (!toc) return [`voce «${label}»: nessun numero di pagina nell'indice`];
    const actual = headingPage(pdf, label, lastTocPage);
    if (actual === toc.number) return [];
    return [`voce «${label}»: l'indice dice pagina ${toc.number}, il titolo è ${actual ? `a pagina ${actual}` : 'introvabile'}`];
  });
}

/** Pages after the table of contents with real text on them (at least three lines of body text). */
export function contentPages(pdf: ReadPdf, afterPage: number): number[] {
  const pages: number[] = [];
  pdf.pages.forEach((page, index) => {
    const body = page.lines.filter((line) => Math.abs(line.size - pdf.bodySize) < 0.6);
    if (index + 1 > afterPage && body.length >= 3) pages.push(index + 1);
  });
  return pages;
}

/** The last page of the table of contents (0 when there is none). */
export function lastTocPage(pdf: ReadPdf, entries: readonly TocEntry[]): number {
  return Math.max(0, ...[...tocNumbers(pdf, entries).values()].map((n) => n.tocPage));
}

/**
 * Content pages without a running head: the topmost line of the page, smaller than the body
 * text, naming the report or one of its chapters (`known`).
 */
export function runningHeadProblems(pdf: ReadPdf, pages: readonly number[], known: readonly string[]): string[] {
  return pages.flatMap((number) => {
    const top = pdf.pages[number - 1]?.lines[0];
    if (top && top.size < pdf.bodySize && known.some((text) => caps(top.text).includes(caps(text)))) return [];
    return [`pagina ${number}: nessuna testatina (prima riga: «${top?.text ?? ''}»)`];
  });
}

/** "Pagina X di Y" wrong anywhere, or missing on a content page. */
export function pageNumberProblems(pdf: ReadPdf, requiredOn: readonly number[]): string[] {
  const total = pdf.pages.length;
  const problems: string[] = [];
  pdf.pages.forEach((page, index) => {
    const numbers = [...page.text.matchAll(/Pagina (\d+) di (\d+)/g)];
    for (const [text, x, y] of numbers) {
      if (Number(x) !== index + 1 || Number(y) !== total)
        problems.push(`pagina ${index + 1}: «${text}» invece di «Pagina ${index + 1} di ${total}»`);
    }
    if (numbers.length === 0 && requiredOn.includes(index + 1))
      problems.push(`pagina ${index + 1}: manca «Pagina ${index + 1} di ${total}»`);
  });
  return problems;
}

/** Fonts used without their program in the file. */
export function fontProblems(pdf: ReadPdf): string[] {
  const missing = new Set(pdf.fonts.filter((font) => !font.embedded && font.subtype !== 'Type3').map((font) => font.name));
  return [...missing].map((name) => `carattere non incorporato: ${name}`);
}

/** Tagging (MarkInfo, structure tree) and bookmarks that point at pages. */
export function accessibilityProblems(pdf: ReadPdf): string[] {
  const problems: string[] = [];
  if (!pdf.marked) problems.push('MarkInfo /Marked non è true (PDF non marcato)');
  if (!pdf.hasStructTree) problems.push('manca lo StructTreeRoot (PDF senza struttura)');
  const outline = flattenOutline(pdf.outline);
  if (outline.length === 0) problems.push('nessun segnalibro');
  for (const entry of outline) if (entry.page === undefined) problems.push(`segnalibro «${entry.title}» senza pagina`);
  return problems;
}

/** Document information that differs from what is expected. */
export function infoProblems(pdf: ReadPdf, expected: { Title: string; Author: string; Subject: string }): string[] {
  const wanted: Record<string, string> = { ...expected, Creator: 'annuario', Language: 'it-IT' };
  return Object.entries(wanted).flatMap(([key, value]) =>
    pdf.info[key] === value ? [] : [`${key}: ${JSON.stringify(pdf.info[key] ?? null)} invece di «${value}»`],
  );
}

/**
 * The print shop's requirements, read from the file with pdf-lib: on every page a TrimBox 3 mm
 * inside the BleedBox and a MediaBox with room for the crop marks around it; crop marks (the
 * last content stream) of 5 mm on the trim lines, outside the bleed; an sRGB output intent.
 */
export async function printShopProblems(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const problems: string[] = [];
  const mm = (pt: number) => (pt * 25.4) / 72;
  const boxOf = (dict: PDFDict, key: string): number[] | undefined => {
    const array = dict.lookupMaybe(PDFName.of(key), PDFArray);
    return array?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
  };
  doc.getPages().forEach((page, index) => {
    const where = `pagina ${index + 1}`;
    const media = boxOf(page.node, 'MediaBox');
    const bleed = boxOf(page.node, 'BleedBox');
    const trim = boxOf(page.node, 'TrimBox');
    if (!media || !bleed || !trim) {
      problems.push(`${where}: mancano MediaBox, BleedBox o TrimBox`);
      return;
    }
    const inset = (outer: number[], inner: number[]) =>
      [inner[0]! - outer[0]!, inner[1]! - outer[1]!, outer[2]! - inner[2]!, outer[3]! - inner[3]!].map(mm);
    if (inset(bleed, trim).some((d) => Math.abs(d - 3) > 0.05)) problems.push(`${where}: la TrimBox non è 3 mm dentro la BleedBox`);
    if (inset(media, bleed).some((d) => d < 5)) problems.push(`${where}: nessuno spazio per i segni di taglio fuori dall'abbondanza`);
    const contents = page.node.lookup(PDFName.of('Contents'));
    const last = contents instanceof PDFArray ? contents.lookup(contents.size() - 1) : contents;
    const text = last instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(last).decode()).toString('latin1') : '';
    const lines = [...text.matchAll(/([-\d.]+) ([-\d.]+) m ([-\d.]+) ([-\d.]+) l/g)].map(
      (m) => m.slice(1, 5).map(Number) as [number, number, number, number],
    );
    if (lines.length !== 8) problems.push(`${where}: ${lines.length} segni di taglio invece di 8`);
    for (const [x1, y1, x2, y2] of lines) {
      const length = mm(Math.hypot(x2 - x1, y2 - y1));
      const outside =
        [x1, x2].every((x) => x <= bleed[0]! + 0.01 || x >= bleed[2]! - 0.01) ||
        [y1, y2].every((y) => y <= bleed[1]! + 0.01 || y >= bleed[3]! - 0.01);
      const onTrim =
        (x1 === x2 && [trim[0], trim[2]].some((t) => Math.abs(x1 - t!) < 0.01)) ||
        (y1 === y2 && [trim[1], trim[3]].some((t) => Math.abs(y1 - t!) < 0.01));
      if (Math.abs(length - 5) > 0.05 || !outside || !onTrim) {
        problems.push(
          `${where}: segno di taglio (${[x1, y1, x2, y2].join(' ')}) non lungo 5 mm fuori dall'abbondanza sulla linea di taglio`,
        );
      }
    }
  });
  const intents = doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const intent = intents?.lookupMaybe(0, PDFDict);
  const profileObject = intent?.lookup(PDFName.of('DestOutputProfile'));
  const profile = profileObject instanceof PDFRawStream ? profileObject : undefined;
  // pdf-lib's declaration of a stream's `dict` does not resolve here: read it as unknown, then check it.
  const profileDict: unknown = profile && Reflect.get(profile, 'dict');
  const components = profileDict instanceof PDFDict ? profileDict.lookupMaybe(PDFName.of('N'), PDFNumber)?.asNumber() : undefined;
  if (!intent || intent.get(PDFName.of('S'))?.toString() !== '/GTS_PDFX' || components !== 3) {
    problems.push('manca l’intento di output sRGB (OutputIntents con GTS_PDFX e profilo ICC a 3 componenti)');
  }
  return problems;
}

/** The text alternatives of the print page's charts (figure[data-print-chart]), as the page's readers get them. */
export function chartAltsFromHtml(html: string): string[] {
  const $ = cheerio.load(html);
  return $('figure[data-print-chart] .print-chart__text')
    .toArray()
    .map((el) =>
      normalize(
        $(el)
          .text()
          .replace(/\u00ad/g, ''),
      ),
    );
}

/**
 * Charts printed as vectors with their text alternative: each chart of the print page is a
 * `Figure` of the structure tree whose `/Alt` is the chart's text alternative, and the file
 * paints no more raster images than the page has `<img>` elements (a chart turned into a
 * picture would add one). Read with pdfjs-dist: operator lists and structure trees.
 */
export async function chartProblems(bytes: Uint8Array, html: string): Promise<string[]> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: bytes.slice(), verbosity: 0 });
  const doc = await task.promise;
  try {
    const imageOps = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat]);
    const alts = new Set<string>();
    let rasters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      rasters += (await page.getOperatorList()).fnArray.filter((fn) => imageOps.has(fn)).length;
      type Node = { role?: string; alt?: string; children?: Node[] };
      const walk = (node: Node): void => {
        if (node.role === 'Figure' && node.alt) alts.add(normalize(node.alt));
        node.children?.forEach(walk);
      };
      const tree = (await page.getStructTree()) as Node | null;
      if (tree) walk(tree);
    }
    const images = cheerio.load(html)('img').length;
    const problems = chartAltsFromHtml(html)
      .filter((alt) => !alts.has(alt))
      .map((alt) => `grafico senza Figure con il suo testo alternativo: «${alt.slice(0, 60)}…»`);
    if (rasters > images) problems.push(`${rasters} immagini raster dipinte, la pagina ne ha ${images}: un grafico è un'immagine`);
    return problems;
  } finally {
    await task.destroy();
  }
}

/** Where a colour field must reach the bleed's edge: which edges of which page (1-based; negative counts from the end). */
export interface BleedField {
  page: number;
  edges: readonly ('top' | 'right' | 'bottom' | 'left')[];
  /** How far into the page from the edge the field spans along the side edges, in points (for sampling them). */
  depth: number;
}

/**
 * Colour fields that stop short of the bleed's edge in the print-shop PDF: each page is drawn
 * with pdfjs-dist (its Node canvas) and read 1 pt inside the BleedBox (`slugMm` inside the
 * MediaBox) along each named edge, where a field that runs into the bleed leaves no white.
 */
export async function bleedProblems(bytes: Uint8Array, fields: readonly BleedField[], slugMm: number): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: bytes.slice(), verbosity: 0 });
  const doc = await task.promise;
  const scale = 1;
  const inset = (slugMm * 72) / 25.4 + 1;
  const problems: string[] = [];
  try {
    for (const field of fields) {
      const number = field.page > 0 ? field.page : doc.numPages + 1 + field.page;
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale });
      // pdfjs-dist's Node canvas factory (@napi-rs/canvas); its type is not exported.
      const factory = Reflect.get(doc, 'canvasFactory') as {
        create: (w: number, h: number) => { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D };
      };
      const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas, canvasContext: context, viewport }).promise;
      const { width, height } = viewport;
      const white = (x: number, y: number): boolean => {
        const [r = 0, g = 0, b = 0] = context.getImageData(Math.round(x), Math.round(y), 1, 1).data;
        return r > 240 && g > 240 && b > 240;
      };
      const along = [0.1, 0.5, 0.9];
      const points: Record<BleedField['edges'][number], [number, number][]> = {
        top: along.map((f) => [width * f, inset]),
        bottom: along.map((f) => [width * f, height - inset]),
        left: [field.edges.includes('top') ? inset + field.depth / 2 : height - inset - field.depth / 2].map((y) => [inset, y]),
        right: [field.edges.includes('top') ? inset + field.depth / 2 : height - inset - field.depth / 2].map((y) => [width - inset, y]),
      };
      for (const edge of field.edges) {
        if (points[edge].some(([x, y]) => white(x, y)))
          problems.push(`pagina ${number}: il colore non arriva al bordo dell'abbondanza (${edge})`);
      }
    }
    return problems;
  } finally {
    await task.destroy();
  }
}
