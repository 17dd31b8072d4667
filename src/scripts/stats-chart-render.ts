/**
 * Chart.js for the statistics charts, with only the parts a bar chart uses registered (not
 * `chart.js/auto`), colours from the page's --brand, Italian number formats, and a plugin that
 * outlines partial-period bars with dashes. Animation stays off (see chart.ts), which also
 * honours prefers-reduced-motion.
 */
import {
  BarController,
  BarElement,
  BasicPlatform,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { formatValue } from '../lib/format.ts';
import { applyBrand } from '../lib/site/chart-colours.ts';
import type { BarChartConfig, StatsChartSpec } from '../lib/site/chart.ts';

const KINDS: readonly StatsChartSpec['kind'][] = ['integer', 'decimal', 'percent', 'euro', 'rating'];

/** Dashed outline, in the series colour, around the bars of partial periods. */
const partialBars: Plugin<'bar', { indexes?: number[] }> = {
  id: 'partialBars',
  afterDatasetsDraw(chart, _args, options) {
    const indexes = options.indexes ?? [];
    if (indexes.length === 0) return;
    const { ctx } = chart;
    ctx.save();
    ctx.setLineDash([5, 3]);
    ctx.lineWidth = 2;
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.hidden) return;
      ctx.strokeStyle = typeof dataset.borderColor === 'string' ? dataset.borderColor : '#000';
      for (const index of indexes) {
        const bar = meta.data[index];
        if (!bar) continue;
        const { x, y, base, width } = bar.getProps(['x', 'y', 'base', 'width'], true) as {
          x: number;
          y: number;
          base: number;
          width: number;
        };
        if (!Number.isFinite(y) || y === base) continue;
        ctx.strokeRect(x - width / 2 + 1, Math.min(y, base) + 1, width - 2, Math.abs(base - y) - 1);
      }
    });
    ctx.restore();
  },
};

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, partialBars);

function kindOf(figure: HTMLElement): StatsChartSpec['kind'] {
  return KINDS.find((kind) => kind === figure.dataset['kind']) ?? 'integer';
}

/** How to draw: the print version asks for a device pixel ratio high enough for 300 dpi. */
export interface RenderOptions {
  devicePixelRatio?: number;
}

/** The Chart.js configuration of the chart the figure's `data-stats-chart` describes, in the page's colours and fonts. */
function chartConfiguration(figure: HTMLElement, json: string, options: RenderOptions): ChartConfiguration<'bar'> {
  const root = getComputedStyle(document.documentElement);
  const brand = root.getPropertyValue('--brand').trim();
  const text = root.getPropertyValue('--text').trim() || '#1a1a1a';
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = text;
  const kind = kindOf(figure);
  const format = (value: number): string => formatValue(value, kind === 'rating' ? 'decimal' : kind);
  const config = applyBrand(JSON.parse(json) as BarChartConfig, brand);
  const chartConfig = config as unknown as ChartConfiguration<'bar'>;
  chartConfig.options = {
    ...chartConfig.options,
    transitions: { active: { animation: { duration: 0 } } },
    ...(options.devicePixelRatio === undefined ? {} : { devicePixelRatio: options.devicePixelRatio }),
    scales: {
      ...chartConfig.options?.scales,
      y: { ...config.options.scales.y, ticks: { callback: (value) => (typeof value === 'number' ? format(value) : value) } },
    },
    plugins: {
      ...chartConfig.options?.plugins,
      tooltip: {
        callbacks: {
          label: (item) => `${item.dataset.label ?? ''}: ${typeof item.raw === 'number' ? format(item.raw) : ''}`,
        },
      },
    },
  };
  return chartConfig;
}

/** Draws the chart described by the figure's `data-stats-chart` into its canvas; returns the chart (undefined when the figure has none). */
export function renderStatsChart(figure: HTMLElement, options: RenderOptions = {}): Chart<'bar'> | undefined {
  const canvas = figure.querySelector('canvas');
  const json = figure.dataset['statsChart'];
  if (!canvas || json === undefined) return undefined;
  const chart = new Chart(canvas, chartConfiguration(figure, json, options));
  figure.classList.add('is-drawn');
  return chart;
}

/**
 * The figure's chart drawn as SVG at the given size: the same configuration drawn by Chart.js
 * into svgcanvas's SVG-recording context instead of a canvas (Chart.js's platform for
 * non-DOM canvases, no animation, one pixel per unit), so the file is vector, not an image.
 */
export async function statsChartSvg(figure: HTMLElement, width: number, height: number): Promise<string | undefined> {
  const json = figure.dataset['statsChart'];
  if (json === undefined) return undefined;
  const { CspSafeSvgContext } = await import('./svg-context.ts');
  // Its elements are built in a document of their own: svgcanvas sets style attributes, which
  // the page's Content Security Policy (no inline styles) would block. Text is measured on a
  // canvas of the page: one of that document has no fonts and measures every label 0 wide, so
  // Chart.js left no room for the axis labels and they fell outside the drawing.
  const measure = document.createElement('canvas').getContext('2d') ?? undefined;
  const context = new CspSafeSvgContext({
    width,
    height,
    document: document.implementation.createHTMLDocument(''),
    ...(measure ? { ctx: measure } : {}),
  });
  const config = chartConfiguration(figure, json, { devicePixelRatio: 1 });
  const item = { getContext: () => context, width, height };
  const chart = new Chart(item as unknown as HTMLCanvasElement, {
    ...config,
    platform: BasicPlatform,
    options: { ...config.options, responsive: false, animation: false },
  });
  const svg = context.getSerializedSvg(true);
  chart.destroy();
  return svg;
}
