/**
 * Chart.js for the statistics charts, with only the parts a bar chart uses registered (not
 * `chart.js/auto`), colours from the page's --brand, Italian number formats, and a plugin that
 * outlines partial-period bars with dashes. Animation stays off (see chart.ts), which also
 * honours prefers-reduced-motion.
 */
import {
  BarController,
  BarElement,
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

/** Draws the chart described by the figure's `data-stats-chart` into its canvas; returns the chart (undefined when the figure has none). */
export function renderStatsChart(figure: HTMLElement, options: RenderOptions = {}): Chart<'bar'> | undefined {
  const canvas = figure.querySelector('canvas');
  const json = figure.dataset['statsChart'];
  if (!canvas || json === undefined) return undefined;
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
  const chart = new Chart(canvas, chartConfig);
  figure.classList.add('is-drawn');
  return chart;
}
