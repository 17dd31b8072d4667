/**
 * What is shown for each chart of a statistics table, on the site and in print: the chart, or,
 * when the chart would plot one series with a single value (a one-bar chart says less than the
 * number), that value as a figure with its label and period. Pure.
 */
import { formatPeriodMonths } from '../format.ts';
import { chartRowSets, tableCharts, type StatsChartSpec } from './chart.ts';
import type { SiteStatsTable } from './content.ts';
import { formatCell, rowName } from './stats-table.ts';

type Row = SiteStatsTable['rows'][number];
type Period = SiteStatsTable['periods'][number];

/** A single value printed as a figure: `36`, `WhatsApp: aggiornamenti pubblicati`, `gennaio–giugno 2024`. */
export interface ChartValue {
  /** The value as the table prints it, unit included, e.g. `12 ore`. */
  value: string;
  label: string;
  /** The period it belongs to: the year, or the months of a partial one. */
  period: string;
}

export type ChartView = { type: 'chart'; chart: StatsChartSpec } | { type: 'value'; key: string; figure: ChartValue };

/** The one value of a chart's rows, when they are one series with a single value; undefined otherwise. */
export function singleChartValue(
  rows: readonly Pick<Row, 'label' | 'group' | 'kind' | 'scale' | 'unit' | 'values'>[],
  periods: readonly Period[],
): ChartValue | undefined {
  const [row, ...others] = rows;
  if (!row || others.length > 0) return undefined;
  const cells = periods.flatMap((period, index) => {
    const value = row.values?.[index] ?? null;
    return value === null ? [] : [{ period, value }];
  });
  const [cell, ...more] = cells;
  if (!cell || more.length > 0) return undefined;
  const label = rowName(row);
  return {
    value: formatCell(cell.value, row),
    label: label.charAt(0).toLocaleUpperCase('it-IT') + label.slice(1),
    period: formatPeriodMonths(cell.period),
  };
}

/** Each chart of the table as the site and the print version show it, in the order of tableCharts(). */
export function chartViews(table: Pick<SiteStatsTable, 'id' | 'rows' | 'periods'>): ChartView[] {
  // tableCharts() makes one chart per set of chartRowSets(), in that order.
  const sets = chartRowSets(table.rows);
  return tableCharts(table).map((chart, index) => {
    const figure = singleChartValue(sets[index] ?? [], table.periods);
    return figure ? { type: 'value', key: chart.key, figure } : { type: 'chart', chart };
  });
}
