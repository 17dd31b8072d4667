/** Short descriptions of statistics tables for their pages and the index. */
import type { SiteStatsTable } from './content.ts';
import { t } from '../../i18n/t.ts';
import { tf } from './text.ts';

/** `5 righe · 6 periodi: 2019 – gen–giu 2024`, or `''` for a table of headline figures only. */
export function tableSummary(table: Pick<SiteStatsTable, 'rows' | 'periods'>): string {
  const first = table.periods[0];
  const last = table.periods.at(-1);
  if (table.rows.length === 0 || !first || !last) return '';
  return [
    table.rows.length === 1 ? t('stats.rowsCountOne') : tf('stats.rowsCount', { count: String(table.rows.length) }),
    table.periods.length === 1
      ? tf('stats.periodsCountOne', { from: first.shortLabel })
      : tf('stats.periodsCount', { count: String(table.periods.length), from: first.shortLabel, to: last.shortLabel }),
  ].join(' · ');
}
