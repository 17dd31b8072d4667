/**
 * An organization's brand colour, made safe for text and buttons: the colour is darkened until
 * white text on it (and it as text on white) reaches WCAG AA contrast (4.5:1). Pure.
 */

/** Designers Italia's primary blue, for organizations without a brand colour. */
export const DEFAULT_BRAND = '#0066CC';

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/** WCAG relative luminance of a `#RRGGBB` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two `#RRGGBB` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The brand colour, darkened in small steps until it has at least `minimum` contrast with white. */
export function accessibleBrand(hex: string | undefined, minimum = 4.5): string {
  const base = hex && /^#[0-9a-fA-F]{6}$/.test(hex) ? hex.toUpperCase() : DEFAULT_BRAND;
  let rgb = channels(base);
  let colour = base;
  for (let step = 0; step < 100 && contrastRatio(colour, '#FFFFFF') < minimum; step++) {
    rgb = rgb.map((c) => c * 0.95) as [number, number, number];
    colour = toHex(rgb);
  }
  return colour;
}

/** A darker shade of the (already accessible) brand colour, for hover states and the slim header. */
export function darkerShade(hex: string, factor = 0.75): string {
  return toHex(channels(hex).map((c) => c * factor) as [number, number, number]);
}
