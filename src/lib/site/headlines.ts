/**
 * Headline figures as text: the value by its kind, and an honest account of where it comes from
 * (which row, which periods, a partial period, missing data) and, when the document printed a
 * different number, both numbers side by side. No declared figure is published silently.
 */
import { formatCompact, formatList, formatNumberPlain, formatPeriodMonths, formatValue } from '../format.ts';
import type { SiteStatsTable } from './content.ts';
import { rowName } from './stats-table.ts';
import { t } from '../../i18n/t.ts';
import { citation } from './sources.ts';
import { tf } from './text.ts';

type Headline = SiteStatsTable['headlines'][number];
type Row = SiteStatsTable['rows'][number];
type Period = SiteStatsTable['periods'][number];
type Kind = Row['kind'];

export interface HeadlineView {
  /** `<table id>/<headline id>`, unique on a page. */
  key: string;
  /** The figure as shown: `569`, `8,3 milioni di euro`, `4,33 su 5`, or `—` when there is none. */
  value: string;
  label: string;
  description?: string | undefined;
  /** How the figure is obtained, in one or more sentences; empty for a printed figure of no known publication. */
  method: string;
  /** Present when the printed figure and the table disagree: both numbers, in words. */
  differs?: string | undefined;
  tableTitle: string;
}

function rowOf(table: Pick<SiteStatsTable, 'rows'>, headline: Headline): Row | undefined {
  return headline.row === undefined ? undefined : table.rows.find((r) => r.id === headline.row);
}

/** A headline's number by its kind: compact (`8,3 milioni`) when asked, the row's unit after it. */
export function formatHeadlineNumber(value: number, headline: Headline, row?: Row): string {
  const kind: Kind = headline.kind ?? row?.kind ?? 'integer';
  const scale = headline.scale ?? row?.scale;
  const method = headline.result.method;
  let text: string;
  if (headline.display === 'compact' && Math.abs(value) >= 1e6 && (kind === 'euro' || kind === 'integer' || kind === 'decimal')) {
    text = kind === 'euro' ? `${formatCompact(value)} di euro` : formatCompact(value);
  } else if (kind === 'integer' && method === 'mean' && !Number.isInteger(value)) {
    text = formatNumberPlain(value);
  } else {
    text = formatValue(value, kind, scale);
  }
  if (method === 'change' && value > 0) text = `+${text}`;
  const unit = row?.unit;
  return unit === undefined || kind === 'euro' || kind === 'percent' ? text : `${text} ${unit}`;
}

/** Periods by id, in table order, as prose: a run of consecutive columns as `2019 – gen–giu 2024`, otherwise a list. */
export function describePeriods(periods: readonly Period[], ids: readonly string[]): string {
  const indexes = periods.flatMap((p, index) => (ids.includes(p.id) ? [index] : []));
  const first = indexes[0];
  const last = indexes.at(-1);
  if (first === undefined || last === undefined) return '';
  const label = (index: number): string => periods[index]?.shortLabel ?? '';
  if (first === last) return label(first);
  if (last - first + 1 === indexes.length) return `${label(first)} – ${label(last)}`;
  return formatList(indexes.map(label));
}

/** The sentences saying how a headline figure is obtained, and whether the printed figure agrees. */
export function describeHeadline(
  table: Pick<SiteStatsTable, 'title' | 'rows' | 'periods'>,
  headline: Headline,
  /** The table's source in words («Bilancio sociale 2019 – giugno 2024, p. 12»), for a figure taken as printed. */
  cited: string | null = null,
): { method: string; differs?: string } {
  const result = headline.result;
  const row = rowOf(table, headline);
  // A figure taken as printed is told by its publication, never by an editors' remark; with no
  // publication in the register there is nothing to say.
  if (result.method === 'declared' || row === undefined) return { method: cited ? t('stats.method.declared', { source: cited }) : '' };
  const vars = { row: rowName(row), table: table.title };
  const selected = [...result.periodsUsed, ...result.periodsMissing];
  const sentences: string[] = [];
  switch (result.method) {
    case 'sum':
    case 'mean':
      sentences.push(tf(`stats.method.${result.method}`, { ...vars, periods: describePeriods(table.periods, selected) }));
      break;
    case 'last':
      sentences.push(tf('stats.method.last', { ...vars, periods: describePeriods(table.periods, result.periodsUsed.slice(-1)) }));
      break;
    case 'change':
      sentences.push(
        tf('stats.method.change', {
          ...vars,
          first: describePeriods(table.periods, result.periodsUsed.slice(0, 1)),
          last: describePeriods(table.periods, result.periodsUsed.slice(-1)),
        }),
      );
      break;
  }
  if (result.computed === null) sentences.push(t('stats.method.none'));
  const partial = table.periods.filter((p) => p.partial && result.periodsUsed.includes(p.id));
  if (result.includesPartial && partial.length > 0) {
    sentences.push(tf('stats.method.partial', { period: formatList(partial.map((p) => formatPeriodMonths(p))) }));
  }
  if (result.periodsMissing.length > 0) {
    sentences.push(tf('stats.method.missing', { periods: describePeriods(table.periods, result.periodsMissing) }));
  }
  let differs: string | undefined;
  if (result.declared !== null && result.computed !== null) {
    if (result.differs) {
      differs = tf(`stats.differs.${result.method}`, {
        declared: formatHeadlineNumber(result.declared, headline, row),
        computed: formatHeadlineNumber(result.computed, headline, row),
      });
    } else {
      sentences.push(t('stats.method.matches'));
    }
  }
  return { method: sentences.join(' '), ...(differs === undefined ? {} : { differs }) };
}

/** Every headline figure of the tables, ready to print; `register` names the publications figures come from. */
export function headlineViews(tables: readonly SiteStatsTable[], register: Parameters<typeof citation>[1] = []): HeadlineView[] {
  return tables.flatMap((table) =>
    table.headlines.map((headline) => {
      const row = rowOf(table, headline);
      const value = headline.result.value;
      const { method, differs } = describeHeadline(table, headline, citation(table.source, register));
      return {
        key: `${table.id}/${headline.id}`,
        value: value === null ? t('stats.noValue') : formatHeadlineNumber(value, headline, row),
        label: headline.label,
        description: headline.description,
        method,
        differs,
        tableTitle: table.title,
      };
    }),
  );
}
