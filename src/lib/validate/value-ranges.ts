/**
 * The range a statistics value's kind allows: a count is a whole number not below zero, a share
 * of a whole (`percent`) goes from 0 to 100, a rating stays inside its scale. A value that is a
 * change from a previous one (a row marked `change: true`, a figure computed as `change`) may be
 * negative and a percent change may pass 100. Pure: the checks place the message in the file.
 */
import type { StatsRow } from '../../schemas/stats.ts';
import { formatNumberPlain } from '../format.ts';

export interface ValueRange {
  kind: StatsRow['kind'];
  scale?: { min: number; max: number } | undefined;
  /** The values are differences from a previous value, not levels. */
  change?: boolean | undefined;
}

/** Why `value` is outside what its kind allows, in Italian; undefined when it fits. */
export function outOfRange(value: number, range: ValueRange): string | undefined {
  const written = formatNumberPlain(value);
  if (range.change === true) return undefined;
  switch (range.kind) {
    case 'integer':
      return value < 0 ? `un conteggio non può essere negativo (qui c'è ${written})` : undefined;
    case 'percent':
      return value < 0 || value > 100
        ? `una percentuale di un totale va da 0 a 100 (qui c'è ${written}); se è una variazione rispetto a un periodo precedente, scrivi change: true nella riga`
        : undefined;
    case 'rating':
      return range.scale !== undefined && (value < range.scale.min || value > range.scale.max)
        ? `valore fuori scala: la valutazione va da ${formatNumberPlain(range.scale.min)} a ${formatNumberPlain(range.scale.max)} (qui c'è ${written})`
        : undefined;
    case 'decimal':
    case 'euro':
      return undefined;
  }
}
