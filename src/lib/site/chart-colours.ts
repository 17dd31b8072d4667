/**
 * Colours of a statistics chart from the organization's brand colour, read in the browser: each
 * series a shade of the brand, a partial period's bar lighter (and outlined with dashes by the
 * chart script), so every organization's charts wear its colour. Pure, no imports: it ships to
 * the browser with the chart script.
 */

/** A `#rrggbb` colour as RGB, or `null` when it is not one. */
function parseHex(colour: string): [number, number, number] | null {
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(colour.trim());
  const hex = match?.[1];
  if (hex === undefined) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const channel = (i: number): number => parseInt(full.slice(i, i + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** `colour` moved towards `target` by `amount` (0–1). */
export function mix(colour: string, target: string, amount: number): string {
  const from = parseHex(colour);
  const to = parseHex(target);
  if (!from || !to) return colour;
  return toHex(from.map((c, i) => c + ((to[i] ?? c) - c) * amount));
}

/** Series shades: the brand, a darker and a lighter one, then round again (the legend names them). */
const SHADES: readonly (readonly [string, number])[] = [
  ['#000000', 0],
  ['#000000', 0.45],
  ['#ffffff', 0.3],
  ['#000000', 0.7],
];

/** Colour of the `index`-th series. */
export function seriesColour(brand: string, index: number): string {
  const [target, amount] = SHADES[index % SHADES.length] ?? ['#000000', 0];
  return mix(brand, target, amount);
}

/** Fill of a partial period's bar: the series colour, much lighter. */
export function partialColour(colour: string): string {
  return mix(colour, '#ffffff', 0.6);
}

export interface ColourableConfig {
  data: { datasets: { backgroundColor?: string | string[]; borderColor?: string; partial?: boolean[] }[] };
}

/** Sets each dataset's colours from the brand, bar by bar (partial periods lighter). */
export function applyBrand<T extends ColourableConfig>(config: T, brand: string): T {
  const fallback = parseHex(brand) ? brand : '#0066cc';
  config.data.datasets.forEach((dataset, index) => {
    const colour = seriesColour(fallback, index);
    dataset.borderColor = colour;
    dataset.backgroundColor = (dataset.partial ?? []).map((partial) => (partial ? partialColour(colour) : colour));
  });
  return config;
}
