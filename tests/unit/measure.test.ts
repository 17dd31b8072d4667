/** Process-tree memory for the benchmarks: /proc parsing and tree sums. */
import { describe, expect, test } from 'vitest';
import { median, parseStat, treeRss } from '../../scripts/lib/measure.ts';

describe('treeRss', () => {
  const processes = [
    { pid: 1, ppid: 0, rss: 100 },
    { pid: 10, ppid: 1, rss: 10 },
    { pid: 11, ppid: 10, rss: 1 },
    { pid: 12, ppid: 10, rss: 2 },
    { pid: 20, ppid: 1, rss: 20 },
    { pid: 30, ppid: 99, rss: 1000 },
  ];
  test.each([
    [10, 13],
    [1, 133],
    [30, 1000],
    [404, 0],
  ])('tree of %i holds %i bytes', (root, total) => expect(treeRss(processes, root)).toBe(total));
});

describe('parseStat', () => {
  test.each([
    [
      '1234 (node) S 1 1234 1234 0 -1 4194560 100 0 0 0 5 1 0 0 20 0 11 0 100 1000000 250 18446744073709551615',
      { pid: 1234, ppid: 1, rss: 250 * 4096 },
    ],
    ['77 (Web Content (x)) R 5 77 77 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1 1 3 1', { pid: 77, ppid: 5, rss: 3 * 4096 }],
    ['garbage', null],
  ])('%s', (text, expected) => expect(parseStat(text)).toEqual(expected));
});

describe('median', () => {
  test.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5], 5],
  ])('%j → %d', (values, expected) => expect(median(values)).toBe(expected));
});
