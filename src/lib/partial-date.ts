/**
 * Dates at the precision they were printed: a day (`2017-09-09`), a month (`2019-11`) or a
 * year (`2018`). Pure functions, no time zone: a partial date is a calendar fact, not an instant.
 */

export type Precision = 'day' | 'month' | 'year';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

export const PARTIAL_DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `AAAA`, `AAAA-MM` or `AAAA-MM-GG`; returns null for anything else or an impossible date. */
export function parsePartialDate(text: string): PartialDate | null {
  const match = PARTIAL_DATE_RE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, precision: 'day' };
}

export function isValidPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

/** First calendar day the date may mean, as `AAAA-MM-GG` (for sorting and comparisons). */
export function earliestDay(date: PartialDate): string {
  return isoDay(date.year, date.month ?? 1, date.day ?? 1);
}

/** Last calendar day the date may mean, as `AAAA-MM-GG`. */
export function latestDay(date: PartialDate): string {
  const month = date.month ?? 12;
  return isoDay(date.year, month, date.day ?? daysInMonth(date.year, month));
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * True when `end` is certainly before `start`, whatever day each imprecise date stands for.
 * `2019-11` as an end is compatible with a start of `2019-11-20`.
 */
export function endsBeforeStart(start: PartialDate, end: PartialDate): boolean {
  return latestDay(end) < earliestDay(start);
}
