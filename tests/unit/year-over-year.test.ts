import { describe, expect, test } from 'vitest';
import {
  change,
  comparability,
  partialNote,
  periodPairs,
  yearOverYear,
  yearOverYearView,
  type YoyPeriod,
} from '../../src/lib/site/year-over-year.ts';
import { eventi, statsTable } from './stats-fixtures.ts';

const year = (y: number): YoyPeriod => ({ id: String(y), year: y, throughMonth: 12, partial: false });
const partial = (y: number, through: number): YoyPeriod => ({ id: String(y), year: y, throughMonth: through, partial: true });

describe('comparability', () => {
  test.each([
    ['two whole years', year(2022), year(2023), { comparable: true, partial: false }],
    ['a whole year and a partial one', year(2023), partial(2024, 6), { comparable: false, reason: 'partial-vs-full' }],
    ['a partial year and a whole one', partial(2023, 6), year(2024), { comparable: false, reason: 'partial-vs-full' }],
    ['the same months of two years', partial(2023, 6), partial(2024, 6), { comparable: true, partial: true }],
    ['different months of two years', partial(2023, 9), partial(2024, 6), { comparable: false, reason: 'different-months' }],
  ])('%s', (_, from, to, expected) => {
    expect(comparability(from, to)).toEqual(expected);
  });
});

describe('change', () => {
  test.each([
    ['a rise', 85, 101, true, { kind: 'change', from: 85, to: 101, absolute: 16, relative: 16 / 85 }],
    ['a fall', 164, 66, true, { kind: 'change', from: 164, to: 66, absolute: -98, relative: -98 / 164 }],
    ['no change', 5, 5, true, { kind: 'change', from: 5, to: 5, absolute: 0, relative: 0 }],
    ['from zero: no percentage', 0, 12, true, { kind: 'change', from: 0, to: 12, absolute: 12, relative: null }],
    [
      'from a negative value: the percentage keeps the direction',
      -10,
      -5,
      true,
      { kind: 'change', from: -10, to: -5, absolute: 5, relative: 0.5 },
    ],
    ['missing start (null is not zero)', null, 12, true, { kind: 'missing', side: 'from' }],
    ['missing end', 12, undefined, true, { kind: 'missing', side: 'to' }],
    ['both missing', null, null, true, { kind: 'missing', side: 'both' }],
    ['not comparable periods, even with values', 103, 50, false, { kind: 'not-comparable' }],
  ] as const)('%s', (_, from, to, comparable, expected) => {
    expect(change(from, to, comparable)).toEqual(expected);
  });
});

describe('periodPairs and yearOverYear', () => {
  test('consecutive columns only, the partial one marked', () => {
    const pairs = periodPairs([year(2022), year(2023), partial(2024, 6)]);
    expect(pairs.map((p) => [p.from.id, p.to.id, p.comparability.comparable])).toEqual([
      ['2022', '2023', true],
      ['2023', '2024', false],
    ]);
  });

  test('one period: no pairs', () => {
    expect(periodPairs([year(2024)])).toEqual([]);
  });

  test('the events table of the seeds: 2023 → gen–giu 2024 never compared', () => {
    const result = yearOverYear(eventi.periods, eventi.rows);
    expect(result.rows[0]?.cells.map((c) => (c.kind === 'change' ? c.absolute : c.kind))).toEqual([-98, 19, 16, 2, 'not-comparable']);
  });

  test('same-period columns (gen–giu 2023, gen–giu 2024) are compared, labelled partial', () => {
    const table = statsTable('semestri', {
      title: 'Semestri',
      periods: [
        { year: 2023, through: '2023-06' },
        { year: 2024, through: '2024-06' },
      ],
      rows: [{ id: 'eventi', label: 'eventi', values: [40, 50] }],
    });
    const view = yearOverYearView(table);
    expect(view.columns).toEqual([
      { key: '2023-2024', label: 'gen–giu 2024 su gen–giu 2023', partial: true, comparable: true, reason: null },
    ]);
    expect(view.rows[0]?.cells).toEqual([{ kind: 'change', absolute: '+10', relative: '+25%' }]);
  });
});

describe('yearOverYearView of the events table', () => {
  const view = yearOverYearView(eventi);

  test('column headings are period pairs with the partial period in its short form', () => {
    expect(view.columns.map((c) => c.label)).toEqual([
      '2020 su 2019',
      '2021 su 2020',
      '2022 su 2021',
      '2023 su 2022',
      'gen–giu 2024 su 2023',
    ]);
  });

  test('the partial pair says why it is not compared', () => {
    const last = view.columns.at(-1);
    expect(last?.comparable).toBe(false);
    expect(last?.reason).toBe(
      "gennaio–giugno 2024 è un periodo parziale e la tabella non ha lo stesso periodo del 2023 (gennaio–giugno 2023): confrontarlo con l'intero 2023 non sarebbe omogeneo, quindi la variazione non è calcolata.",
    );
  });

  test.each([
    [0, 0, { kind: 'change', absolute: '−98', relative: '−59,8%' }],
    [0, 1, { kind: 'change', absolute: '+19', relative: '+28,8%' }],
    [1, 0, { kind: 'change', absolute: '−3.671', relative: '−34,5%' }],
    [1, 4, { kind: 'not-comparable' }],
  ])('row %i, pair %i', (row, pair, expected) => {
    expect(view.rows[row]?.cells[pair]).toEqual(expected);
  });

  test('the partial period is named under the table', () => {
    expect(partialNote(eventi)).toBe('Periodo parziale: gennaio–giugno 2024.');
  });
});

describe('yearOverYearView by kind', () => {
  const table = statsTable('tipi', {
    title: 'Tipi',
    periods: [2022, 2023],
    rows: [
      { id: 'quota', label: 'quota', kind: 'percent', values: [40, 42.5] },
      { id: 'spesa', label: 'spesa', kind: 'euro', values: [1000, 1500.5] },
      { id: 'voto', label: 'voto', kind: 'rating', scale: { min: 1, max: 5 }, values: [4.1, 4.33] },
      { id: 'ore', label: 'ore', unit: 'ore', values: [10, 8] },
      { id: 'vuota', label: 'vuota', values: [null, 3] },
    ],
  });
  test.each([
    ['quota', { kind: 'change', absolute: '+2,5 punti percentuali', relative: '+6,3%' }],
    ['spesa', { kind: 'change', absolute: '+500,50\u00a0€', relative: '+50,1%' }],
    ['voto', { kind: 'change', absolute: '+0,23', relative: '+5,6%' }],
    ['ore', { kind: 'change', absolute: '−2 ore', relative: '−20%' }],
    ['vuota', { kind: 'missing' }],
  ])('%s', (id, expected) => {
    expect(yearOverYearView(table).rows.find((r) => r.id === id)?.cells[0]).toEqual(expected);
  });

  test('a table without partial periods has no partial note', () => {
    expect(partialNote(table)).toBeNull();
  });
});
