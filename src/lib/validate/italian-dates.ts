/**
 * Dates written the Italian way (`31/12/2024`, `03/2025`, `marzo 2025`, `1° marzo 2025`) where
 * the files want `AAAA-MM-GG`, `AAAA-MM` or `AAAA`. The fix is the date the editor wrote, in ISO
 * form; a day that does not exist (`31/02/2024`) gets no fix, since only the editor knows which
 * date was meant.
 */
import { parsePartialDate } from '../partial-date.ts';

export const MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
] as const;

export type DateReading =
  /** The written date in ISO form. */
  | { iso: string }
  /** The written date is a real form but not a real day, e.g. 31 February. */
  | { impossible: string };

const pad = (n: string) => n.padStart(2, '0');

/** The ISO parts `[year, month?, day?]` the text spells, or undefined when it is not a date form. */
function parts(text: string): [string, string?, string?] | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  // 31/12/2024, 31-12-2024, 31.12.2024 (day first, as Italians write it)
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return [m[3]!, pad(m[2]!), pad(m[1]!)];
  // 03/2025, 3-2025
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return [m[2]!, pad(m[1]!)];
  // 2024/12/31, 2024.12.31, 2024-3-5, 2025/03
  m = /^(\d{4})[/.-](\d{1,2})(?:[/.-](\d{1,2}))?$/.exec(t);
  if (m) return m[3] === undefined ? [m[1]!, pad(m[2]!)] : [m[1]!, pad(m[2]!), pad(m[3])];
  // marzo 2025, 1° marzo 2025, 31 dicembre 2024, 1º marzo 2025
  m = /^(?:(\d{1,2})\s?[°º]?\s)?([a-z]+) (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2] as (typeof MONTHS)[number]);
    if (month < 0) return undefined;
    const mm = String(month + 1).padStart(2, '0');
    return m[1] === undefined ? [m[3]!, mm] : [m[3]!, mm, pad(m[1])];
  }
  return undefined;
}

/** Reads a date written in a form other than ISO; undefined when the text is no date form at all. */
export function readItalianDate(text: string): DateReading | undefined {
  const p = parts(text);
  if (p === undefined) return undefined;
  const iso = p.filter((x) => x !== undefined).join('-');
  if (iso === text.trim()) return undefined;
  return parsePartialDate(iso) === null ? { impossible: iso } : { iso };
}
