/**
 * The incremental update that writes the document information into Chromium's PDF: read back
 * by pdf-lib, it has the information, the language and the print shop's boxes; files it does
 * not expect (object streams) are left to pdf-lib; fonts without their program are named.
 */
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { appendDocumentInfo, objectDict, pdfDate, pdfTextString } from '../../scripts/lib/pdf/incremental.ts';

const metadata = {
  title: 'Bilancio sociale – 2024',
  author: 'ANCI Toscana',
  subject: 'Bilancio sociale di ANCI Toscana',
  keywords: ['ANCI Toscana', 'bilancio'],
};

/** A two-page A4 PDF with a classic cross-reference table, as Chromium writes them. */
async function samplePdf(options: { objectStreams?: boolean; font?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < 2; i++) {
    const page = doc.addPage([595.28, 841.89]);
    if (options.font) page.drawText('Pagina', { font: await doc.embedFont(StandardFonts.Helvetica), x: 50, y: 50 });
  }
  return doc.save({ useObjectStreams: options.objectStreams ?? false });
}

describe('appendDocumentInfo', () => {
  test('information, language, creator; the original bytes kept in front', async () => {
    const original = await samplePdf();
    const result = appendDocumentInfo(original, metadata, { now: new Date('2026-11-22T10:00:00Z') });
    expect(result?.unembeddedFonts).toEqual([]);
    const bytes = result?.bytes ?? new Uint8Array();
    expect(Buffer.from(bytes.subarray(0, original.byteLength)).equals(Buffer.from(original))).toBe(true);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(2);
    expect([doc.getTitle(), doc.getAuthor(), doc.getSubject(), doc.getKeywords(), doc.getCreator()]).toEqual([
      metadata.title,
      metadata.author,
      metadata.subject,
      'ANCI Toscana, bilancio',
      'annuario',
    ]);
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('it-IT');
  });

  test('the print shop variant: BleedBox = the printed sheet, TrimBox 3 mm inside, MediaBox 7 mm around for the crop marks', async () => {
    const doc = await PDFDocument.load(appendDocumentInfo(await samplePdf(), metadata, { bleedMm: 3 })?.bytes ?? new Uint8Array());
    const bleed = (3 * 72) / 25.4;
    const slug = (7 * 72) / 25.4;
    for (const page of doc.getPages()) {
      expect(page.getBleedBox()).toEqual({ x: 0, y: 0, width: 595.28, height: 841.89 });
      const media = page.getMediaBox();
      expect(media.x).toBeCloseTo(-slug, 3);
      expect(media.width).toBeCloseTo(595.28 + 2 * slug, 3);
      const trim = page.getTrimBox();
      expect(trim.x).toBeCloseTo(bleed, 3);
      expect(trim.width).toBeCloseTo(595.28 - 2 * bleed, 3);
    }
  });

  test('a font without its program is named', async () => {
    expect(appendDocumentInfo(await samplePdf({ font: true }), metadata)?.unembeddedFonts).toEqual(['Helvetica']);
  });

  test('a file with object streams is left to pdf-lib', async () => {
    expect(appendDocumentInfo(await samplePdf({ objectStreams: true }), metadata)).toBeUndefined();
  });
});

describe.each([
  ['1 0 obj\n<</A (a >> b) /B <</C 1>>>>\nendobj', '<</A (a >> b) /B <</C 1>>>>'],
  ['7 0 obj <</T (x\\) >>)>> endobj', '<</T (x\\) >>)>>'],
])('objectDict(%j)', (text, dict) => {
  test('is the balanced dictionary', () => expect(objectDict(text, 0)).toBe(dict));
});

test.each([
  ['a', '<FEFF0061>'],
  ['è–', '<FEFF00E82013>'],
])('pdfTextString(%j) = %s', (value, hex) => expect(pdfTextString(value)).toBe(hex));

test('pdfDate is UTC', () => expect(pdfDate(new Date('2026-01-02T03:04:05Z'))).toBe('(D:20260102030405Z)'));
