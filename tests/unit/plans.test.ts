import { describe, expect, test } from 'vitest';
import {
  deadlineText,
  evidenceLinks,
  latestOutcome,
  objectiveIndex,
  objectiveLink,
  objectiveView,
  outcomeBreakdown,
  outcomeCounts,
  planSectionsView,
  planSummaries,
  type PlanContext,
  type PlanObjective,
  type PlanOutcome,
} from '../../src/lib/site/plans.ts';

function objective(org: string, year: number, id: string, extra: Partial<PlanObjective> = {}): PlanObjective {
  return { id, text: `Obiettivo ${id}`, outcomes: [], globalId: `${org}/${year}/${id}`, continuedBy: [], ...extra };
}

const outcome = (status: PlanOutcome['status'], asOf: string, extra: Partial<PlanOutcome> = {}): PlanOutcome => ({
  status,
  asOf,
  evidence: [],
  ...extra,
});

const context: PlanContext = {
  plans: [
    {
      id: 'anci-toscana/2018',
      year: 2018,
      title: 'Priorità politiche 2018',
      sections: [
        {
          id: 'rappresentanza',
          title: 'Rappresentanza',
          objectives: [
            objective('anci-toscana', 2018, 'riforma-cal', {
              continuedBy: ['anci-toscana/2021/riforma-cal'],
              outcomes: [outcome('in-corso', '2021', { note: 'ancora da definire' })],
            }),
            objective('anci-toscana', 2018, 'upi'),
          ],
        },
      ],
    },
    {
      id: 'anci-toscana/2021',
      year: 2021,
      title: 'Piano attività 2021',
      sections: [
        {
          id: 'rappresentanza',
          title: 'Rappresentanza',
          narrative: 'Testo.',
          objectives: [
            objective('anci-toscana', 2021, 'riforma-cal', {
              continues: 'anci-toscana/2018/riforma-cal',
              deadline: { by: '2021-06', text: 'entro il primo semestre 2021' },
            }),
          ],
        },
        { id: 'comunicazione', title: 'Comunicazione', objectives: [] },
      ],
    },
    { id: 'comune-massa-martana/2022', year: 2022, title: 'Piano P.I.C.C.O.L.I.', sections: [{ id: 'a', title: 'A', objectives: [] }] },
  ],
  projects: [{ id: 'anci-lombardia/stogit', title: 'Concessioni Stogit' }],
  stats: [
    {
      id: 'anci-toscana/eventi',
      title: 'Eventi',
      rows: [{ id: 'eventi', kind: 'integer' }],
      headlines: [
        { id: 'eventi-totali', label: 'eventi', row: 'eventi', display: 'full', result: { value: 1552 } },
        { id: 'follower', label: 'follower', display: 'compact', result: { value: 8300000 } },
      ],
    },
  ],
};

describe('planSummaries', () => {
  test.each([
    [
      'anci-toscana',
      [
        { id: 'anci-toscana/2021', year: 2021, title: 'Piano attività 2021', sections: 2, objectives: 1 },
        { id: 'anci-toscana/2018', year: 2018, title: 'Priorità politiche 2018', sections: 1, objectives: 2 },
      ],
    ],
    ['comune-massa-martana', [{ id: 'comune-massa-martana/2022', year: 2022, title: 'Piano P.I.C.C.O.L.I.', sections: 1, objectives: 0 }]],
    ['anci', []],
  ])('%s', (org, expected) => {
    expect(planSummaries(context.plans, org)).toEqual(expected);
  });
});

describe('latestOutcome', () => {
  test.each([
    ['no outcome', [], null],
    ['one', [outcome('parziale', '2020')], 'parziale'],
    ['oldest first', [outcome('in-corso', '2019'), outcome('raggiunto', '2021-03')], 'raggiunto'],
    ['appended out of order', [outcome('raggiunto', '2022-01-10'), outcome('in-corso', '2021')], 'raggiunto'],
    ['same date: the later record wins', [outcome('in-corso', '2021'), outcome('abbandonato', '2021')], 'abbandonato'],
  ])('%s', (_name, outcomes: PlanOutcome[], expected) => {
    expect(latestOutcome(outcomes)?.status ?? null).toBe(expected);
  });
});

describe('outcome counts', () => {
  const [p2018, p2021, p2022] = context.plans;
  test.each([
    [
      '2018',
      p2018,
      { 'in-corso': 1, 'senza-esito': 1 },
      [
        { status: 'in-corso', count: 1 },
        { status: 'senza-esito', count: 1 },
      ],
    ],
    ['2021', p2021, { 'senza-esito': 1 }, []],
    ['2022 (no objectives)', p2022, {}, []],
  ])('%s', (_name, plan, nonZero, breakdown) => {
    const counts = outcomeCounts(plan!);
    expect(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))).toEqual(nonZero);
    expect(outcomeBreakdown(plan!)).toEqual(breakdown);
  });
});

describe('objective links', () => {
  const index = objectiveIndex(context.plans);
  test.each([
    ['anci-toscana/2018/riforma-cal', { href: '/anci-toscana/piani/2018/#obiettivo-riforma-cal', label: 'Priorità politiche 2018' }],
    ['anci-toscana/2021/riforma-cal', { href: '/anci-toscana/piani/2021/#obiettivo-riforma-cal', label: 'Piano attività 2021' }],
    ['anci-toscana/2019/assente', { href: null, label: 'anci-toscana/2019/assente' }],
  ])('%s', (id, expected) => {
    expect(objectiveLink(index, id)).toEqual(expected);
  });
});

describe('deadlineText', () => {
  test.each([
    [undefined, null],
    [{ by: '2021-06', text: 'entro il primo semestre 2021' }, 'entro il primo semestre 2021'],
    [{ by: '2021-06' }, 'giugno 2021'],
    [{ by: '2022-03-31' }, '31 marzo 2022'],
  ])('%o → %s', (deadline, expected) => {
    expect(deadlineText(deadline)).toBe(expected);
  });
});

describe('evidenceLinks', () => {
  test.each([
    [{ card: 'anci-lombardia/stogit' }, { kind: 'card', href: '/anci-lombardia/attivita/stogit/', label: 'Concessioni Stogit' }],
    [{ card: 'anci-lombardia/assente' }, { kind: 'card', href: null, label: 'anci-lombardia/assente' }],
    [{ stats: 'anci-toscana/eventi' }, { kind: 'stats', href: '/anci-toscana/statistiche/eventi/', label: 'Eventi' }],
    [
      { headline: 'anci-toscana/eventi/eventi-totali' },
      { kind: 'headline', href: '/anci-toscana/statistiche/eventi/', label: '1.552 eventi' },
    ],
    [
      { headline: 'anci-toscana/eventi/follower' },
      { kind: 'headline', href: '/anci-toscana/statistiche/eventi/', label: '8,3 milioni follower' },
    ],
    [{ headline: 'anci-toscana/eventi/assente' }, { kind: 'headline', href: null, label: 'anci-toscana/eventi/assente' }],
  ])('%o', (evidence, expected) => {
    expect(evidenceLinks([evidence], context)).toEqual([expected]);
  });
});

describe('objectiveView', () => {
  test('an objective continued later, with an outcome', () => {
    const o = context.plans[0]!.sections[0]!.objectives[0]!;
    expect(objectiveView(o, context)).toEqual({
      id: 'riforma-cal',
      anchor: 'obiettivo-riforma-cal',
      globalId: 'anci-toscana/2018/riforma-cal',
      text: 'Obiettivo riforma-cal',
      deadline: null,
      outcome: { status: 'in-corso', asOf: '2021', note: 'ancora da definire', evidence: [] },
      continues: null,
      continuedBy: [{ href: '/anci-toscana/piani/2021/#obiettivo-riforma-cal', label: 'Piano attività 2021' }],
      trail: '/anci-toscana/obiettivi/#obiettivo-2018-riforma-cal',
    });
  });

  test('an objective that continues an earlier one, with a deadline', () => {
    const o = context.plans[1]!.sections[0]!.objectives[0]!;
    const view = objectiveView(o, context);
    expect(view.deadline).toBe('entro il primo semestre 2021');
    expect(view.outcome).toBeNull();
    expect(view.continues).toEqual({ href: '/anci-toscana/piani/2018/#obiettivo-riforma-cal', label: 'Priorità politiche 2018' });
    expect(view.trail).toBe('/anci-toscana/obiettivi/#obiettivo-2018-riforma-cal');
  });

  test('an objective no other plan carries has no trail link', () => {
    expect(objectiveView(context.plans[0]!.sections[0]!.objectives[1]!, context).trail).toBeNull();
  });
});

describe('planSectionsView', () => {
  const plan = context.plans[1]!;
  test.each([
    ['all sections', undefined, ['sezione-rappresentanza', 'sezione-comunicazione']],
    ['only some, in the plan order', ['comunicazione', 'rappresentanza'], ['sezione-rappresentanza', 'sezione-comunicazione']],
    ['one', ['comunicazione'], ['sezione-comunicazione']],
    ['unknown section', ['assente'], []],
  ])('%s', (_name, only, anchors) => {
    expect(planSectionsView(plan, context, only).map((s) => s.anchor)).toEqual(anchors);
  });

  test('narratives are kept, missing ones are null', () => {
    expect(planSectionsView(plan, context).map((s) => s.narrative)).toEqual(['Testo.', null]);
  });
});
