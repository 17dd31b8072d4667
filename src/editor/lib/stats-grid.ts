/** The cells and headings of the statistics grid (src/editor/client/stats-grid.ts). Pure. */
import { t } from '../../i18n/t.ts';
import { parseTypedNumber } from './values.ts';

/** A cell as the grid shows it: the number, or '' for «dato assente» (`null`). */
export function cellText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * A typed cell: '' is «dato assente» (`null`, never zero), a number typed the Italian way is a
 * number; anything else is kept as typed, so the validator names it in its own words.
 */
export function cellValue(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return parseTypedNumber(trimmed) ?? trimmed;
}

/** A column heading: `2019`, or a partial period's label (`giugno 2024`), else the year and the last month. */
export function periodHeading(period: unknown): string {
  if (typeof period === 'number' || typeof period === 'string') return String(period);
  if (period !== null && typeof period === 'object') {
    const { year, through, label } = period as { year?: unknown; through?: unknown; label?: unknown };
    if (typeof label === 'string' && label !== '') return label;
    if (typeof through === 'string') return t('editor.grid.partial', { year: String(year), through });
    return String(year);
  }
  return '';
}
