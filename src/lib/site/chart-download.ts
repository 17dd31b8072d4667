/**
 * What the download buttons under each web chart save (StatsChart.astro): the chart's own data
 * as CSV (one row per bar label, one column per series, as the chart shows them) and the file
 * names. Browser-safe and pure; the drawing is in src/scripts/stats-chart-render.ts.
 */
import { toCsv } from './csv.ts';
import type { BarChartConfig } from './chart.ts';

export const CHART_FORMATS = ['png', 'svg', 'csv'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** The chart's data as CSV: `periodo,<series…>`, a label split over lines joined by a space. */
export function chartCsv(config: Pick<BarChartConfig, 'data'>, labelHeader: string): string {
  const { labels, datasets } = config.data;
  return toCsv(
    [labelHeader, ...datasets.map((dataset) => dataset.label)],
    labels.map((label, index) => [
      Array.isArray(label) ? label.join(' ') : label,
      ...datasets.map((dataset) => dataset.data[index] ?? null),
    ]),
  );
}

/** The file name of a chart download, from the chart's key (`anci-toscana/social/2` → `social-grafico-2.png`). */
export function chartFileName(key: string, format: ChartFormat): string {
  const parts = key.split('/');
  const index = parts.pop() ?? '1';
  const table = (parts.at(-1) ?? 'tabella').replace(/[^a-z0-9-]+/gi, '-');
  return `${table}-grafico-${index}.${format}`;
}
