import { describe, expect, test } from 'vitest';
import {
  descendantsOf,
  nextPlan,
  objectiveTrails,
  previousPlan,
  previousPlanStatus,
  trailAnchor,
  trailFacets,
  trailHref,
  trailIndex,
  trailRecord,
} from '../../src/lib/site/objective-trails.ts';
import { outcome, plans, toscana } from './trail-fixtures.ts';

describe('objectiveTrails on the seeds’ shape', () => {
  const trails = objectiveTrails(toscana, 'anci-toscana');
  const cal = trails.find((t) => t.key === 'anci-toscana/2018/riforma-cal');

  test('one entry per trail, not per plan occurrence', () => {
    expect(trails).toHaveLength(6);
    expect(trails.filter((t) => t.steps.some((s) => s.objective.id === 'riforma-cal'))).toHaveLength(1);
  });

  test('the CAL reform: first year 2018, carried by 2 plans, status from the latest outcome along the chain', () => {
    expect(cal).toMatchObject({
      anchor: 'obiettivo-2018-riforma-cal',
      organization: 'anci-toscana',
      firstYear: 2018,
      lastYear: 2021,
      years: [2018, 2021],
      plans: 2,
      status: 'in-corso',
      text: 'Definizione e approvazione della riforma del CAL',
    });
    expect(cal?.latest).toMatchObject({ globalId: 'anci-toscana/2018/riforma-cal', year: 2018, outcome: { asOf: '2021' } });
    expect(cal?.steps.map((s) => [s.globalId, s.textChanged])).toEqual([
      ['anci-toscana/2018/riforma-cal', true],
      ['anci-toscana/2021/riforma-cal', true],
    ]);
  });

  test('current trails first, in their latest plan’s order; then the older ones', () => {
    expect(trails.map((t) => t.key)).toEqual([
      'anci-toscana/2018/riforma-cal',
      'anci-toscana/2021/fondazione',
      'anci-toscana/2021/social',
      'anci-toscana/2018/upi',
      'anci-toscana/2018/postalizzazione',
      'anci-toscana/2018/sprar',
    ]);
  });

  test.each([
    ['anci-toscana/2018/upi', 'senza-esito'],
    ['anci-toscana/2018/postalizzazione', 'raggiunto'],
    ['anci-toscana/2018/sprar', 'abbandonato'],
  ])('%s is %s', (key, status) => {
    expect(trails.find((t) => t.key === key)?.status).toBe(status);
  });

  test('evidence of the outcomes along a trail', () => {
    expect(trails.find((t) => t.key === 'anci-toscana/2018/postalizzazione')?.evidence).toEqual([{ card: 'anci-toscana/poste' }]);
  });

  test('other organizations stay out; without an organization every plan counts', () => {
    expect(trails.some((t) => t.organization !== 'anci-toscana')).toBe(false);
    expect(objectiveTrails(toscana)).toHaveLength(7);
  });
});

describe('status along a chain', () => {
  test.each([
    ['a later outcome on a later objective wins', [outcome('in-corso', '2019')], [outcome('raggiunto', '2022-03')], 'raggiunto'],
    [
      'an outcome recorded on the older objective with a later date wins',
      [outcome('raggiunto', '2023')],
      [outcome('in-corso', '2022')],
      'raggiunto',
    ],
    ['on the same date the later plan wins', [outcome('in-corso', '2022')], [outcome('parziale', '2022')], 'parziale'],
    ['no outcome anywhere', [], [], 'senza-esito'],
  ] as const)('%s', (_, older, newer, status) => {
    const chain = plans({
      'a/2020': { s: [{ id: 'x', outcomes: [...older] }] },
      'a/2021': { s: [{ id: 'x', continues: 'a/2020/x', outcomes: [...newer] }] },
    });
    expect(objectiveTrails(chain, 'a')[0]?.status).toBe(status);
  });

  test('an unchanged text is marked so; a three-plan chain counts 3 plans', () => {
    const chain = plans({
      'a/2019': { s: [{ id: 'x', text: 'Uguale' }] },
      'a/2020': { s: [{ id: 'y', text: 'Uguale', continues: 'a/2019/x' }] },
      'a/2021': { t: [{ id: 'z', text: 'Diverso', continues: 'a/2020/y' }] },
    });
    const [trail] = objectiveTrails(chain, 'a');
    expect(trail?.plans).toBe(3);
    expect(trail?.steps.map((s) => s.textChanged)).toEqual([true, false, true]);
    expect(trail?.sections).toEqual([
      { id: 's', title: 'S' },
      { id: 't', title: 'T' },
    ]);
  });

  test('a link to an objective not in the content starts a trail of its own', () => {
    const [trail] = objectiveTrails(plans({ 'a/2021': { s: [{ id: 'x', continues: 'a/2015/x' }] } }), 'a');
    expect(trail?.key).toBe('a/2021/x');
  });

  test('a split: both successors belong to the trail', () => {
    const split = plans({
      'a/2020': { s: [{ id: 'x' }] },
      'a/2021': {
        s: [
          { id: 'y', continues: 'a/2020/x' },
          { id: 'z', continues: 'a/2020/x' },
        ],
      },
    });
    const trails = objectiveTrails(split, 'a');
    expect(trails).toHaveLength(1);
    expect(descendantsOf('a/2020/x', trails[0]).map((s) => s.globalId)).toEqual(['a/2021/y', 'a/2021/z']);
  });
});

describe('helpers', () => {
  const trails = objectiveTrails(toscana, 'anci-toscana');
  const index = trailIndex(trails);

  test.each([
    ['anci-toscana/2018/riforma-cal', 'obiettivo-2018-riforma-cal'],
    ['comune-massa-martana/2022/prestazioni', 'obiettivo-2022-prestazioni'],
  ])('trailAnchor(%s) = %s', (id, anchor) => {
    expect(trailAnchor(id)).toBe(anchor);
  });

  test.each([
    ['anci-toscana/2021/riforma-cal', '/anci-toscana/obiettivi/#obiettivo-2018-riforma-cal'],
    ['anci-toscana/2018/riforma-cal', '/anci-toscana/obiettivi/#obiettivo-2018-riforma-cal'],
    ['anci-toscana/2021/social', '/anci-toscana/obiettivi/#obiettivo-2021-social'],
    ['anci-toscana/2030/nessuno', null],
  ])('trailHref(%s) = %s', (id, href) => {
    expect(trailHref(index, id)).toBe(href);
  });

  test('trailRecord gives the filter values', () => {
    expect(trailRecord(trails[0]!)).toEqual({ status: 'in-corso', sections: ['rappresentanza'], years: ['2018', '2021'] });
  });

  test('trailFacets counts trails by status, section and year', () => {
    expect(trailFacets(trails)).toEqual({
      status: [
        { value: 'raggiunto', count: 1 },
        { value: 'in-corso', count: 1 },
        { value: 'abbandonato', count: 1 },
        { value: 'senza-esito', count: 3 },
      ],
      section: [
        { value: 'rappresentanza', label: 'Rappresentanza', count: 3 },
        { value: 'comunicazione', label: 'Comunicazione', count: 1 },
        { value: 'servizi', label: 'Servizi', count: 2 },
      ],
      year: [
        { value: '2018', count: 4 },
        { value: '2021', count: 3 },
      ],
    });
  });

  test.each([
    ['anci-toscana/2021', 'anci-toscana/2018', null],
    ['anci-toscana/2018', null, 'anci-toscana/2021'],
    ['comune-massa-martana/2022', null, null],
  ])('around %s: previous %s, next %s', (id, previous, next) => {
    const plan = toscana.find((p) => p.id === id)!;
    expect(previousPlan(plan, toscana)?.id ?? null).toBe(previous);
    expect(nextPlan(plan, toscana)?.id ?? null).toBe(next);
  });
});

describe('previousPlanStatus', () => {
  test('every objective of the previous plan, its status now and whether this plan carries it', () => {
    const status = previousPlanStatus(toscana[1]!, toscana);
    expect(status?.previous).toEqual({ id: 'anci-toscana/2018', year: 2018, title: 'Piano 2018' });
    expect(status?.objectives.map((o) => [o.globalId, o.status, o.asOf, o.carriedInto.map((c) => c.href)])).toEqual([
      ['anci-toscana/2018/riforma-cal', 'in-corso', '2021', ['/anci-toscana/piani/2021/#obiettivo-riforma-cal']],
      ['anci-toscana/2018/upi', 'senza-esito', null, []],
      ['anci-toscana/2018/postalizzazione', 'raggiunto', '2019-12', []],
      ['anci-toscana/2018/sprar', 'abbandonato', '2020', []],
    ]);
    expect(status?.objectives[0]).toMatchObject({
      section: 'Rappresentanza',
      href: '/anci-toscana/piani/2018/#obiettivo-riforma-cal',
      trailHref: '/anci-toscana/obiettivi/#obiettivo-2018-riforma-cal',
      note: 'ancora da definire',
    });
  });

  test('a first plan has no previous plan', () => {
    expect(previousPlanStatus(toscana[0]!, toscana)).toBeNull();
  });
});
