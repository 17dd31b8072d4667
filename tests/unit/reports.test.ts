import { describe, expect, test } from 'vitest';
import type { Chapter } from '../../src/schemas/report.ts';
import {
  chapterAnchor,
  contentTitle,
  reportOutline,
  reportToc,
  selectCards,
  type DefaultTitles,
  type SelectableCard,
  type TitleSources,
} from '../../src/lib/site/reports.ts';

const card = (id: string, status: string, kind = 'progetto', areas: string[] = []): SelectableCard => ({
  id,
  organization: { id: id.split('/')[0]! },
  status,
  kind,
  areas: areas.map((a) => ({ id: a })),
});

const cards = [
  card('lomb/c', 'attivo', 'servizio', ['welfare']),
  card('lomb/a', 'attivo', 'progetto', ['ambiente', 'welfare']),
  card('lomb/b', 'concluso', 'progetto', ['ambiente']),
  card('lomb/d', 'in-progettazione', 'servizio'),
  card('lomb/e', 'attivo', 'progetto', ['giovani']),
  card('tosc/x', 'attivo', 'progetto', ['welfare']),
];

describe('selectCards', () => {
  test.each([
    ['no filter: all the report organization cards, by id', {}, undefined, ['lomb/a', 'lomb/b', 'lomb/c', 'lomb/d', 'lomb/e']],
    ['status', { status: ['attivo' as const] }, undefined, ['lomb/a', 'lomb/c', 'lomb/e']],
    ['two statuses', { status: ['concluso' as const, 'in-progettazione' as const] }, undefined, ['lomb/b', 'lomb/d']],
    ['kind', { kind: ['servizio' as const] }, undefined, ['lomb/c', 'lomb/d']],
    ['areas: any of', { areas: ['ambiente', 'giovani'] }, undefined, ['lomb/a', 'lomb/b', 'lomb/e']],
    ['all filters together', { status: ['attivo' as const], kind: ['progetto' as const], areas: ['welfare'] }, undefined, ['lomb/a']],
    ['another organization', { organization: 'tosc' }, undefined, ['tosc/x']],
    ['explicit order first, the rest by id', { status: ['attivo' as const] }, ['lomb/e', 'lomb/c'], ['lomb/e', 'lomb/c', 'lomb/a']],
    ['order naming cards the filter excludes', { status: ['concluso' as const] }, ['lomb/a', 'tosc/x', 'lomb/b'], ['lomb/b']],
    ['full order', {}, ['lomb/e', 'lomb/d', 'lomb/c', 'lomb/b', 'lomb/a'], ['lomb/e', 'lomb/d', 'lomb/c', 'lomb/b', 'lomb/a']],
  ])('%s', (_name, filter, order, expected) => {
    expect(selectCards(cards, filter, order, 'lomb').map((c) => c.id)).toEqual(expected);
  });
});

const sources: TitleSources = {
  pages: [
    { id: 'org/lettera', title: 'Presidente' },
    { id: 'org/rappresentanza', title: 'Rappresentanza' },
  ],
  plans: [{ id: 'org/2021', title: 'Piano attività 2021' }],
  stats: [{ id: 'org/eventi', title: 'Eventi' }],
};

const defaults: DefaultTitles = {
  markdown: 'Testo',
  profile: 'Chi siamo',
  governance: 'Organi e struttura',
  stats: 'Dati',
  cards: 'Schede',
  plan: 'Piano',
  list: 'Elenco',
};

const md = (page: string, extra: Partial<Chapter> = {}): Chapter => ({ type: 'markdown', page, part: false, ...extra }) as Chapter;

describe('chapter anchors and borrowed titles', () => {
  test.each([
    [{ id: 'presidente' }, 0, 'presidente'],
    [{}, 0, 'capitolo-1'],
    [{}, 4, 'capitolo-5'],
  ])('%o at %d → %s', (chapter, index, expected) => {
    expect(chapterAnchor(chapter, index)).toBe(expected);
  });

  test.each<[Chapter, string | undefined]>([
    [md('org/lettera'), 'Presidente'],
    [md('org/assente'), undefined],
    [{ type: 'stats', part: false, tables: ['org/eventi'], intro: 'org/rappresentanza' }, 'Rappresentanza'],
    [{ type: 'stats', part: false, tables: ['org/eventi'] }, 'Eventi'],
    [{ type: 'plan', part: false, plan: 'org/2021', annexPreviousPlan: false }, 'Piano attività 2021'],
    [{ type: 'profile', part: false }, undefined],
    [{ type: 'list', part: false, items: ['a'] }, undefined],
  ])('%o → %s', (chapter, expected) => {
    expect(contentTitle(chapter, sources)).toBe(expected);
  });
});

describe('reportOutline', () => {
  const chapters: Chapter[] = [
    md('org/lettera', { id: 'presidente' }),
    { type: 'profile', part: false },
    { type: 'stats', id: 'rappresentanza', title: 'Cosa facciamo', part: true, tables: ['org/eventi'], intro: 'org/rappresentanza' },
    { type: 'list', id: 'aree', title: 'Aree tematiche', part: false, items: ['a'] },
    { type: 'cards', id: 'attive', title: 'Cosa stiamo facendo', part: true, filter: {} },
    { type: 'cards', id: 'concluse', part: true, filter: {} },
    { type: 'plan', part: false, plan: 'org/2021', annexPreviousPlan: false },
  ];
  const outline = reportOutline(chapters, sources, defaults);

  test.each([
    [0, { anchor: 'presidente', title: 'Presidente', part: null, headingLevel: 2, contentLevel: 3 }],
    [1, { anchor: 'capitolo-2', title: 'Chi siamo', part: null, headingLevel: 2, contentLevel: 3 }],
    // A part whose chapter has its own content title: part heading, then the chapter heading below it.
    [
      2,
      {
        anchor: 'rappresentanza',
        title: 'Rappresentanza',
        part: { anchor: 'parte-rappresentanza', title: 'Cosa facciamo' },
        headingLevel: 3,
        contentLevel: 4,
      },
    ],
    [3, { anchor: 'aree', title: 'Aree tematiche', part: null, headingLevel: 3, contentLevel: 4 }],
    // A part with nothing to add: the part heading is the chapter's heading and carries its anchor.
    [4, { anchor: 'attive', title: null, part: { anchor: 'attive', title: 'Cosa stiamo facendo' }, headingLevel: 3, contentLevel: 3 }],
    [5, { anchor: 'concluse', title: null, part: { anchor: 'concluse', title: 'Schede' }, headingLevel: 3, contentLevel: 3 }],
    [6, { anchor: 'capitolo-7', title: 'Piano attività 2021', part: null, headingLevel: 3, contentLevel: 4 }],
  ])('chapter %d', (index, expected) => {
    expect(outline[index]).toMatchObject({ index, partLevel: 2, ...expected });
  });

  test('a base level shifts every heading', () => {
    expect(reportOutline(chapters, sources, defaults, 3).map((c) => [c.partLevel, c.headingLevel, c.contentLevel])).toEqual([
      [3, 3, 4],
      [3, 3, 4],
      [3, 4, 5],
      [3, 4, 5],
      [3, 4, 4],
      [3, 4, 4],
      [3, 4, 5],
    ]);
  });

  test('the table of contents nests chapters under their part and links every anchor once', () => {
    const toc = reportToc(outline);
    expect(toc).toEqual([
      { href: '#presidente', label: 'Presidente', children: [] },
      { href: '#capitolo-2', label: 'Chi siamo', children: [] },
      {
        href: '#parte-rappresentanza',
        label: 'Cosa facciamo',
        children: [
          { href: '#rappresentanza', label: 'Rappresentanza', children: [] },
          { href: '#aree', label: 'Aree tematiche', children: [] },
        ],
      },
      { href: '#attive', label: 'Cosa stiamo facendo', children: [] },
      { href: '#concluse', label: 'Schede', children: [{ href: '#capitolo-7', label: 'Piano attività 2021', children: [] }] },
    ]);
    const hrefs = toc.flatMap((e) => [e.href, ...e.children.map((c) => c.href)]);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});
