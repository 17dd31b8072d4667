import { describe, expect, test } from 'vitest';
import {
  downloadsHtml,
  fillDownloadsMarker,
  formatPageCount,
  mergeManifest,
  siteOnlyHtml,
  type PdfManifestReport,
} from '../../scripts/lib/pdf/downloads.ts';

const report: PdfManifestReport = {
  id: 'anci-toscana/bilancio-sociale-2019-2024',
  title: 'Bilancio sociale',
  variants: [
    { variant: 'digitale', href: '/anci-toscana/pubblicazioni/bilancio-sociale-2019-2024.pdf', bytes: 3_565_158, pages: 112 },
    { variant: 'tipografia', href: '/anci-toscana/pubblicazioni/bilancio-sociale-2019-2024-tipografia.pdf', bytes: 3_670_016, pages: 112 },
  ],
};

describe('formatPageCount', () => {
  test.each([
    [1, '1 pagina'],
    [2, '2 pagine'],
    [1400, '1.400 pagine'],
  ])('%i -> %s', (pages, expected) => {
    expect(formatPageCount(pages)).toBe(expected);
  });
});

describe('downloadsHtml', () => {
  test('one link per variant, with pages and size in Italian', () => {
    expect(downloadsHtml(report)).toBe(
      '<ul class="pdf-downloads__list">' +
        '<li><a href="/anci-toscana/pubblicazioni/bilancio-sociale-2019-2024.pdf" type="application/pdf">Scarica il PDF (digitale, 112 pagine, 3,4 MB)</a></li>' +
        '<li><a href="/anci-toscana/pubblicazioni/bilancio-sociale-2019-2024-tipografia.pdf" type="application/pdf">' +
        'Scarica il PDF per la tipografia (con abbondanza di 3 mm e segni di taglio, 112 pagine, 3,5 MB)</a></li></ul>',
    );
  });

  test('no inline style or script (CSP)', () => {
    expect(`${downloadsHtml(report)}${siteOnlyHtml()}`).not.toMatch(/style=|<script|\son\w+=/);
  });
});

describe('fillDownloadsMarker', () => {
  const id = report.id;
  test.each([
    [
      'the note rendered by PdfDownloads.astro',
      `<h2>Scarica</h2><div data-pdf-downloads="${id}"><p class="muted">nota</p></div><nav>`,
      `<h2>Scarica</h2><div data-pdf-downloads="${id}">NEW</div><nav>`,
    ],
    ['an empty marker', `<div data-pdf-downloads="${id}"></div>`, `<div data-pdf-downloads="${id}">NEW</div>`],
    [
      'other attributes around it',
      `<div class="x" data-pdf-downloads="${id}" data-astro-cid-1>old</div>`,
      `<div class="x" data-pdf-downloads="${id}" data-astro-cid-1>NEW</div>`,
    ],
    [
      'links from an earlier run',
      `<div data-pdf-downloads="${id}"><ul><li><a>a</a></li></ul></div>`,
      `<div data-pdf-downloads="${id}">NEW</div>`,
    ],
  ])('%s', (_name, html, expected) => {
    expect(fillDownloadsMarker(html, id, 'NEW')).toEqual({ html: expected, found: true });
  });

  test.each([
    ['no marker', '<div>nulla</div>'],
    ['the marker of another report', '<div data-pdf-downloads="anci-toscana/priorita-2018"></div>'],
  ])('%s: unchanged, not found', (_name, html) => {
    expect(fillDownloadsMarker(html, id, 'NEW')).toEqual({ html, found: false });
  });
});

describe('mergeManifest', () => {
  const other: PdfManifestReport = { id: 'anci-toscana/priorita-2018', title: 'Priorità', variants: [] };
  const order = ['anci-toscana/bilancio-sociale-2019-2024', 'anci-toscana/priorita-2018'];

  test.each([
    ['first run', undefined, [report, other], [report.id, other.id]],
    [
      'one report again, the other kept, content order',
      { reports: [other, { ...report, title: 'vecchio' }] },
      [report],
      [report.id, other.id],
    ],
    ['a report no longer in the content is dropped', { reports: [{ ...other, id: 'x/y' }] }, [report], [report.id]],
  ])('%s', (_name, previous, updated, ids) => {
    const merged = mergeManifest(previous, updated, order);
    expect(merged.reports.map((r) => r.id)).toEqual(ids);
    expect(merged.reports.find((r) => r.id === report.id)).toEqual(report);
  });
});
