/** The PDF downloads block on report pages of a site built without PDFs (`--site-only`, as the test site is). */
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { sourceRoot } from '../../src/lib/source.ts';
import { loadSource } from '../../src/lib/validate/load.ts';
import { builtFile, page, text } from './html.ts';

const reports = buildContentGraph(loadSource(sourceRoot()).entries).reports;

describe.each(reports.map((report) => [report.id]))('%s', (id) => {
  test('a heading, then the note on how PDFs are made, inside the marker the build fills', () => {
    const $ = page(urls.report(id));
    const section = $('section.pdf-downloads');
    expect(section).toHaveLength(1);
    expect(text($, 'section.pdf-downloads h2')).toBe('Scarica la pubblicazione');
    expect($(`[data-pdf-downloads="${id}"]`).text()).toContain('npm run build');
    expect($(`[data-pdf-downloads="${id}"] a`)).toHaveLength(0);
  });
});

test('no PDF manifest without PDFs', () => {
  expect(fs.existsSync(builtFile(urls.pdfManifest()))).toBe(false);
});
