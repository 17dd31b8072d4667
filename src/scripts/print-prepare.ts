/**
 * Readies the print version for Paged.js, which clones the DOM (a live canvas comes out blank)
 * and does not wait for web fonts: `window.annuarioPrint.prepare()` waits for the fonts, draws
 * each chart with Chart.js as SVG at its printed size in place of the canvas (vector, its labels
 * real text; one image named by the chart's text alternative), and marks external links with a
 * short printed address and rewrites inline media queries Paged.js cannot parse (the PDF step's own module,
 * print-pagination.ts, adds the Paged.js handlers, such as the one repeating table headers). It never starts by itself: the PDF step calls it, then runs Paged.js.
 */
import { legacyMediaQueries, printedUrl } from '../lib/site/print.ts';

/** Which PDF is being made: the digital one, or the print shop's (3 mm bleed and crop marks). */
export interface PrepareOptions {
  variant?: 'digitale' | 'tipografia';
}

/** What the print page offers the PDF step. */
export interface AnnuarioPrint {
  /** Resolves when fonts are loaded and every chart is an SVG; safe to call more than once (the first call's options win). */
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

/**
 * The chart as an inline SVG element of the page: the markup statsChartSvg records, parsed as
 * XML and adopted by the page, so its labels are set in the page's Titillium Web (an SVG in an
 * <img> could not reach the page's web fonts) and Chromium prints it as vector paths and text.
 * One image to assistive technology (role="img", its name the chart's text alternative), which
 * the tagged PDF gives as one Figure with /Alt (docs/pdf-accessibilita.md).
 */
function adoptSvg(markup: string, width: number, height: number, alt: string): SVGSVGElement | undefined {
  const svg = document.importNode(new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement, true);
  if (!(svg instanceof SVGSVGElement)) return undefined;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('class', 'print-chart__svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', alt);
  return svg;
}

/** Replaces each chart's canvas with the same chart drawn as SVG at its printed size (Paged.js clones the DOM: a canvas would come out blank). */
async function chartsToSvg(): Promise<void> {
  const figures = [...document.querySelectorAll<HTMLElement>('figure[data-print-chart]')];
  if (figures.length === 0) return;
  const { statsChartSvg } = await import('./stats-chart-render.ts');
  for (const figure of figures) {
    const box = figure.querySelector<HTMLElement>('.print-chart__canvas');
    const canvas = box?.querySelector('canvas');
    if (!box || !canvas) continue;
    const width = Math.round(box.clientWidth);
    const height = Math.round(box.clientHeight);
    // Without the soft hyphens printHtml put into the text for the page (the name is read, not set).
    const alt = (figure.querySelector('.print-chart__text')?.textContent ?? '').replace(/\u00ad/g, '').trim();
    const markup = await statsChartSvg(figure, width, height);
    const svg = markup === undefined ? undefined : adoptSvg(markup, width, height, alt);
    if (!svg) throw new Error(`grafico non convertito in SVG: ${alt.slice(0, 60)}`);
    canvas.replaceWith(svg);
    figure.dataset['printChart'] = 'svg';
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
      await chartsToSvg();
      markExternalLinks();
      pagedReadableStyles();
    })();
    return prepared;
  },
};
