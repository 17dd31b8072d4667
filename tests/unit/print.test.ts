import { describe, expect, test } from 'vitest';
import { contrastRatio } from '../../src/lib/site/brand.ts';
import {
  cardAnchor,
  chartTextId,
  AREA_COLOURS,
  areaTone,
  areaToneCss,
  backCoverLines,
  coverLines,
  profileFitsReport,
  recordedObjectives,
  reportEdition,
  legacyMediaQueries,
  pageNumberProperties,
  printCardView,
  printedBudget,
  printedDates,
  printedUrl,
  printToc,
  type PrintableCard,
} from '../../src/lib/site/print.ts';
import { reportOutline, reportToc, type DefaultTitles, type TitleSources } from '../../src/lib/site/reports.ts';
import type { Chapter } from '../../src/schemas/report.ts';

describe('cardAnchor', () => {
  test.each([
    ['anci-lombardia/inlav', 'scheda-inlav'],
    ['anci-lombardia/lombardia-dei-giovani-2023', 'scheda-lombardia-dei-giovani-2023'],
    ['senza-organizzazione', 'scheda-senza-organizzazione'],
  ])('%s → %s', (id, anchor) => {
    expect(cardAnchor(id)).toBe(anchor);
  });
});

describe('printedBudget', () => {
  test.each([
    ['an amount, as printed', { status: 'importo' as const, cents: 52500000 }, '525.000,00\u00a0€'],
    ['thousands grouped', { status: 'importo' as const, cents: 171406700 }, '1.714.067,00\u00a0€'],
    ['small amounts keep the dot', { status: 'importo' as const, cents: 140000 }, '1.400,00\u00a0€'],
    ['not yet defined', { status: 'in-definizione' as const }, 'IN DEFINIZIONE'],
    ['none', null, ''],
  ])('%s', (_name, budget, expected) => {
    expect(printedBudget(budget)).toBe(expected);
  });
});

describe('printedDates', () => {
  test.each([
    ['as printed wins', { start: '2023-07-13', datesAsPrinted: 'ATTIVO DAL 13/07/2023' }, 'ATTIVO DAL 13/07/2023'],
    ['formatted at day precision', { start: '2022-04-15' }, 'dal 15 aprile 2022'],
    ['month precision range', { start: '2018-04', end: '2019-11' }, 'da aprile 2018 a novembre 2019'],
    ['only a year', { start: '2018' }, 'dal 2018'],
    ['no dates', {}, ''],
  ])('%s', (_name, card, expected) => {
    expect(printedDates(card)).toBe(expected);
  });
});

describe('printedUrl', () => {
  test.each([
    ['external link with words', 'https://www.sportellorifiuti.it/', 'lo sportello', 'sportellorifiuti.it'],
    ['path kept', 'https://example.org/a/b', 'documento', 'example.org/a/b'],
    ['text already shows the address', 'https://www.sportellorifiuti.it/', 'www.sportellorifiuti.it', ''],
    ['text shows it with the scheme', 'http://example.org', 'http://example.org/', ''],
    ['internal link: nothing', '/anci-lombardia/attivita/', 'Catalogo', ''],
    ['anchor: nothing', '#scheda-inlav', 'INLAV', ''],
    ['mail: nothing', 'mailto:info@example.org', 'scrivici', ''],
  ])('%s', (_name, href, text, expected) => {
    expect(printedUrl(href, text)).toBe(expected);
  });
});

const card = (over: Partial<PrintableCard> = {}): PrintableCard => ({
  id: 'lomb/piccoli',
  title: 'P.I.C.C.O.L.I.',
  summary: 'Un piano di comunicazione',
  areas: [
    { id: 'piccoli-comuni', label: 'Piccoli comuni' },
    { id: 'welfare', label: 'Welfare' },
  ],
  start: '2022-03-04',
  datesAsPrinted: 'ATTIVO DAL 04/03/2022',
  budget: { status: 'importo', cents: 7500000 },
  partners: [
    { relation: 'partner', organization: { id: 'anci', label: 'ANCI' } },
    { relation: 'committente', name: 'Regione Lombardia' },
  ],
  territories: ['Valle Brembana', 'Valtellina'],
  publications: [{ title: 'Guida', note: 'volume', url: 'https://www.example.org/guida/' }, { title: 'Atti' }],
  ...over,
});

describe('areaTone: one colour per area, from its id', () => {
  test.each([
    ['piccoli-comuni', 3],
    ['welfare', 7],
    ['digitalizzazione', 1],
  ])('%s → %i', (id, tone) => {
    expect(areaTone(id)).toBe(tone);
  });
});

describe("area colours: one list, made into the layout's rules", () => {
  test('one rule per colour, in order', () => {
    expect(areaToneCss(['#111111', '#222222'])).toBe('.print-area--0{--area:#111111}.print-area--1{--area:#222222}');
  });

  test.each(AREA_COLOURS.map((colour) => [colour]))('%s stands out from white (3:1 or more)', (colour) => {
    expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  test('every tone an area can get has a colour', () => {
    expect(new Set(['welfare', 'piccoli-comuni', 'digitalizzazione', 'ambiente', 'europa'].map(areaTone)).size).toBeGreaterThan(1);
    expect(Math.max(...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map(areaTone))).toBeLessThan(AREA_COLOURS.length);
  });
});

describe('printCardView', () => {
  test.each([
    [
      'every field',
      card({ funding: [{ id: 'pnrr', label: 'PNRR' }] }),
      {
        anchor: 'scheda-piccoli',
        title: 'P.I.C.C.O.L.I.',
        areas: ['Piccoli comuni', 'Welfare'],
        areaTones: [3, 7],
        funding: ['PNRR'],
        dates: 'ATTIVO DAL 04/03/2022',
        budget: '75.000,00\u00a0€',
        summary: 'Un piano di comunicazione',
        partners: ['ANCI', 'Regione Lombardia (committente)'],
        territories: ['Valle Brembana', 'Valtellina'],
        publications: [
          { title: 'Guida', note: 'volume', url: 'example.org/guida' },
          { title: 'Atti', note: '', url: '' },
        ],
      },
    ],
    [
      'bare card',
      card({
        areas: [],
        datesAsPrinted: undefined,
        start: undefined,
        budget: { status: 'in-definizione' },
        partners: [],
        territories: [],
        publications: [],
      }),
      {
        anchor: 'scheda-piccoli',
        title: 'P.I.C.C.O.L.I.',
        areas: [],
        areaTones: [],
        funding: [],
        dates: '',
        budget: 'IN DEFINIZIONE',
        summary: 'Un piano di comunicazione',
        partners: [],
        territories: [],
        publications: [],
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(printCardView(input)).toEqual(expected);
  });
});

const sources: TitleSources = {
  pages: [
    { id: 'org/lettera', title: 'Presidente' },
    { id: 'org/intro', title: 'Rappresentanza' },
  ],
  plans: [],
  stats: [],
};
const defaults: DefaultTitles = {
  markdown: 'Testo',
  profile: 'Chi siamo',
  governance: 'Organi',
  stats: 'Dati',
  cards: 'Schede',
  plan: 'Piano',
  list: 'Elenco',
};
const chapters: Chapter[] = [
  { type: 'markdown', id: 'presidente', page: 'org/lettera', part: false },
  { type: 'cards', id: 'attive', title: 'Cosa stiamo facendo', part: true, filter: {} },
  { type: 'stats', id: 'rappresentanza', title: 'Cosa facciamo', part: true, intro: 'org/intro', tables: ['org/t'] },
  { type: 'cards', id: 'altre', title: 'Altre schede', part: false, filter: {} },
];
const cardsOf = { attive: [{ id: 'org/a', title: 'A' }], altre: [{ id: 'org/b', title: 'B' }] };

describe('printToc', () => {
  const outline = reportOutline(chapters, sources, defaults);
  const toc = printToc(reportToc(outline), outline, (entry) => cardsOf[entry.anchor as keyof typeof cardsOf] ?? []);
  test.each([
    ['chapter outside parts', 0, { href: '#presidente', label: 'Presidente', children: [] }],
    [
      'a cards chapter with no heading of its own lists its cards under the part',
      1,
      { href: '#attive', label: 'Cosa stiamo facendo', children: [{ href: '#scheda-a', label: 'A', children: [] }] },
    ],
    [
      'a titled cards chapter inside a part lists its cards under itself',
      2,
      {
        href: '#parte-rappresentanza',
        label: 'Cosa facciamo',
        children: [
          { href: '#rappresentanza', label: 'Rappresentanza', children: [] },
          { href: '#altre', label: 'Altre schede', children: [{ href: '#scheda-b', label: 'B', children: [] }] },
        ],
      },
    ],
  ])('%s', (_name, index, expected) => {
    expect(toc[index]).toEqual(expected);
  });

  test('the cards of a part-opening chapter come before the later chapters of the part (document order)', () => {
    const withEpilogue: Chapter[] = [
      { type: 'cards', id: 'fatto', title: 'Cosa abbiamo fatto', part: true, filter: {} },
      { type: 'markdown', id: 'numeri', page: 'org/lettera', title: 'La crescita in numeri', part: false },
    ];
    const epilogueOutline = reportOutline(withEpilogue, sources, defaults);
    const [part] = printToc(reportToc(epilogueOutline), epilogueOutline, (entry) =>
      entry.anchor === 'fatto' ? [{ id: 'org/a', title: 'A' }] : [],
    );
    expect(part?.children.map((c) => c.label)).toEqual(['A', 'La crescita in numeri']);
  });

  test('the web table of contents is left untouched', () => {
    const web = reportToc(outline);
    printToc(web, outline, () => [{ id: 'org/z', title: 'Z' }]);
    expect(web).toEqual(reportToc(outline));
  });
});

describe('coverLines', () => {
  const org = { name: { full: 'ANCI Toscana – Associazione dei Comuni toscani' }, region: 'Toscana' };
  test.each([
    [
      'period and subtitle',
      { kind: 'bilancio-sociale', title: 'Bilancio sociale', subtitle: 'dal 2019 al giugno 2024', period: { from: '2019', to: '2024-06' } },
      org,
      {
        organization: 'ANCI Toscana – Associazione dei Comuni toscani',
        region: '',
        kind: '',
        title: 'Bilancio sociale',
        subtitle: 'dal 2019 al giugno 2024',
        period: '',
        edition: '',
      },
    ],
    [
      'one year, edition, no region',
      { kind: 'piano', title: 'Piano attività 2021', period: { from: '2021', to: '2021' }, edition: '2021-03' },
      { name: { full: 'ANCI' } },
      {
        organization: 'ANCI',
        region: '',
        kind: '',
        title: 'Piano attività 2021',
        subtitle: '',
        period: '2021',
        edition: 'Edizione marzo 2021',
      },
    ],
    [
      'an edition the same as the period is not said twice',
      { kind: 'piano', title: 'Piano attività 2021', period: { from: '2021', to: '2021' }, edition: '2021' },
      { name: { full: 'ANCI' } },
      { organization: 'ANCI', region: '', kind: '', title: 'Piano attività 2021', subtitle: '', period: '2021', edition: '' },
    ],
  ])('%s', (_name, report, organization, expected) => {
    expect(coverLines(report, organization)).toEqual(expected);
  });
});

describe("reportEdition: the report's own edition, else its source document's", () => {
  const register = [
    { file: '003_catalogo.txt', edition: '2024' },
    { file: '002_bilancio.txt', edition: '2024-06' },
  ];
  test.each([
    ['the source document gives it', { source: { document: '003_catalogo.txt' } }, '2024'],
    ['the report says it', { edition: '2024-09', source: { document: '003_catalogo.txt' } }, '2024-09'],
    ['no edition, no source', {}, undefined],
    ['a source not in the register', { source: { document: '999.txt' } }, undefined],
  ])('%s', (_name, report, expected) => {
    expect(reportEdition(report, register)).toBe(expected);
  });
});

describe('chartTextId', () => {
  test.each([
    ['anci-toscana/social/2', 'grafico-anci-toscana-social-2-testo'],
    ['a/b c/1', 'grafico-a-b-c-1-testo'],
  ])('%s', (key, id) => {
    expect(chartTextId(key)).toBe(id);
  });
});

describe('legacyMediaQueries', () => {
  test.each([
    ['max', '@media (width<=480px){.a{b:c}}', '@media (max-width:480px){.a{b:c}}'],
    ['min with spaces', '@media (width >= 48rem) {x}', '@media (min-width:48rem) {x}'],
    ['two features', '@media (width>=768px) and (height<=600px){x}', '@media (min-width:768px) and (max-height:600px){x}'],
    ['classic form untouched', '@media (max-width: 480px){x}', '@media (max-width: 480px){x}'],
    ['print untouched', '@media print{x}', '@media print{x}'],
    ['no media at all', '.a{width:calc(100% - 2px)}', '.a{width:calc(100% - 2px)}'],
  ])('%s', (_name, css, expected) => {
    expect(legacyMediaQueries(css)).toBe(expected);
  });
});

describe('pageNumberProperties: the footer words around the CSS counters', () => {
  test.each([
    ['Pagina {page} di {pages}', '--print-page-before:"Pagina ";--print-page-between:" di ";--print-page-after:""'],
    ['{page}/{pages}', '--print-page-before:"";--print-page-between:"/";--print-page-after:""'],
    ['p. {page} su {pages} "bozza"', '--print-page-before:"p. ";--print-page-between:" su ";--print-page-after:" \\"bozza\\""'],
  ])('%s', (template, css) => {
    expect(pageNumberProperties(template)).toBe(css);
  });

  test.each(['Pagina {page}', '{pages} di {page}', 'Pagina'])('%s: refused', (template) => {
    expect(() => pageNumberProperties(template)).toThrow(/servono \{page\} e poi \{pages\}/);
  });
});

describe('coverLines says each thing once', () => {
  test.each([
    [
      'region kept when the name lacks it',
      { name: { full: 'ANCI' }, region: 'Toscana' },
      'catalogo',
      'Attività 2024',
      'Toscana',
      'Catalogo',
    ],
    [
      'region dropped when the name says it',
      { name: { full: 'ANCI Lombardia' }, region: 'Lombardia' },
      'catalogo',
      'Attività',
      '',
      'Catalogo',
    ],
    ['kind dropped when the title starts with it', { name: { full: 'ANCI' } }, 'catalogo', 'Catalogo delle attività', '', ''],
  ])('%s', (_name, org, kind, title, region, kindLine) => {
    const lines = coverLines({ kind, title }, org);
    expect([lines.region, lines.kind]).toEqual([region, kindLine]);
  });
});

describe('backCoverLines', () => {
  test('the contacts as recorded', () => {
    expect(
      backCoverLines({
        name: { full: 'ANCI Lombardia' },
        address: { street: 'Via Rovello 2', postalCode: '20121', city: 'Milano' },
        contacts: { email: 'posta@anci.lombardia.it', phone: '(+39) 02 72 62 96 01' },
        website: 'https://www.anci.lombardia.it',
      }),
    ).toEqual({
      organization: 'ANCI Lombardia',
      address: 'Via Rovello 2, 20121 Milano',
      phone: '(+39) 02 72 62 96 01',
      email: 'posta@anci.lombardia.it',
      website: 'anci.lombardia.it',
      websiteHref: 'https://www.anci.lombardia.it',
    });
  });
  test('nothing invented when nothing is recorded', () => {
    expect(backCoverLines({ name: { full: 'ANCI Toscana' } })).toEqual({
      organization: 'ANCI Toscana',
      address: '',
      phone: '',
      email: '',
      website: '',
      websiteHref: '',
    });
  });
});

describe('profileFitsReport', () => {
  test.each([
    ['2024 figures in a 2021 plan', '2024', { period: { to: '2021' } }, false],
    ['2024 figures in a report to June 2024', '2024', { period: { to: '2024-06' } }, true],
    ['the edition counts before the period', '2024', { edition: '2025-01', period: { to: '2021' } }, true],
    ['undated figures', undefined, { period: { to: '2021' } }, true],
    ['an undated report', '2024', {}, true],
  ])('%s', (_name, asOf, report, expected) => {
    expect(profileFitsReport({ membership: asOf === undefined ? {} : { asOf } }, report)).toBe(expected);
  });
});

describe('recordedObjectives: only what the content records', () => {
  const base = { section: 'Rappresentanza', status: 'senza-esito', asOf: null, carriedInto: [] };
  test('an objective with no outcome and no continuation is left out, not marked', () => {
    expect(recordedObjectives([{ ...base, text: 'A' }])).toEqual([]);
  });
  test.each([
    ['an outcome', { status: 'raggiunto', asOf: '2021' }, { outcome: 'Raggiunto (2021)', carried: false }],
    ['a continuation', { carriedInto: [{}] }, { outcome: '', carried: true }],
  ])('%s is printed', (_name, record, expected) => {
    expect(recordedObjectives([{ ...base, text: 'A', ...record }])).toEqual([{ text: 'A', section: 'Rappresentanza', ...expected }]);
  });
});
