/**
 * What the PDF step does to the file Chromium printed, with pdf-lib, when the quick incremental
 * update (incremental.ts) does not apply or a font is missing: the document information (title,
 * author, language…) and the list of fonts each page uses, for the preflight. Loading and
 * saving keeps every object, so the structure tree (tagged PDF) and the bookmarks survive
 * (checked by tests/pdf/).
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import type { FontUse } from './preflight.ts';

/** Document information written into every PDF. */
export interface PdfMetadata {
  /** The report's title, e.g. `Bilancio sociale`. */
  title: string;
  /** The organization's full name. */
  author: string;
  /** What the document is, e.g. `Bilancio sociale dal 2019 a giugno 2024`. */
  subject: string;
  keywords?: string[];
}

/** The program named as the PDF's creator. */
export const PDF_CREATOR = 'annuario';
/** The language of every report. */
export const PDF_LANGUAGE = 'it-IT';

/** Points per millimetre. */
const PT_PER_MM = 72 / 25.4;

/**
 * Sets the document information and the language; with `bleedMm`, also each page's TrimBox
 * (the A4 sheet after cutting) and BleedBox, which print shops read. The rest is kept as it is.
 * Returns the new file and the fonts each page uses, read from the same parse (parsing a long
 * PDF takes a good part of a second).
 */
export async function finishPdf(
  bytes: Uint8Array,
  metadata: PdfMetadata,
  options: { bleedMm?: number } = {},
): Promise<{ bytes: Uint8Array; fonts: FontUse[] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fonts = fontUsesOf(doc);
  const bleed = (options.bleedMm ?? 0) * PT_PER_MM;
  if (bleed > 0) {
    for (const page of doc.getPages()) {
      const { x, y, width, height } = page.getMediaBox();
      page.setBleedBox(x, y, width, height);
      page.setTrimBox(x + bleed, y + bleed, width - 2 * bleed, height - 2 * bleed);
    }
  }
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  doc.setSubject(metadata.subject);
  // pdf-lib joins keywords with spaces; commas keep multi-word ones (`ANCI Lombardia`) apart.
  if (metadata.keywords && metadata.keywords.length > 0) doc.setKeywords([metadata.keywords.join(', ')]);
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(`${PDF_CREATOR} (Chromium, Paged.js, pdf-lib)`);
  doc.setLanguage(PDF_LANGUAGE);
  doc.setModificationDate(new Date());
  return { bytes: await doc.save(), fonts };
}

/** A PDF name as text without the slash, or `fallback`. */
function nameOf(dict: PDFDict, key: string, fallback = ''): string {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFName ? value.decodeText() : fallback;
}

/** Whether a font dictionary carries its font program (Type 0 fonts through their descendant). */
function isEmbedded(doc: PDFDocument, font: PDFDict): boolean {
  let target = font;
  if (nameOf(font, 'Subtype') === 'Type0') {
    const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
    const first = descendants?.lookupMaybe(0, PDFDict);
    if (!first) return false;
    target = first;
  }
  const descriptor = target.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  if (!descriptor) return false;
  return ['FontFile', 'FontFile2', 'FontFile3'].some((key) => doc.context.lookup(descriptor.get(PDFName.of(key))) !== undefined);
}

/** The dictionary of a stream or dictionary object, if it is one. */
function dictOf(object: PDFObject | undefined): PDFDict | undefined {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream) return object.dict;
  return undefined;
}

/** Every font each page uses (its resources and those of the forms it draws), 1-based pages. */
export async function pdfFontUses(bytes: Uint8Array): Promise<FontUse[]> {
  return fontUsesOf(await PDFDocument.load(bytes, { updateMetadata: false }));
}

/** Every font each page of a loaded document uses. */
function fontUsesOf(doc: PDFDocument): FontUse[] {
  const uses: FontUse[] = [];
  doc.getPages().forEach((page, index) => {
    const seen = new Set<PDFObject>();
    const walk = (resources: PDFDict | undefined) => {
      if (!resources || seen.has(resources)) return;
      seen.add(resources);
      const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
      for (const [, ref] of fonts?.entries() ?? []) {
        const font = dictOf(doc.context.lookup(ref));
        if (!font) continue;
        const name = nameOf(font, 'BaseFont', ref instanceof PDFRef ? ref.toString() : '?').replace(/^[A-Z]{6}\+/, '');
        uses.push({ page: index + 1, name, subtype: nameOf(font, 'Subtype', '?'), embedded: isEmbedded(doc, font) });
      }
      const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
      for (const [, ref] of xobjects?.entries() ?? []) {
        const xobject = dictOf(doc.context.lookup(ref));
        if (xobject && nameOf(xobject, 'Subtype') === 'Form') walk(xobject.lookupMaybe(PDFName.of('Resources'), PDFDict));
      }
    };
    walk(page.node.Resources());
  });
  return uses;
}
