/**
 * Preflight of a report's PDF, as pure functions over data gathered elsewhere (the paginated
 * page in the browser, the PDF read with pdf-lib): content overflowing its page area, images
 * printed under 300 dpi, fonts not embedded. Every finding names its pages, so the editor can
 * go straight to them; only a missing font fails the build (a print shop would reject the file),
 * the others are warnings.
 */
import { formatList } from '../../../src/lib/format.ts';

/** What a finding is about. */
export type FindingKind = 'overflow' | 'low-dpi' | 'font-not-embedded';

/** One problem found in a PDF, with the 1-based pages it is on. */
export interface PreflightFinding {
  kind: FindingKind;
  severity: 'error' | 'warning';
  pages: number[];
  message: string;
}

/** A rectangle in CSS pixels (as `getBoundingClientRect()` gives it). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** An element of a paginated page and the content area of that page. */
export interface PlacedElement {
  /** 1-based page number. */
  page: number;
  /** Short description for the message, e.g. `table.stats-table` or `img «foto.png»`. */
  element: string;
  box: Box;
  area: Box;
}

/** An `<img>` as printed: its pixels and its size on the page in CSS pixels (96 per inch). */
export interface PrintedImage {
  page: number;
  /** The image's address as written in the page (data URLs are shortened by the caller). */
  src: string;
  naturalWidth: number;
  naturalHeight: number;
  width: number;
  height: number;
}

/** A font as used on a page of the PDF. */
export interface FontUse {
  page: number;
  /** PostScript name without the subset prefix, e.g. `TitilliumWeb-Regular`. */
  name: string;
  /** `Type0`, `TrueType`, `Type1`, `Type3`… */
  subtype: string;
  embedded: boolean;
}

/** The minimum resolution for print. */
export const MIN_DPI = 300;
/** CSS pixels per inch. */
const CSS_PX_PER_INCH = 96;
const MM_PER_PX = 25.4 / CSS_PX_PER_INCH;

/** `3` -> `pagina 3`; `[3, 5, 7]` -> `pagine 3, 5 e 7` (sorted, without repeats). */
export function formatPages(pages: readonly number[]): string {
  const unique = [...new Set(pages)].sort((a, b) => a - b);
  return unique.length === 1 ? `pagina ${unique[0]}` : `pagine ${formatList(unique.map(String))}`;
}

const mm = (px: number) => `${Math.round(px * MM_PER_PX)} mm`;

/**
 * Elements that stick out of their page's content area by more than `tolerancePx` (rounding
 * and hairlines are not findings). One finding per element and page.
 */
export function findOverflow(elements: readonly PlacedElement[], tolerancePx = 2): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  for (const { page, element, box, area } of elements) {
    const sides: [string, number][] = [
      ['a destra', box.right - area.right],
      ['in basso', box.bottom - area.bottom],
      ['a sinistra', area.left - box.left],
      ['in alto', area.top - box.top],
    ];
    const out = sides.filter(([, by]) => by > tolerancePx).map(([side, by]) => `${mm(by)} ${side}`);
    if (out.length === 0) continue;
    findings.push({
      kind: 'overflow',
      severity: 'warning',
      pages: [page],
      message: `${element} esce dall'area del testo (${out.join(', ')})`,
    });
  }
  return findings;
}

/** The resolution of an image at its printed size: the lower of the two axes, in dpi. */
export function printedDpi(image: Pick<PrintedImage, 'naturalWidth' | 'naturalHeight' | 'width' | 'height'>): number {
  const dpiX = image.naturalWidth / (image.width / CSS_PX_PER_INCH);
  const dpiY = image.naturalHeight / (image.height / CSS_PX_PER_INCH);
  return Math.min(dpiX, dpiY);
}

/**
 * Raster images printed under `minDpi`, one finding per image address with all its pages.
 * Vector images (SVG) and images not laid out (no size) are skipped.
 */
export function findLowDpi(images: readonly PrintedImage[], minDpi = MIN_DPI): PreflightFinding[] {
  const bySrc = new Map<string, { pages: number[]; dpi: number }>();
  for (const image of images) {
    if (image.width <= 0 || image.height <= 0 || image.naturalWidth <= 0) continue;
    if (/\.svg(?:[?#]|$)/i.test(image.src) || image.src.startsWith('data:image/svg')) continue;
    const dpi = printedDpi(image);
    if (dpi >= minDpi) continue;
    const seen = bySrc.get(image.src);
    if (seen) {
      seen.pages.push(image.page);
      seen.dpi = Math.min(seen.dpi, dpi);
    } else bySrc.set(image.src, { pages: [image.page], dpi });
  }
  return [...bySrc].map(([src, { pages, dpi }]) => ({
    kind: 'low-dpi' as const,
    severity: 'warning' as const,
    pages,
    message: `immagine «${src}» stampata a ${Math.floor(dpi)} dpi (ne servono almeno ${minDpi}: usa un file più grande o stampala più piccola)`,
  }));
}

/** Fonts used but not embedded in the PDF: one error per font with all its pages. Type 3 fonts are drawn in the file itself. */
export function findUnembeddedFonts(uses: readonly FontUse[]): PreflightFinding[] {
  const byName = new Map<string, number[]>();
  for (const use of uses) {
    if (use.embedded || use.subtype === 'Type3') continue;
    byName.set(use.name, [...(byName.get(use.name) ?? []), use.page]);
  }
  return [...byName].map(([name, pages]) => ({
    kind: 'font-not-embedded' as const,
    severity: 'error' as const,
    pages,
    message: `carattere «${name}» non incorporato nel PDF (la tipografia lo sostituirebbe: caricalo con @font-face)`,
  }));
}

/** A finding as one line for the terminal: `pagina 7: …`. */
export function formatFinding(finding: PreflightFinding): string {
  return `${formatPages(finding.pages)}: ${finding.message}`;
}
