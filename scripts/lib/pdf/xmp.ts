/**
 * The XMP metadata packet PDF/UA-1 asks for (ISO 14289-1, 5 and 7.1): the title as `dc:title`,
 * and `pdfuaid:part` 1, which declares the file PDF/UA-1. The same fields as the document
 * information dictionary (incremental.ts), so that the two agree.
 */
import { PDF_CREATOR, PDF_LANGUAGE, type PdfMetadata } from './document.ts';

/** Text for an XML element or attribute. */
const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A language alternative (`rdf:Alt`) with the document's language as default. */
const alt = (text: string): string =>
  `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li><rdf:li xml:lang="${PDF_LANGUAGE}">${xml(text)}</rdf:li></rdf:Alt>`;

/** The XMP packet for a report, with its creation and modification dates (ISO 8601, UTC). */
export function xmpPacket(metadata: PdfMetadata, dates: { created: Date; modified: Date }): string {
  const keywords = metadata.keywords?.join(', ') ?? '';
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(metadata.title)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(metadata.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description>${alt(metadata.subject)}</dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${PDF_LANGUAGE}</rdf:li></rdf:Bag></dc:language>`,
    ...(keywords ? [`<pdf:Keywords>${xml(keywords)}</pdf:Keywords>`] : []),
    `<pdf:Producer>${xml(`${PDF_CREATOR} (Chromium, Paged.js)`)}</pdf:Producer>`,
    `<xmp:CreatorTool>${PDF_CREATOR}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${dates.created.toISOString()}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${dates.modified.toISOString()}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${dates.modified.toISOString()}</xmp:MetadataDate>`,
    '<pdfuaid:part>1</pdfuaid:part>',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
