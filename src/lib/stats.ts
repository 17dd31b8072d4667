/**
 * Pure data logic for statistics tables: period ids and labels, headline computations,
 * declared-versus-computed comparison. No formatting here: numbers stay numbers.
 */
import type { Headline, Period, StatsRow, StatsTable } from '../schemas/stats.ts';

export interface NormalizedPeriod {
  /** `2019`; partial periods keep their year as id: there is one column per year. */
  id: string;
  year: number;
  /** Last month covered (1–12). 12 for a whole year. */
  throughMonth: number;
  partial: boolean;
  /** Heading as printed, when given. */
  printedLabel?: string;
}

export function normalizePeriod(period: Period): NormalizedPeriod {
  if (typeof period === 'number') return { id: String(period), year: period, throughMonth: 12, partial: false };
  const throughMonth = period.through === undefined ? 12 : Number(period.through.slice(5, 7));
  return {
    id: String(period.year),
    year: period.year,
    throughMonth,
    partial: throughMonth < 12,
    ...(period.label !== undefined ? { printedLabel: period.label } : {}),
  };
}

export function tablePeriods(table: StatsTable): NormalizedPeriod[] {
  return table.periods.map(normalizePeriod);
}

export interface HeadlineResult {
  /** The value shown: computed when possible, otherwise declared. */
  value: number | null;
  computed: number | null;
  declared: number | null;
  /** How it was computed, e.g. `sum` over `['2019', …]`. */
  method: Headline['compute'] | 'declared';
  periodsUsed: string[];
  /** Periods skipped because the cell is empty. */
  periodsMissing: string[];
  /** Some used period is partial (e.g. Jan–Jun 2024). */
  includesPartial: boolean;
  /** Declared and computed both exist and differ. */
  differs: boolean;
}

/** Tolerance for comparing a declared value with its computation: half a unit of the last printed digit. */
function printedTolerance(declared: number): number {
  const text = String(declared);
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  return 0.5 * 10 ** -decimals;
}

export function computeHeadline(table: StatsTable, headline: Headline): HeadlineResult {
  const declared = headline.declared ?? null;
  const row: StatsRow | undefined = headline.row === undefined ? undefined : table.rows.find((r) => r.id === headline.row);
  if (!row || !headline.compute || !row.values) {
    return {
      value: declared,
      computed: null,
      declared,
      method: 'declared',
      periodsUsed: [],
      periodsMissing: [],
      includesPartial: false,
      differs: false,
    };
  }
  const periods = tablePeriods(table);
  const wanted = headline.periods?.map(String);
  const used: { period: NormalizedPeriod; value: number }[] = [];
  const missing: string[] = [];
  periods.forEach((period, index) => {
    if (wanted && !wanted.includes(period.id)) return;
    const value = row.values?.[index];
    if (value === null || value === undefined) missing.push(period.id);
    else used.push({ period, value });
  });
  let computed: number | null = null;
  if (used.length > 0) {
    const values = used.map((u) => u.value);
    switch (headline.compute) {
      case 'sum':
        computed = values.reduce((a, b) => a + b, 0);
        break;
      case 'mean':
        computed = values.reduce((a, b) => a + b, 0) / values.length;
        break;
      case 'last':
        computed = values[values.length - 1] ?? null;
        break;
      case 'change':
        computed = values.length >= 2 ? (values[values.length - 1] ?? 0) - (values[0] ?? 0) : null;
        break;
    }
  }
  const differs = declared !== null && computed !== null && Math.abs(declared - computed) > printedTolerance(declared);
  return {
    value: computed ?? declared,
    computed,
    declared,
    method: headline.compute,
    periodsUsed: used.map((u) => u.period.id),
    periodsMissing: missing,
    includesPartial: used.some((u) => u.period.partial),
    differs,
  };
}
