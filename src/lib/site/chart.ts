/**
 * Statistics tables as bar charts: which rows share a chart (same group, kind and unit, and
 * comparable size: a row more than three times larger would flatten the others), the Chart.js configuration
 * (no animation, partial periods flagged for a lighter, dashed bar and a "(parziale)" tick) and
 * the Italian text alternative that says what the chart shows. Pure: colours come later, in the
 * browser, from the page's brand colour (see chart-colours.ts).
 */
import { formatList, formatPeriodMonths } from '../format.ts';
import type { SiteStatsTable } from './content.ts';
import { formatCell, rowName } from './stats-table.ts';
import { t } from '../../i18n/t.ts';
import { tf } from './text.ts';

type Row = SiteStatsTable['rows'][number];
type Period = SiteStatsTable['periods'][number];
type Kind = Row['kind'];

/**
 * Rows whose largest values differ more than this get separate charts: on a shared axis the
 * smaller series is flattened (bilancio: a 48–401 series on the axis of a 1.488–1.605 one, 4×).
 */
export const MAGNITUDE_RATIO = 3;

export interface ChartDataset {
  label: string;
  data: (number | null)[];
  /** One flag per bar: the period is partial. */
  partial: boolean[];
  backgroundColor?: string | string[];
  borderColor?: string;
  borderWidth: number;
}

/** The Chart.js configuration, JSON-serializable (it travels in a data attribute). */
export interface BarChartConfig {
  type: 'bar';
  data: { labels: (string | string[])[]; datasets: ChartDataset[] };
  options: {
    animation: false;
    responsive: true;
    maintainAspectRatio: false;
    locale: 'it-IT';
    plugins: {
      legend: { display: boolean; position: 'bottom' };
      /** Options of the chart script's plugin that outlines partial bars with dashes. */
      partialBars: { indexes: number[] };
    };
    scales: {
      x: { grid: { display: false } };
      y: { beginAtZero: true; title: { display: boolean; text: string }; max?: number };
    };
  };
}

export interface StatsChartSpec {
  /** `<table id>/<n>`, unique on a page. */
  key: string;
  title: string;
  /** How the chart's values are written (ticks, tooltips). */
  kind: Kind;
  unit?: string | undefined;
  /** What the chart shows, in Italian sentences, for people who cannot see it. */
  textAlternative: string;
  config: BarChartConfig;
}

function hasValues(row: Row): boolean {
  return (row.values ?? []).some((v) => v !== null);
}

function largest(row: Row): number {
  return Math.max(0, ...(row.values ?? []).map((v) => (v === null ? 0 : Math.abs(v))));
}

/** Rows grouped into charts: same group, kind, unit and scale, then split by order of magnitude; table order kept. */
export function chartRowSets(rows: readonly Row[]): Row[][] {
  const byKey = new Map<string, Row[]>();
  for (const row of rows.filter(hasValues)) {
    const key = JSON.stringify([row.group ?? null, row.kind, row.unit ?? null, row.scale?.max ?? null]);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const sets: Row[][] = [];
  for (const compatible of byKey.values()) {
    const clusters: Row[][] = [];
    for (const row of [...compatible].sort((a, b) => largest(a) - largest(b))) {
      const current = clusters.at(-1);
      const smallest = current?.[0];
      if (current && smallest && largest(row) <= Math.max(largest(smallest), 1) * MAGNITUDE_RATIO) current.push(row);
      else clusters.push([row]);
    }
    sets.push(...clusters.map((cluster) => rows.filter((r) => cluster.includes(r))));
  }
  const position = (set: Row[]): number => (set[0] ? rows.indexOf(set[0]) : -1);
  return sets.sort((a, b) => position(a) - position(b));
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('it-IT') + text.slice(1);
}

function chartTitle(rows: readonly Row[]): string {
  const first = rows[0];
  if (!first) return '';
  const unit = first.unit === undefined ? '' : ` (${first.unit})`;
  if (rows.length === 1) return capitalise(rowName(first)) + unit;
  const labels = rows.map((r) => capitalise(r.label)).join(' · ');
  return (first.group === undefined ? labels : tf('stats.chart.groupTitle', { group: capitalise(first.group), rows: labels })) + unit;
}

function rangeText(periods: readonly Period[]): string {
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return '';
  const from = tf(first.partial ? 'stats.chart.fromPartial' : 'stats.chart.fromYear', { period: formatPeriodMonths(first) });
  const to = tf(last.partial ? 'stats.chart.toPartial' : 'stats.chart.toYear', { period: formatPeriodMonths(last) });
  return first === last ? from : `${from} ${to}`;
}

/** The Italian text alternative of a chart: what is plotted, over which periods, each series' maximum and minimum, partial and missing periods. */
export function chartTextAlternative(rows: readonly Row[], periods: readonly Period[]): string {
  const sentences = [tf('stats.chart.summary', { series: formatList(rows.map((r) => `«${rowName(r)}»`)), range: rangeText(periods) })];
  for (const row of rows) {
    const series = `«${rowName(row)}»`;
    const cells = periods.map((period, index) => ({ period, value: row.values?.[index] ?? null }));
    const full = cells.filter((c): c is { period: Period; value: number } => c.value !== null && !c.period.partial);
    const max = full.reduce<(typeof full)[number] | undefined>(
      (best, c) => (best === undefined || c.value > best.value ? c : best),
      undefined,
    );
    const min = full.reduce<(typeof full)[number] | undefined>(
      (best, c) => (best === undefined || c.value < best.value ? c : best),
      undefined,
    );
    if (max && min && full.length > 1) {
      sentences.push(
        tf('stats.chart.seriesRange', {
          series,
          max: formatCell(max.value, row),
          maxPeriod: max.period.shortLabel,
          min: formatCell(min.value, row),
          minPeriod: min.period.shortLabel,
        }),
      );
    } else if (max) {
      sentences.push(tf('stats.chart.seriesOne', { series, value: formatCell(max.value, row), period: max.period.shortLabel }));
    }
    for (const cell of cells) {
      if (cell.period.partial && cell.value !== null) {
        sentences.push(
          tf('stats.chart.seriesPartial', { series, period: formatPeriodMonths(cell.period), value: formatCell(cell.value, row) }),
        );
      }
    }
    const missing = cells.filter((c) => c.value === null).map((c) => c.period.shortLabel);
    if (missing.length > 0) sentences.push(tf('stats.chart.seriesMissing', { series, periods: formatList(missing) }));
  }
  const partial = periods.filter((p) => p.partial);
  if (partial.length > 0)
    sentences.push(tf('stats.chart.partialWarning', { period: formatList(partial.map((p) => formatPeriodMonths(p))) }));
  return sentences.join(' ');
}

/** The bar chart of some rows of a table over its periods. */
export function barChartConfig(rows: readonly Row[], periods: readonly Period[]): BarChartConfig {
  const partial = periods.map((p) => p.partial);
  const first = rows[0];
  const unit = first?.unit ?? (first?.kind === 'euro' ? '€' : first?.kind === 'percent' ? '%' : '');
  return {
    type: 'bar',
    data: {
      labels: periods.map((p) => (p.partial ? [p.shortLabel, t('stats.chart.partialTick')] : p.shortLabel)),
      datasets: rows.map((row) => ({
        label: rowName(row),
        data: periods.map((_, index) => row.values?.[index] ?? null),
        partial,
        borderWidth: 0,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: 'it-IT',
      plugins: {
        legend: { display: rows.length > 1, position: 'bottom' },
        partialBars: { indexes: partial.flatMap((p, index) => (p ? [index] : [])) },
      },
      scales: {
        x: { grid: { display: false } },
        y: {
          beginAtZero: true,
          title: { display: unit !== '', text: unit },
          ...(first?.kind === 'rating' && first.scale ? { max: first.scale.max } : {}),
        },
      },
    },
  };
}

/** Every chart of a table (none when it has no values). */
export function tableCharts(table: Pick<SiteStatsTable, 'id' | 'rows' | 'periods'>): StatsChartSpec[] {
  if (table.periods.length === 0) return [];
  return chartRowSets(table.rows).map((rows, index) => ({
    key: `${table.id}/${index + 1}`,
    title: chartTitle(rows),
    kind: rows[0]?.kind ?? 'integer',
    unit: rows[0]?.unit,
    textAlternative: chartTextAlternative(rows, table.periods),
    config: barChartConfig(rows, table.periods),
  }));
}
