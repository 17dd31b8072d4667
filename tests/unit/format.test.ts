import { describe, expect, test } from 'vitest';
import {
  compareItalian,
  formatChange,
  formatCompact,
  formatCoveredPeriod,
  formatAsOf,
  formatCount,
  formatDateRange,
  formatDecimal,
  formatEuroCents,
  formatInteger,
  formatNumberPlain,
  formatPartialDate,
  formatPartialDateShort,
  formatPercent,
  formatPercentChange,
  formatPeriod,
  formatPeriodLong,
  formatRating,
  formatValue,
} from '../../src/lib/format.ts';
import { tn } from '../../src/i18n/t.ts';

describe('numbers in it-IT, grouping always', () => {
  test.each([
    [1400, '1.400'],
    [593, '593'],
    [455658, '455.658'],
    [3100000, '3.100.000'],
    [0, '0'],
    [-1205, '-1.205'],
  ])('formatInteger(%d) = %s', (value, expected) => {
    expect(formatInteger(value)).toBe(expected);
  });

  test.each([
    [171406700, '1.714.067,00 €'],
    [873995000, '8.739.950,00 €'],
    [4031624, '40.316,24 €'],
    [0, '0,00 €'],
    [1, '0,01 €'],
  ])('formatEuroCents(%d) = %s', (cents, expected) => {
    expect(formatEuroCents(cents).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  test.each([
    [8300000, '8,3 milioni'],
    [1000000, '1 milione'],
    [2500000000, '2,5 miliardi'],
    [44850, '44.850'],
  ])('formatCompact(%d) = %s', (value, expected) => {
    expect(formatCompact(value)).toBe(expected);
  });

  test.each([
    [() => formatNumberPlain(4.33), '4,33'],
    [() => formatNumberPlain(1488), '1.488'],
    [() => formatDecimal(4.3, 2), '4,30'],
    [() => formatPercent(93), '93%'],
    [() => formatPercent(96.5), '96,5%'],
    [() => formatRating(4.33, { max: 5 }), '4,33 su 5'],
    [() => formatValue(null, 'integer'), '–'],
    [() => formatValue(1400, 'integer'), '1.400'],
    [() => formatValue(12.5, 'percent'), '12,5%'],
    [() => formatValue(4.33, 'rating', { max: 5 }), '4,33 su 5'],
    [() => formatValue(1.5, 'decimal'), '1,5'],
  ])('%# → %s', (format, expected) => {
    expect(format().replace(/\u00a0/g, ' ')).toBe(expected);
  });
});

describe('dates at their printed precision', () => {
  test.each([
    ['2017-09-09', '9 settembre 2017', '09/09/2017'],
    ['2019-11', 'novembre 2019', '11/2019'],
    ['2018', '2018', '2018'],
    ['2024-02', 'febbraio 2024', '02/2024'],
    ['2020-12-31', '31 dicembre 2020', '31/12/2020'],
    // The first of the month is an ordinal in Italian.
    ['2024-01-01', '1º gennaio 2024', '01/01/2024'],
    ['2024-01-11', '11 gennaio 2024', '11/01/2024'],
    ['non-una-data', 'non-una-data', 'non-una-data'],
  ])('%s → %s / %s', (text, long, short) => {
    expect(formatPartialDate(text)).toBe(long);
    expect(formatPartialDateShort(text)).toBe(short);
  });

  test.each([
    ['2017-09-09', '2019-11', 'dal 9 settembre 2017 a novembre 2019'],
    ['2018-04', undefined, 'da aprile 2018'],
    [undefined, '2019', 'fino al 2019'],
    [undefined, '2019-11', 'fino a novembre 2019'],
    ['2018', '2020-12-31', 'dal 2018 al 31 dicembre 2020'],
    // Ordinal and elision: «dal 1º», «dall'11», «dall'8», «all'8», «all'11».
    ['2024-01-01', undefined, 'dal 1º gennaio 2024'],
    ['2023-04-11', undefined, "dall'11 aprile 2023"],
    ['2023-03-08', '2024-08-08', "dall'8 marzo 2023 all'8 agosto 2024"],
    ['2023-03-18', '2024-11-11', "dal 18 marzo 2023 all'11 novembre 2024"],
    ['2023-03-01', '2024-03-31', 'dal 1º marzo 2023 al 31 marzo 2024'],
    [undefined, '2024-05-08', "fino all'8 maggio 2024"],
    [undefined, undefined, ''],
  ])('range %s – %s', (start, end, expected) => {
    expect(formatDateRange(start, end)).toBe(expected);
    // Asked again (answers are remembered): the same text.
    expect(formatDateRange(start, end)).toBe(expected);
  });

  test.each([
    ['2021', '2021', '2021'],
    ['2019', '2024-06', 'dal 2019 a giugno 2024'],
    ['2023-06', '2023-06', 'giugno 2023'],
  ])('covered period %s – %s', (from, to, expected) => {
    expect(formatCoveredPeriod(from, to)).toBe(expected);
  });
});

describe('periods', () => {
  test.each([
    [{ year: 2024, throughMonth: 6, partial: true }, 'gen–giu 2024', 'gennaio–giugno 2024 (periodo parziale)'],
    [{ year: 2023, throughMonth: 12, partial: false }, '2023', '2023'],
    [{ year: 2024, throughMonth: 3, partial: true }, 'gen–mar 2024', 'gennaio–marzo 2024 (periodo parziale)'],
  ])('%o → %s', (period, short, long) => {
    expect(formatPeriod(period)).toBe(short);
    expect(formatPeriodLong(period)).toBe(long);
  });
});

describe('Italian collation for titles', () => {
  test.each([
    ['Atlante', 'atlante', 0],
    ['"Atlante" degli interventi', 'Bando', -1],
    ['Università', 'Uffici', 1],
    ['Lombardia dei giovani 2019', 'Lombardia dei giovani 2020', -1],
    ['Zero', 'àmbito', 1],
  ])('compareItalian(%s, %s) has sign %d', (a, b, sign) => {
    expect(Math.sign(compareItalian(a, b))).toBe(sign);
  });
});

describe('changes between two values', () => {
  test.each([
    [() => formatChange(16, 'integer'), '+16'],
    [() => formatChange(-3671, 'integer'), '−3.671'],
    [() => formatChange(0, 'integer'), '0'],
    [() => formatChange(0.23, 'rating'), '+0,23'],
    [() => formatChange(-1.5, 'decimal'), '−1,5'],
    [() => formatChange(2.5, 'percent'), '+2,5 punti percentuali'],
    [() => formatChange(1234.5, 'euro'), '+1.234,50\u00a0€'],
    [() => formatPercentChange(0.123), '+12,3%'],
    [() => formatPercentChange(-0.5), '−50%'],
    [() => formatPercentChange(0), '0%'],
  ])('%s', (fn, expected) => {
    expect(fn()).toBe(expected);
  });
});

describe('as of an edition', () => {
  test.each([
    ['2024-06', 'a giugno 2024'],
    ['2024', 'nel 2024'],
    ['2024-06-30', 'al 30 giugno 2024'],
    ['2024-08-11', "all'11 agosto 2024"],
    ['2024-08-01', 'al 1º agosto 2024'],
  ])('%s → %s', (text, expected) => {
    expect(formatAsOf(text)).toBe(expected);
  });
});

describe('counts by the Italian plural rule', () => {
  const schede = { one: '{count} scheda', other: '{count} schede' };
  test.each([
    [0, schede, '0 schede'],
    [1, schede, '1 scheda'],
    [2, schede, '2 schede'],
    [1400, schede, '1.400 schede'],
    [1, { one: 'organizzazione', other: 'organizzazioni' }, '1 organizzazione'],
    [3, { one: 'organizzazione', other: 'organizzazioni' }, '3 organizzazioni'],
  ])('%d → %s', (count, forms, expected) => {
    expect(formatCount(count, forms)).toBe(expected);
  });

  test.each([
    ['counts.cards', 1, '1 scheda'],
    ['counts.cards', 75, '75 schede'],
    ['counts.organizations', 1, '1 organizzazione'],
    ['counts.reports', 1, '1 pubblicazione'],
    ['counts.reports', 3, '3 pubblicazioni'],
    ['counts.items', 1, '1 voce'],
    ['counts.plans', 2, '2 piani'],
    ['counts.stats', 1, '1 tabella statistica'],
  ])('it.json %s with %d → %s', (key, count, expected) => {
    expect(tn(key, count)).toBe(expected);
  });
});
