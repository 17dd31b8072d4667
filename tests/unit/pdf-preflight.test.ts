import { describe, expect, test } from 'vitest';
import {
  findLowDpi,
  findOverflow,
  findUnembeddedFonts,
  formatFinding,
  formatPages,
  printedDpi,
  type FontUse,
  type PlacedElement,
  type PrintedImage,
} from '../../scripts/lib/pdf/preflight.ts';

const area = { left: 68, top: 76, right: 726, bottom: 1039 };
const placed = (box: Partial<PlacedElement['box']>, page = 7): PlacedElement => ({
  page,
  element: 'table.stats-table',
  box: { ...area, ...box },
  area,
});

describe('formatPages', () => {
  test.each([
    [[3], 'pagina 3'],
    [[7, 3, 5, 3], 'pagine 3, 5 e 7'],
    [[1, 2], 'pagine 1 e 2'],
  ])('%j -> %s', (pages, expected) => {
    expect(formatPages(pages)).toBe(expected);
  });
});

describe('findOverflow', () => {
  test.each([
    ['inside', placed({ left: 100, right: 700 }), []],
    ['on the edge, within tolerance', placed({ right: area.right + 1.5 }), []],
    [
      'out to the right by 96 px (25 mm)',
      placed({ right: area.right + 96 }),
      ["pagina 7: table.stats-table esce dall'area del testo (25 mm a destra)"],
    ],
    [
      'out at the bottom and on the left',
      placed({ bottom: area.bottom + 38, left: area.left - 19 }),
      ["pagina 7: table.stats-table esce dall'area del testo (10 mm in basso, 5 mm a sinistra)"],
    ],
    ['out at the top', placed({ top: area.top - 10 }, 2), ["pagina 2: table.stats-table esce dall'area del testo (3 mm in alto)"]],
  ])('%s', (_name, element, expected) => {
    const findings = findOverflow([element]);
    expect(findings.map(formatFinding)).toEqual(expected);
    for (const finding of findings) expect(finding).toMatchObject({ kind: 'overflow', severity: 'warning' });
  });
});

describe('printedDpi and findLowDpi', () => {
  const image = (over: Partial<PrintedImage>): PrintedImage => ({
    page: 4,
    src: '/_astro/foto.webp',
    naturalWidth: 1200,
    naturalHeight: 800,
    width: 378, // 100 mm
    height: 252,
    ...over,
  });

  test.each([
    [image({}), 304],
    [image({ naturalWidth: 600, naturalHeight: 400 }), 152],
    // The lower axis wins (a stretched image).
    [image({ height: 504 }), 152],
  ])('printedDpi(%j) = %i', (input, dpi) => {
    expect(Math.floor(printedDpi(input))).toBe(dpi);
  });

  test.each([
    ['300 dpi or more', [image({})], []],
    [
      'under 300 dpi, on two pages',
      [image({ naturalWidth: 600, naturalHeight: 400 }), image({ page: 9, naturalWidth: 600, naturalHeight: 400 })],
      [
        'pagine 4 e 9: immagine «/_astro/foto.webp» stampata a 152 dpi (ne servono almeno 300: usa un file più grande o stampala più piccola)',
      ],
    ],
    ['SVG is vector', [image({ src: '/logo.svg', naturalWidth: 10, naturalHeight: 10 })], []],
    ['not laid out', [image({ width: 0, height: 0 })], []],
    ['not loaded', [image({ naturalWidth: 0, naturalHeight: 0 })], []],
  ])('%s', (_name, images, expected) => {
    expect(findLowDpi(images).map(formatFinding)).toEqual(expected);
  });
});

describe('findUnembeddedFonts', () => {
  const use = (over: Partial<FontUse>): FontUse => ({ page: 1, name: 'TitilliumWeb-Regular', subtype: 'Type0', embedded: true, ...over });

  test.each([
    ['all embedded', [use({}), use({ page: 2 })], []],
    ['Type 3 fonts are drawn in the file', [use({ subtype: 'Type3', embedded: false })], []],
    [
      'one font missing on two pages',
      [
        use({ name: 'Helvetica', subtype: 'Type1', embedded: false }),
        use({}),
        use({ page: 3, name: 'Helvetica', subtype: 'Type1', embedded: false }),
      ],
      ['pagine 1 e 3: carattere «Helvetica» non incorporato nel PDF (la tipografia lo sostituirebbe: caricalo con @font-face)'],
    ],
  ])('%s', (_name, uses, expected) => {
    const findings = findUnembeddedFonts(uses);
    expect(findings.map(formatFinding)).toEqual(expected);
    for (const finding of findings) expect(finding.severity).toBe('error');
  });
});
