/**
 * The only place that turns numbers, money and dates into Italian text. Every `Intl` call uses
 * `it-IT` with `useGrouping: 'always'` (CLDR prints 1400 without a dot; the publications print
 * 1.400) and dates are calendar facts formatted in UTC, so no time zone can shift a day.
 */
import { parsePartialDate } from './partial-date.ts';
import type { NormalizedPeriod } from './stats.ts';

const LOCALE = 'it-IT';

const integerFormat = new Intl.NumberFormat(LOCALE, { useGrouping: 'always', maximumFractionDigits: 0 });
const euroFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'EUR',
  useGrouping: 'always',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

function decimalFormat(maxDigits: number, minDigits = 0): Intl.NumberFormat {
  return new Intl.NumberFormat(LOCALE, { useGrouping: 'always', minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
}

const collator = new Intl.Collator(LOCALE, { sensitivity: 'base', numeric: true, ignorePunctuation: true });

/** Orders Italian text as a reader expects: case, accents and leading quotes do not move a title. */
export function compareItalian(a: string, b: string): number {
  return collator.compare(a, b);
}

/** `1400` -> `1.400`. */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** Any number as Italians write it, up to 2 decimals: `4.33` -> `4,33`, `1400` -> `1.400`. */
export function formatNumberPlain(value: number): string {
  return decimalFormat(2).format(value);
}

/** `4.33` with 2 digits -> `4,33`. */
export function formatDecimal(value: number, digits = 2): string {
  return decimalFormat(digits, digits).format(value);
}

/**
 * `format` remembering its answers: the same dates and amounts are printed again and again
 * (a card's dates and budget on its page, in every list and view that shows it, in print),
 * and an `Intl` call costs far more than a lookup.
 */
function remembered<K, V>(format: (key: K) => V): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = format(key);
      answers.set(key, answer);
    }
    return answer;
  };
}

const euroCents = remembered((cents: number) => euroFormat.format(cents / 100));

/** Integer cents -> `1.714.067,00 €`. */
export function formatEuroCents(cents: number): string {
  return euroCents(cents);
}

/** Percent given as 0–100: `93` -> `93%`, `96.5` -> `96,5%`. */
export function formatPercent(value: number): string {
  return `${decimalFormat(1).format(value)}%`;
}

/** `4.33` on a 1–5 scale -> `4,33 su 5`. */
export function formatRating(value: number, scale: { max: number }): string {
  return `${decimalFormat(2).format(value)} su ${formatNumberPlain(scale.max)}`;
}

const COMPACT_UNITS: readonly [number, string, string][] = [
  [1e9, 'miliardo', 'miliardi'],
  [1e6, 'milione', 'milioni'],
];

/** Large numbers as printed in headlines: `8300000` -> `8,3 milioni`; below a million, grouped digits. */
export function formatCompact(value: number): string {
  for (const [size, one, many] of COMPACT_UNITS) {
    if (Math.abs(value) >= size) {
      const scaled = value / size;
      return `${decimalFormat(1).format(scaled)} ${scaled === 1 ? one : many}`;
    }
  }
  return formatInteger(value);
}

/** A value by the kind of its row. */
export function formatValue(
  value: number | null,
  kind: 'integer' | 'decimal' | 'percent' | 'euro' | 'rating',
  scale?: { max: number },
): string {
  if (value === null) return '–';
  switch (kind) {
    case 'integer':
      return formatInteger(value);
    case 'decimal':
      return formatNumberPlain(value);
    case 'percent':
      return formatPercent(value);
    case 'euro':
      return euroFormat.format(value);
    case 'rating':
      return scale ? formatRating(value, scale) : formatNumberPlain(value);
  }
}

const monthLong = new Intl.DateTimeFormat(LOCALE, { month: 'long', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat(LOCALE, { month: 'short', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayShortFormat = new Intl.DateTimeFormat(LOCALE, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

function utc(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

const partialDate = remembered((text: string): string => {
  const date = parsePartialDate(text);
  if (!date) return text;
  if (date.precision === 'year') return String(date.year);
  if (date.precision === 'month') return `${monthLong.format(utc(date.year, date.month ?? 1))} ${date.year}`;
  // Italian writes the first of the month as an ordinal: «1º gennaio 2024», never «1 gennaio».
  const text_ = dayFormat.format(utc(date.year, date.month ?? 1, date.day ?? 1));
  return date.day === 1 ? text_.replace(/^1 /, '1º ') : text_;
});

/** A partial date at its precision: `2017-09-09` -> `9 settembre 2017`, `2019-11` -> `novembre 2019`, `2018` -> `2018`. */
export function formatPartialDate(text: string): string {
  return partialDate(text);
}

/** Short form for tables and card headers: `09/09/2017`, `11/2019`, `2018`. */
export function formatPartialDateShort(text: string): string {
  const date = parsePartialDate(text);
  if (!date) return text;
  if (date.precision === 'year') return String(date.year);
  if (date.precision === 'month') return `${String(date.month).padStart(2, '0')}/${date.year}`;
  return dayShortFormat.format(utc(date.year, date.month ?? 1, date.day ?? 1));
}

/** Numbers read with a leading vowel sound in Italian: 8, 11, 80–89, 800… («l'8», «l'11»). */
function startsWithVowelSound(word: string): boolean {
  return /^(?:8|11(?!\d))/.test(word);
}

/**
 * A preposition joined to the date that follows it, with the elision Italian requires before a
 * vowel sound: «dal 9 settembre», but «dall'8 marzo», «dall'11 aprile», «all'8 maggio».
 */
function joinPreposition(preposition: string, date: string): string {
  if (/l$/.test(preposition) && startsWithVowelSound(date)) return `${preposition}l'${date}`;
  return `${preposition} ${date}`;
}

/** Italian prepositions by precision: "dal 9 settembre 2017", "dall'8 marzo 2019", "da aprile 2018", "dal 2018". */
function withPreposition(text: string, day: string, month: string, year: string): string {
  const precision = parsePartialDate(text)?.precision;
  const preposition = precision === 'month' ? month : precision === 'day' ? day : year;
  return joinPreposition(preposition, formatPartialDate(text));
}

/**
 * «As of» a partial date, for a status read at an edition's date: `2024-06` -> `a giugno 2024`,
 * `2024` -> `nel 2024`, `2024-06-30` -> `al 30 giugno 2024`, `2024-08-11` -> `all'11 agosto 2024`.
 */
export function formatAsOf(text: string): string {
  return withPreposition(text, 'al', 'a', 'nel');
}

// Keyed by both ends, joined by a character no date holds ('' for a missing end: both falsy).
const dateRange = remembered((key: string): string => {
  const [start, end] = key.split('\u0000');
  const from = start ? withPreposition(start, 'dal', 'da', 'dal') : '';
  const to = end ? withPreposition(end, 'al', 'a', 'al') : '';
  if (from && to) return `${from} ${to}`;
  if (from) return from;
  if (to) return `fino ${withPreposition(end ?? '', 'al', 'a', 'al')}`;
  return '';
});

/** `dal 9 settembre 2017 a novembre 2019`, `da aprile 2018`, `fino al 2019`. */
export function formatDateRange(start?: string, end?: string): string {
  return dateRange(`${start ?? ''}\u0000${end ?? ''}`);
}

/** A period heading: `2019`, or for a partial year `gen–giu 2024`. */
export function formatPeriod(period: Pick<NormalizedPeriod, 'year' | 'throughMonth' | 'partial'>): string {
  if (!period.partial) return String(period.year);
  const from = monthShort.format(utc(period.year, 1)).replace('.', '');
  const to = monthShort.format(utc(period.year, period.throughMonth)).replace('.', '');
  return `${from}–${to} ${period.year}`;
}

/** Long form of a partial period for text alternatives: `gennaio–giugno 2024 (periodo parziale)`. */
export function formatPeriodLong(period: Pick<NormalizedPeriod, 'year' | 'throughMonth' | 'partial'>): string {
  if (!period.partial) return String(period.year);
  return `${monthLong.format(utc(period.year, 1))}–${monthLong.format(utc(period.year, period.throughMonth))} ${period.year} (periodo parziale)`;
}

/** The period a publication covers: `2021` when it starts and ends alike, else `dal 2019 a giugno 2024`. */
export function formatCoveredPeriod(from: string, to: string): string {
  return from === to ? formatPartialDate(from) : formatDateRange(from, to);
}

/** The months a period covers, for footnotes: `gennaio–giugno 2024` for a partial year, `2019` for a whole one. */
export function formatPeriodMonths(period: Pick<NormalizedPeriod, 'year' | 'throughMonth' | 'partial'>): string {
  if (!period.partial) return String(period.year);
  return `${monthLong.format(utc(period.year, 1))}–${monthLong.format(utc(period.year, period.throughMonth))} ${period.year}`;
}

const FILE_SIZE_UNITS: readonly [number, string][] = [
  [1024 * 1024, 'MB'],
  [1024, 'kB'],
];

/** A download's size as shown next to its link: `812` -> `812 byte`, `1536` -> `1,5 kB`, `2097152` -> `2 MB`. */
export function formatFileSize(bytes: number): string {
  for (const [size, unit] of FILE_SIZE_UNITS) {
    if (bytes >= size) return `${decimalFormat(1).format(bytes / size)} ${unit}`;
  }
  return `${formatInteger(bytes)} byte`;
}

const listFormat = new Intl.ListFormat(LOCALE, { style: 'long', type: 'conjunction' });

/** Items joined as Italian prose: `['2019', '2020', '2021']` -> `2019, 2020 e 2021`. */
export function formatList(items: readonly string[]): string {
  return listFormat.format(items);
}

function signed(format: Intl.NumberFormat, value: number): string {
  const text = format.format(Math.abs(value));
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}

/**
 * A change between two values of a row, signed (`+12`, `−1.205`, `+0,12`) by the row's kind: a
 * change of a percentage is in percentage points (`+2,5 punti percentuali`), never `%`, which
 * would read as a relative change. The minus is U+2212, as in print.
 */
export function formatChange(value: number, kind: 'integer' | 'decimal' | 'percent' | 'euro' | 'rating'): string {
  switch (kind) {
    case 'integer':
      return signed(integerFormat, value);
    case 'decimal':
    case 'rating':
      return signed(decimalFormat(2), value);
    case 'percent':
      return `${signed(decimalFormat(1), value)} punti percentuali`;
    case 'euro':
      return `${signed(decimalFormat(2, 2), value)}\u00a0€`;
  }
}

/** A relative change, signed, one decimal at most: `0.123` -> `+12,3%`, `-0.5` -> `−50%`. */
export function formatPercentChange(ratio: number): string {
  return `${signed(decimalFormat(1), ratio * 100)}%`;
}

const pluralRules = new Intl.PluralRules(LOCALE);

/**
 * A count with its noun, by the Italian plural rule: `(1, {one: 'scheda', other: 'schede'})` ->
 * `1 scheda`, `(3, …)` -> `3 schede`, `(1400, …)` -> `1.400 schede`. The forms may hold `{count}`
 * where the number goes elsewhere than first (`{ one: 'una voce', other: '{count} voci' }`).
 */
export function formatCount(count: number, forms: Readonly<{ one: string; other: string }>): string {
  const form = pluralRules.select(count) === 'one' ? forms.one : forms.other;
  const number = formatInteger(count);
  return form.includes('{count}') ? form.replaceAll('{count}', number) : `${number} ${form}`;
}
