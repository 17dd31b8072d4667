/**
 * Readies the print version for Paged.js, which clones the DOM (a live canvas comes out blank)
 * and does not wait for web fonts: `window.annuarioPrint.prepare()` waits for the fonts, draws
 * each chart with Chart.js at a pixel ratio that gives 300 dpi at its printed size, replaces the
 * canvas with a PNG image (alt = the chart's text alternative), and marks external links with a
 * short printed address, rewrites inline media queries Paged.js cannot parse, and registers a
 * Paged.js handler that repeats table headers on continued pages (print-paged.ts). It never starts by itself: the PDF step calls it, then runs Paged.js.
 */
import { legacyMediaQueries, pixelRatioFor, printedUrl } from '../lib/site/print.ts';
import { registerPagedHandlers } from './print-paged.ts';

/** Which PDF is being made: the digital one, or the print shop's (3 mm bleed and crop marks). */
export interface PrepareOptions {
  variant?: 'digitale' | 'tipografia';
}

/** What the print page offers the PDF step. */
export interface AnnuarioPrint {
  /** Resolves when fonts are loaded and every chart is an image; safe to call more than once (the first call's options win). */
  prepare: (options?: PrepareOptions) => Promise<void>;
}

declare global {
  interface Window {
    annuarioPrint: AnnuarioPrint;
  }
}

/** The weights and styles the stylesheet uses, loaded before anything is measured. */
const FONT_FACES = ['400 1em "Titillium Web"', 'italic 400 1em "Titillium Web"', '600 1em "Titillium Web"', '700 1em "Titillium Web"'];

async function loadFonts(): Promise<void> {
  await Promise.all(FONT_FACES.map((font) => document.fonts.load(font, 'Aàèéìòù€ 0123456789')));
  await document.fonts.ready;
}

async function chartsToImages(): Promise<void> {
  const figures = [...document.querySelectorAll<HTMLElement>('figure[data-print-chart]')];
  if (figures.length === 0) return;
  const { renderStatsChart } = await import('./stats-chart-render.ts');
  const ratio = pixelRatioFor();
  for (const figure of figures) {
    const box = figure.querySelector<HTMLElement>('.print-chart__canvas');
    const canvas = box?.querySelector('canvas');
    if (!box || !canvas) continue;
    const chart = renderStatsChart(figure, { devicePixelRatio: ratio });
    if (!chart) continue;
    chart.resize();
    chart.update('none');
    const image = document.createElement('img');
    image.className = 'print-chart__image';
    image.alt = figure.querySelector('.print-chart__text')?.textContent.trim() ?? '';
    image.width = Math.round(box.clientWidth);
    image.height = Math.round(box.clientHeight);
    const loaded = new Promise<void>((resolve, reject) => {
      image.addEventListener('load', () => resolve(), { once: true });
      image.addEventListener('error', () => reject(new Error(`grafico non convertito in immagine: ${image.alt.slice(0, 60)}`)), {
        once: true,
      });
    });
    image.src = chart.toBase64Image('image/png', 1);
    chart.destroy();
    canvas.replaceWith(image);
    await loaded;
    figure.dataset['printChart'] = 'image';
  }
}

function markExternalLinks(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="http"]')) {
    const short = printedUrl(link.getAttribute('href') ?? '', link.textContent);
    if (short) link.dataset['printUrl'] = short;
  }
}

/** Inline styles rewritten where Paged.js's parser would choke (see legacyMediaQueries). */
function pagedReadableStyles(): void {
  for (const style of document.querySelectorAll('style')) {
    const css = style.textContent;
    const readable = legacyMediaQueries(css);
    if (readable !== css) style.textContent = readable;
  }
}

/** The print shop's page box: Paged.js adds the bleed around A4 (the PDF step draws the crop marks outside it). */
const PRINT_SHOP_PAGE = '@page { bleed: 3mm; }';

function addVariantStyles(variant: PrepareOptions['variant']): void {
  if (variant !== 'tipografia') return;
  const style = document.createElement('style');
  style.dataset['printVariant'] = variant;
  style.textContent = PRINT_SHOP_PAGE;
  // First in <head>: Paged.js sizes the page once, from the first sheet that gives a size, with
  // the bleed it has seen so far; a later sheet's bleed would be ignored.
  document.head.prepend(style);
}

let prepared: Promise<void> | undefined;

window.annuarioPrint = {
  prepare: (options = {}) => {
    prepared ??= (async () => {
      addVariantStyles(options.variant);
      await loadFonts();
      await chartsToImages();
      markExternalLinks();
      pagedReadableStyles();
      registerPagedHandlers();
    })();
    return prepared;
  },
};
