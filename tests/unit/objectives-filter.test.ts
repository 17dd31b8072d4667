import { describe, expect, test } from 'vitest';
import {
  emptyObjectiveFilter,
  objectiveCounts,
  objectiveDataAttributes,
  objectiveMatches,
  objectiveQuery,
  objectiveRecordFromData,
  parseObjectiveQuery,
  toggleObjectiveFilter,
  type ObjectiveFilter,
  type ObjectiveRecord,
} from '../../src/lib/site/objectives-filter.ts';

const cal: ObjectiveRecord = { stato: ['in-corso'], sezione: ['rappresentanza'], anno: ['2018', '2021'] };
const upi: ObjectiveRecord = { stato: ['senza-esito'], sezione: ['rappresentanza'], anno: ['2018'] };
const social: ObjectiveRecord = { stato: ['senza-esito'], sezione: ['comunicazione'], anno: ['2021'] };
const filter = (f: Partial<ObjectiveFilter>): ObjectiveFilter => ({ ...emptyObjectiveFilter(), ...f });

describe('objectiveMatches', () => {
  test.each([
    ['no filter', filter({}), [true, true, true]],
    ['one status', filter({ stato: ['in-corso'] }), [true, false, false]],
    ['two statuses widen (OR)', filter({ stato: ['in-corso', 'senza-esito'] }), [true, true, true]],
    ['status and year narrow (AND)', filter({ stato: ['senza-esito'], anno: ['2021'] }), [false, false, true]],
    ['a carried objective matches each of its years', filter({ anno: ['2021'] }), [true, false, true]],
    ['section', filter({ sezione: ['rappresentanza'] }), [true, true, false]],
  ])('%s', (_, f, expected) => {
    expect([cal, upi, social].map((r) => objectiveMatches(r, f))).toEqual(expected);
  });
});

test('objectiveCounts: each value counted under the other filters', () => {
  const counts = objectiveCounts([cal, upi, social], filter({ anno: ['2021'] }));
  expect(Object.fromEntries(counts.stato)).toEqual({ 'in-corso': 1, 'senza-esito': 1 });
  expect(Object.fromEntries(counts.anno)).toEqual({ '2018': 2, '2021': 2 });
});

describe('URL state', () => {
  test.each([
    ['', filter({})],
    ['?stato=in-corso', filter({ stato: ['in-corso'] })],
    ['?stato=in-corso&stato=raggiunto&anno=2018', filter({ stato: ['in-corso', 'raggiunto'], anno: ['2018'] })],
    ['?sezione=rappresentanza&anno=2021', filter({ sezione: ['rappresentanza'], anno: ['2021'] })],
  ])('%s round-trips', (query, f) => {
    expect(parseObjectiveQuery(query)).toEqual(f);
    expect(objectiveQuery(f)).toBe(query);
  });

  test('unknown values and duplicates are dropped', () => {
    const known = { stato: ['in-corso'], sezione: [], anno: ['2018'] };
    expect(parseObjectiveQuery('?stato=in-corso&stato=in-corso&stato=boh&anno=1999&altro=1', known)).toEqual(
      filter({ stato: ['in-corso'] }),
    );
  });

  test('toggling adds then removes', () => {
    const on = toggleObjectiveFilter(emptyObjectiveFilter(), 'stato', 'in-corso');
    expect(on.stato).toEqual(['in-corso']);
    expect(toggleObjectiveFilter(on, 'stato', 'in-corso').stato).toEqual([]);
  });
});

test('data attributes round-trip', () => {
  const attributes = objectiveDataAttributes(cal);
  expect(attributes).toEqual({ 'data-stato': 'in-corso', 'data-sezione': 'rappresentanza', 'data-anno': '2018 2021' });
  expect(
    objectiveRecordFromData({ stato: attributes['data-stato'], sezione: attributes['data-sezione'], anno: attributes['data-anno'] }),
  ).toEqual(cal);
});
