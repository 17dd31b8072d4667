import { describe, expect, test } from 'vitest';
import {
  editionChanges,
  figureChanges,
  planChanges,
  planPairs,
  type CatalogueEdition,
  type EditionCard,
  type FigureTable,
} from '../../src/lib/site/what-changed.ts';
import { outcome, plans, toscana } from './trail-fixtures.ts';

describe('planPairs', () => {
  test.each([
    ['anci-toscana', [['anci-toscana/2018', 'anci-toscana/2021']]],
    ['comune-massa-martana', []],
    ['nessuna', []],
  ])('%s', (org, expected) => {
    expect(planPairs(toscana, org).map((p) => [p.older.id, p.newer.id])).toEqual(expected);
  });

  test('three plans make two consecutive pairs, whatever their order in the input', () => {
    const three = plans({ 'a/2023': { s: [] }, 'a/2019': { s: [] }, 'a/2021': { s: [] } });
    expect(planPairs(three, 'a').map((p) => [p.older.year, p.newer.year])).toEqual([
      [2019, 2021],
      [2021, 2023],
    ]);
  });
});

describe('planChanges 2018 → 2021 (the seeds’ shape)', () => {
  const changes = planChanges(toscana[0]!, toscana[1]!, toscana);
  const ids = (items: { globalId: string }[]) => items.map((i) => i.globalId);

  test.each([
    ['carried', ['anci-toscana/2018/riforma-cal']],
    ['achieved', ['anci-toscana/2018/postalizzazione']],
    ['dropped', ['anci-toscana/2018/upi', 'anci-toscana/2018/sprar']],
    ['added', ['anci-toscana/2021/fondazione', 'anci-toscana/2021/social']],
  ] as const)('%s', (category, expected) => {
    expect(ids(changes[category])).toEqual(expected);
  });

  test('the CAL reform is carried over, in progress, linked to its 2021 restatement and its trail', () => {
    expect(changes.carried[0]).toMatchObject({
      status: 'in-corso',
      section: 'Rappresentanza',
      href: '/anci-toscana/piani/2018/#obiettivo-riforma-cal',
      trailHref: '/anci-toscana/obiettivi/#obiettivo-2018-riforma-cal',
      carriedInto: [{ globalId: 'anci-toscana/2021/riforma-cal', href: '/anci-toscana/piani/2021/#obiettivo-riforma-cal' }],
    });
  });

  test('every objective of both plans lands in exactly one category', () => {
    const all = [...changes.achieved, ...changes.carried, ...changes.dropped, ...changes.added].map((o) => o.globalId);
    expect(new Set(all).size).toBe(all.length);
    // The 4 objectives of 2018, and the 2 of 2021 that carry none (the third is the CAL reform, already counted).
    expect(all).toHaveLength(4 + 2);
  });
});

describe('planChanges edge cases', () => {
  const three = plans({
    'a/2019': { s: [{ id: 'x' }, { id: 'fatto', outcomes: [outcome('raggiunto', '2020')] }] },
    'a/2020': { s: [{ id: 'y' }, { id: 'ancora', continues: 'a/2019/fatto', outcomes: [outcome('raggiunto', '2020-12')] }] },
    'a/2021': { s: [{ id: 'x', continues: 'a/2019/x' }] },
  });

  test('an objective resuming one of an older plan than the compared one is new, and says where it comes from', () => {
    const changes = planChanges(three[1]!, three[2]!, three);
    expect(changes.added).toMatchObject([{ globalId: 'a/2021/x', resumedFrom: 2019 }]);
  });

  test('an achieved objective carried over counts as carried (its status stays visible)', () => {
    const changes = planChanges(three[0]!, three[1]!, three);
    expect(changes.carried).toMatchObject([{ globalId: 'a/2019/fatto', status: 'raggiunto' }]);
    expect(changes.achieved).toEqual([]);
    expect(changes.dropped.map((o) => o.globalId)).toEqual(['a/2019/x']);
  });
});

describe('figureChanges', () => {
  const year = (y: number) => ({ id: String(y), year: y, throughMonth: 12, partial: false });
  const tables: FigureTable[] = [
    {
      id: 'a/eventi',
      title: 'Eventi',
      periods: [year(2019), year(2020), year(2021), { id: '2024', year: 2024, throughMonth: 6, partial: true }],
      rows: [
        { id: 'eventi', label: 'eventi', kind: 'integer', values: [164, 66, 85, 50] },
        { id: 'vuota', label: 'vuota', kind: 'integer', values: [null, 1, 2, 3] },
      ],
    },
  ];

  test.each([
    [2019, 2021, [['eventi', 164, 85, -79]]],
    [2018, 2021, []],
    [2021, 2024, []],
  ])('%i → %i', (from, to, expected) => {
    expect(figureChanges(tables, from, to).map((f) => [f.row.id, f.from, f.to, f.absolute])).toEqual(expected);
  });
});

describe('editionChanges (two editions of a catalogue)', () => {
  const card = (id: string, status: EditionCard['status'], extra: Partial<EditionCard> = {}): EditionCard => ({
    id,
    title: id,
    status,
    ...extra,
  });
  const older: CatalogueEdition = {
    date: '2023-06',
    cards: [
      card('progettato', 'in-progettazione'),
      card('in-corso', 'attivo', { start: '2021' }),
      card('tolto', 'attivo'),
      card('finito-prima', 'concluso'),
    ],
  };
  const newer: CatalogueEdition = {
    date: '2024-06',
    cards: [
      card('progettato', 'attivo', { start: '2024-01' }),
      card('in-corso', 'concluso', { start: '2021', end: '2024-03' }),
      card('finito-prima', 'concluso'),
      card('nuovo-avviato', 'attivo', { start: '2023-09' }),
      card('nuovo-vecchio', 'attivo', { start: '2020' }),
      card('nuovo-concluso', 'concluso', { start: '2023-07', end: '2024-02' }),
      card('nuovo-senza-date', 'concluso'),
      card('nuovo-anno', 'attivo', { start: '2023' }),
    ],
  };
  const changes = editionChanges(older, newer);

  test.each([
    ['added', ['nuovo-avviato', 'nuovo-vecchio', 'nuovo-concluso', 'nuovo-senza-date', 'nuovo-anno']],
    ['removed', ['tolto']],
    ['started', ['progettato', 'nuovo-avviato', 'nuovo-concluso', 'nuovo-anno']],
    ['completed', ['in-corso', 'nuovo-concluso']],
  ] as const)('%s', (key, expected) => {
    expect(changes[key].map((c) => c.id)).toEqual(expected);
  });

  test('identical editions: nothing changed', () => {
    expect(editionChanges(older, { ...older, date: '2024' })).toEqual({ added: [], removed: [], started: [], completed: [] });
  });
});
