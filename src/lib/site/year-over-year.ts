/**
 * Year-over-year change of every row of a statistics table, between consecutive columns. A
 * partial period (`gen–giu 2024`) is compared only with the same months of another year: against
 * a whole year its change would read as a collapse that never happened, so the pair is marked
 * "non confrontabile" with the reason, and every partial period is labelled as such. Pure; the
 * `…View` function formats through format.ts for the component.
 */
import { t } from '../../i18n/t.ts';
import { formatChange, formatPercentChange, formatPeriodMonths } from '../format.ts';
import type { SiteStatsTable } from './content.ts';
import { rowName } from './stats-table.ts';
import { tf } from './text.ts';

type Kind = SiteStatsTable['rows'][number]['kind'];

/** A column of the table, as the comparison needs it. */
export interface YoyPeriod {
  id: string;
  year: number;
  /** Last month covered (12 for a whole year). */
  throughMonth: number;
  partial: boolean;
}

/** Whether two periods may be compared: both whole years, or the same months of two years. */
export type Comparability = { comparable: true; partial: boolean } | { comparable: false; reason: 'partial-vs-full' | 'different-months' };

/** One change of a row between two periods. */
export type YoyCell =
  | { kind: 'change'; from: number; to: number; absolute: number; /** (to − from) / from; null when from is 0. */ relative: number | null }
  | { kind: 'missing'; /** Which end has no value. */ side: 'from' | 'to' | 'both' }
  | { kind: 'not-comparable' };

/** Whether `from` and `to` cover comparable stretches of their years. */
export function comparability(from: YoyPeriod, to: YoyPeriod): Comparability {
  if (!from.partial && !to.partial) return { comparable: true, partial: false };
  if (from.partial !== to.partial) return { comparable: false, reason: 'partial-vs-full' };
  return from.throughMonth === to.throughMonth ? { comparable: true, partial: true } : { comparable: false, reason: 'different-months' };
}

/** The change between two values of comparable periods (missing values stay missing, never zero). */
export function change(from: number | null | undefined, to: number | null | undefined, comparable: boolean): YoyCell {
  if (!comparable) return { kind: 'not-comparable' };
  const a = from ?? null;
  const b = to ?? null;
  if (a === null || b === null) return { kind: 'missing', side: a === null && b === null ? 'both' : a === null ? 'from' : 'to' };
  return { kind: 'change', from: a, to: b, absolute: b - a, relative: a === 0 ? null : (b - a) / Math.abs(a) };
}

/** The pairs of consecutive columns, with whether each may be compared. */
export function periodPairs<P extends YoyPeriod>(periods: readonly P[]): { from: P; to: P; comparability: Comparability }[] {
  return periods.slice(1).flatMap((to, i) => {
    const from = periods[i];
    return from ? [{ from, to, comparability: comparability(from, to) }] : [];
  });
}

/** Every row's changes over the consecutive pairs of columns. */
export function yearOverYear<P extends YoyPeriod, R extends { id: string; values?: readonly (number | null)[] | undefined }>(
  periods: readonly P[],
  rows: readonly R[],
): { pairs: { from: P; to: P; comparability: Comparability }[]; rows: { row: R; cells: YoyCell[] }[] } {
  const pairs = periodPairs(periods);
  const indexOf = new Map(periods.map((p, i) => [p, i]));
  return {
    pairs,
    rows: rows.map((row) => ({
      row,
      cells: pairs.map((pair) =>
        change(row.values?.[indexOf.get(pair.from) ?? -1], row.values?.[indexOf.get(pair.to) ?? -1], pair.comparability.comparable),
      ),
    })),
  };
}

/** A column of the formatted table. */
export interface YoyColumn {
  key: string;
  /** The later period on the earlier, as Italians say a change: `2020 su 2019`, `gen–giu 2024 su gen–giu 2023`. */
  label: string;
  /** Both ends are the same part of their years: the change is labelled partial. */
  partial: boolean;
  comparable: boolean;
  /** Why the pair is not compared, in a sentence; null when it is. */
  reason: string | null;
}

/** A formatted cell: the change (`+19`, `+11,6%`), or a word for why there is none. */
export type YoyCellView = { kind: 'change'; absolute: string; relative: string | null } | { kind: 'missing' } | { kind: 'not-comparable' };

/** The change of a row by its kind, with the row's unit (`+12 ore`); percentage rows change in points. */
function formatAbsolute(value: number, kind: Kind, unit: string | undefined): string {
  const text = formatChange(value, kind);
  return unit === undefined || kind === 'euro' || kind === 'percent' ? text : `${text} ${unit}`;
}

/** The year-over-year table of a statistics table, formatted for the component. */
export function yearOverYearView(table: Pick<SiteStatsTable, 'periods' | 'rows'>): {
  columns: YoyColumn[];
  rows: { id: string; label: string; cells: YoyCellView[] }[];
} {
  const { pairs, rows } = yearOverYear(table.periods, table.rows);
  const columns = pairs.map(({ from, to, comparability: c }): YoyColumn => {
    const partial = c.comparable && c.partial;
    const reason = c.comparable
      ? null
      : c.reason === 'partial-vs-full'
        ? tf('yoy.reason.partialVsFull', {
            partial: formatPeriodMonths(from.partial ? from : to),
            whole: String((from.partial ? to : from).year),
            months: formatPeriodMonths({ ...(from.partial ? from : to), year: (from.partial ? to : from).year }),
          })
        : tf('yoy.reason.differentMonths', { from: formatPeriodMonths(from), to: formatPeriodMonths(to) });
    return {
      key: `${from.id}-${to.id}`,
      label: tf('yoy.pair', { from: from.shortLabel, to: to.shortLabel }),
      partial,
      comparable: c.comparable,
      reason,
    };
  });
  return {
    columns,
    rows: rows.map(({ row, cells }) => ({
      id: row.id,
      label: rowName(row),
      cells: cells.map((cell): YoyCellView => {
        if (cell.kind !== 'change') return { kind: cell.kind };
        return {
          kind: 'change',
          absolute: formatAbsolute(cell.absolute, row.kind, row.unit),
          relative: cell.relative === null ? null : formatPercentChange(cell.relative),
        };
      }),
    })),
  };
}

/** The sentence under the table about partial periods, or null when the table has none. */
export function partialNote(table: Pick<SiteStatsTable, 'periods'>): string | null {
  const partial = table.periods.filter((p) => p.partial);
  if (partial.length === 0) return null;
  return tf('yoy.partialNote', { periods: partial.map((p) => formatPeriodMonths(p)).join(', ') });
}

/** The label of a missing or non-comparable cell, for the component. */
export function cellWord(kind: 'missing' | 'not-comparable'): string {
  return t(kind === 'missing' ? 'yoy.missing' : 'yoy.notComparable');
}
