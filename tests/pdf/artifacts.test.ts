/**
 * Content drawn outside the structure tree wrapped as artifacts (artifacts.ts), on content
 * streams as Chromium writes them: tagged content unchanged, clipping paths left alone.
 */
import { describe, expect, test } from 'vitest';
import { contentOperations, markUntaggedAsArtifacts } from '../../scripts/lib/pdf/artifacts.ts';
import { linkKey, parsePdfDate } from '../../scripts/lib/pdf/incremental.ts';
import { xmpPacket } from '../../scripts/lib/pdf/xmp.ts';

const mark = (content: string): string | undefined => {
  const out = markUntaggedAsArtifacts(Buffer.from(content, 'latin1'));
  return out === undefined ? undefined : Buffer.from(out).toString('latin1');
};

describe('markUntaggedAsArtifacts', () => {
  test.each([
    ['tagged text stays as it is', '/P <</MCID 0>> BDC\nBT /F1 10 Tf (Ciao) Tj ET\nEMC', undefined],
    ['a page background', '1 1 1 rg\n0 0 595 842 re\nf', '1 1 1 rg\n/Artifact BMC\n0 0 595 842 re\nf\nEMC'],
    ['a clipping path is not drawing', '0 0 10 10 re\nW n', undefined],
    [
      'a running head: the text operation inside its text object',
      'BT /F1 8 Tf 10 800 Td (Bilancio) Tj ET',
      'BT /F1 8 Tf 10 800 Td /Artifact BMC\n(Bilancio) Tj\nEMC ET',
    ],
    [
      'tagged and untagged side by side',
      '/P <</MCID 3>> BDC (a) Tj EMC [(b) -20 (c)] TJ',
      '/P <</MCID 3>> BDC (a) Tj EMC /Artifact BMC\n[(b) -20 (c)] TJ\nEMC',
    ],
    ['an image outside the tree', 'q 100 0 0 50 0 0 cm /Im1 Do Q', 'q 100 0 0 50 0 0 cm /Artifact BMC\n/Im1 Do\nEMC Q'],
    ['strings with parentheses and operators inside', '/Span <</MCID 1>> BDC ((Tj\\) re) Tj EMC', undefined],
    ['crop marks: stroked lines', '0 0 0 RG 0 5 m 10 5 l S', '0 0 0 RG /Artifact BMC\n0 5 m 10 5 l S\nEMC'],
  ])('%s', (_case, content, expected) => {
    expect(mark(content)).toBe(expected);
  });

  test('an inline image is not read (nothing is changed)', () => {
    expect(contentOperations(Buffer.from('BI /W 1 /H 1 ID x EI', 'latin1'))).toBeUndefined();
  });
});

test.each([
  ['<</Type /Annot /Subtype /Link /Dest /nota-metodologica /StructParent 2>>', 'nota-metodologica'],
  ['<</Type /Annot /Subtype /Link /Dest /attivit#C3#A0>>', 'attività'],
  ['<</Type /Annot /Subtype /Link /A <</S /URI /URI (https://www.ancitoscana.it/)>>>>', 'https://www.ancitoscana.it/'],
  ['<</Type /Annot /Subtype /Link>>', undefined],
])('linkKey %#', (annotation, key) => {
  expect(linkKey(annotation)).toBe(key);
});

test.each([
  ["(D:20261207211500+01'00')", '2026-12-07T20:15:00.000Z'],
  ['(D:20261207211500Z)', '2026-12-07T21:15:00.000Z'],
])('parsePdfDate %s', (value, iso) => {
  expect(parsePdfDate(value)?.toISOString()).toBe(iso);
});

test('the XMP packet: title, PDF/UA-1, text escaped', () => {
  const xmp = xmpPacket(
    { title: 'Bilancio sociale – 2019 & 2024', author: 'ANCI <Toscana>', subject: 'Soggetto', keywords: ['a', 'b'] },
    { created: new Date('2026-12-01T10:00:00Z'), modified: new Date('2026-12-07T10:00:00Z') },
  );
  expect(xmp).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Bilancio sociale – 2019 &amp; 2024</rdf:li>');
  expect(xmp).toContain('<rdf:li>ANCI &lt;Toscana&gt;</rdf:li>');
  expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
  expect(xmp).toContain('<xmp:CreateDate>2026-12-01T10:00:00.000Z</xmp:CreateDate>');
});
