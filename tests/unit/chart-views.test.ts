import { describe, expect, test } from 'vitest';
import { chartViews, singleChartValue } from '../../src/lib/site/chart-views.ts';
import { tableCharts } from '../../src/lib/site/chart.ts';
import { eventi, mixed, social, statsTable } from './stats-fixtures.ts';

const plain = (text: string) => text.replace(/\u00a0/g, ' ');
const periods = statsTable('periodi', {
  title: 'Periodi',
  periods: [2022, 2023, { year: 2024, through: '2024-06', label: 'giugno 2024' }],
  rows: [{ id: 'r', label: 'r', values: [1, 2, 3] }],
}).periods;
const row = (values: (number | null)[], extra: Record<string, unknown> = {}) => ({
  label: 'post pubblicati',
  kind: 'integer' as const,
  values,
  ...extra,
});

describe('singleChartValue: one series with one value is a figure, anything else a chart', () => {
  test.each([
    [
      'one value in a partial period',
      [row([null, null, 36], { group: 'whatsApp' })],
      { value: '36', label: 'WhatsApp: post pubblicati', period: 'gennaio–giugno 2024' },
    ],
    [
      'one value in a whole year, with its unit',
      [row([1400, null, null], { unit: 'ore' })],
      { value: '1.400 ore', label: 'Post pubblicati', period: '2022' },
    ],
    ['a zero is a value', [row([null, 0, null])], { value: '0', label: 'Post pubblicati', period: '2023' }],
    ['two values', [row([null, 5, 36])], undefined],
    ['no value', [row([null, null, null])], undefined],
    ['two series with one value each', [row([null, null, 36]), row([null, null, 40])], undefined],
    ['no series', [], undefined],
  ])('%s', (_, rows, expected) => {
    const figure = singleChartValue(rows, periods);
    expect(figure && { ...figure, value: plain(figure.value) }).toEqual(expected);
  });
});

describe('chartViews', () => {
  test('the social table: the WhatsApp series (one value) becomes a figure, the others stay charts, in order', () => {
    const views = chartViews(social);
    expect(views.map((view) => (view.type === 'chart' ? view.chart.key : `${view.key} = ${view.figure.value}`))).toEqual(
      tableCharts(social).map((chart) => (chart.key === 'anci-prova/social/4' ? `${chart.key} = 36` : chart.key)),
    );
  });

  test.each([
    ['eventi', eventi],
    ['mixed', mixed],
  ])('%s: every series has several values, every chart stays', (_, table) => {
    expect(chartViews(table).every((view) => view.type === 'chart')).toBe(true);
  });
});
