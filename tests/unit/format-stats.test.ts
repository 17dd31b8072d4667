/** Formatting added for the statistics pages and the open data: period months and file sizes. */
import { describe, expect, test } from 'vitest';
import { formatFileSize, formatList, formatPeriodMonths } from '../../src/lib/format.ts';

describe('formatPeriodMonths', () => {
  test.each([
    [{ year: 2024, throughMonth: 6, partial: true }, 'gennaio–giugno 2024'],
    [{ year: 2023, throughMonth: 3, partial: true }, 'gennaio–marzo 2023'],
    [{ year: 2019, throughMonth: 12, partial: false }, '2019'],
  ])('%o -> %s', (period, expected) => {
    expect(formatPeriodMonths(period)).toBe(expected);
  });
});

describe('formatFileSize', () => {
  test.each([
    [0, '0 byte'],
    [812, '812 byte'],
    [1024, '1 kB'],
    [1536, '1,5 kB'],
    [15_000, '14,6 kB'],
    [2 * 1024 * 1024, '2 MB'],
    [3_500_000, '3,3 MB'],
  ])('%d bytes -> %s', (bytes, expected) => {
    expect(formatFileSize(bytes)).toBe(expected);
  });
});

describe('formatList', () => {
  test.each([
    [[], ''],
    [['2019'], '2019'],
    [['2019', '2020'], '2019 e 2020'],
    [['2019', '2020', 'gen–giu 2024'], '2019, 2020 e gen–giu 2024'],
  ])('%o -> %s', (items, expected) => {
    expect(formatList(items)).toBe(expected);
  });
});
