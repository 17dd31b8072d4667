import { describe, expect, test } from 'vitest';
import { groupLabel, rowName, tableView } from '../../src/lib/site/stats-table.ts';
import { eventi, mixed, social } from './stats-fixtures.ts';

const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('tableView', () => {
  test('columns are the periods, the partial one flagged with its footnote', () => {
    const view = tableView(eventi);
    expect(view.columns.map((c) => [c.label, c.partial])).toEqual([
      ['2019', false],
      ['2020', false],
      ['2021', false],
      ['2022', false],
      ['2023', false],
      ['gen–giu 2024', true],
    ]);
    expect(view.footnotes).toEqual(['periodo parziale: gennaio–giugno 2024']);
  });

  test('groups consecutive rows under a capitalised group heading; missing cells stay missing', () => {
    const view = tableView(social);
    expect(view.sections.map((s) => [s.group, s.rows.map((r) => r.id)])).toEqual([
      ['Facebook', ['facebook-post', 'facebook-visualizzazioni']],
      ['Instagram', ['instagram-post']],
      ['WhatsApp', ['whatsapp-aggiornamenti']],
    ]);
    expect(view.sections[1]?.rows[0]?.cells.slice(0, 3)).toEqual([{ missing: true }, { missing: true }, { missing: false, text: '288' }]);
  });

  test.each([
    ['ore', ['1.461 ore', '1.734 ore', '1.712 ore']],
    ['soddisfazione', ['91%', '93,5%', null]],
    ['spesa', ['1.200,50 €', '1.300,00 €', '1.250,25 €']],
    ['voto', ['4,2 su 5', '4,33 su 5', '4,4 su 5']],
  ])('cells of %s are formatted by kind and unit', (id, expected) => {
    const row = tableView(mixed)
      .sections.flatMap((s) => s.rows)
      .find((r) => r.id === id);
    expect(row?.cells.map((c) => (c.missing ? null : plain(c.text)))).toEqual(expected);
  });

  test('a table without groups has one section without heading; no partial period, no footnote', () => {
    const view = tableView(mixed);
    expect(view.sections).toHaveLength(1);
    expect(view.sections[0]?.group).toBeNull();
    expect(view.footnotes).toEqual([]);
  });
});

describe.each([
  ['facebook', 'Facebook'],
  ['whatsApp', 'WhatsApp'],
  ['x', 'X'],
])('groupLabel(%s)', (group, expected) => {
  test(`is ${expected}`, () => {
    expect(groupLabel(group)).toBe(expected);
    expect(rowName({ group, label: 'post' })).toBe(`${expected}: post`);
  });
});
