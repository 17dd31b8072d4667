/**
 * What a statistics table shows, already formatted: period columns (partial ones flagged, with
 * their footnote), rows grouped under their group heading, and every cell as Italian text or as
 * missing. The table component only lays this out, so the site, the reports and the PDF agree.
 */
import { formatPeriodMonths, formatValue } from '../format.ts';
import type { SiteStatsTable } from './content.ts';
import { tf } from './text.ts';
import it from '../../i18n/it.json' with { type: 'json' };

type Row = SiteStatsTable['rows'][number];
type Period = SiteStatsTable['periods'][number];

export interface TableColumn {
  id: string;
  /** Heading: `2019`, `gen–giu 2024`. */
  label: string;
  partial: boolean;
}

export type TableCell = { missing: false; text: string } | { missing: true };

export interface TableRow {
  id: string;
  label: string;
  note?: string | undefined;
  cells: TableCell[];
}

export interface TableSection {
  /** Group heading (`Facebook`), or `null` for rows outside any group. */
  group: string | null;
  rows: TableRow[];
}

export interface TableView {
  columns: TableColumn[];
  sections: TableSection[];
  /** One line per partial period: `periodo parziale: gennaio–giugno 2024`. */
  footnotes: string[];
}

/** A group name as a heading: `facebook` → `Facebook`, `whatsApp` → `WhatsApp`. */
export function groupLabel(group: string): string {
  // Networks are spelt as their brands spell them (LinkedIn, YouTube), not just capitalized.
  const brand = (it.about.networks as Record<string, string>)[group];
  if (brand !== undefined && group !== 'altro') return brand;
  return group.charAt(0).toLocaleUpperCase('it-IT') + group.slice(1);
}

/** A row's name outside its table, with its group: `Facebook: visualizzazioni`. */
export function rowName(row: Pick<Row, 'label' | 'group'>): string {
  return row.group === undefined ? row.label : `${groupLabel(row.group)}: ${row.label}`;
}

/** A cell value by its row's kind, with the row's unit after it: `1.400`, `4,33 su 5`, `12 ore`. */
export function formatCell(value: number, row: Pick<Row, 'kind' | 'scale' | 'unit'>): string {
  const text = formatValue(value, row.kind, row.scale);
  return row.unit === undefined ? text : `${text} ${row.unit}`;
}

/** The column heading of a period: the short form (`gen–giu 2024`), unambiguous where the printed label ("giugno 2024") is not. */
export function periodHeading(period: Period): string {
  return period.shortLabel;
}

/** The formatted content of a statistics table. */
export function tableView(table: Pick<SiteStatsTable, 'periods' | 'rows'>): TableView {
  const columns = table.periods.map((p) => ({ id: p.id, label: periodHeading(p), partial: p.partial }));
  const sections: TableSection[] = [];
  for (const row of table.rows) {
    const group = row.group === undefined ? null : groupLabel(row.group);
    const cells: TableCell[] = table.periods.map((_, index) => {
      const value = row.values?.[index];
      return value === null || value === undefined ? { missing: true } : { missing: false, text: formatCell(value, row) };
    });
    const last = sections.at(-1);
    const view: TableRow = { id: row.id, label: row.label, note: row.note, cells };
    if (last && last.group === group) last.rows.push(view);
    else sections.push({ group, rows: [view] });
  }
  const footnotes = table.periods.filter((p) => p.partial).map((p) => tf('stats.partialFootnote', { period: formatPeriodMonths(p) }));
  return { columns, sections, footnotes };
}
