import { describe, expect, test } from 'vitest';
import { cardRowsCsv } from '../../src/lib/site/catalogue-csv.ts';
import {
  budgetBand,
  budgetTotal,
  cardDataAttributes,
  containsWords,
  compareRecords,
  countText,
  emptyFilter,
  facetCounts,
  fillTemplate,
  isFiltering,
  isSelected,
  matches,
  parseQuery,
  recordFromData,
  runsIn,
  searchable,
  singleValueFilter,
  sortRecords,
  toggleValue,
  toggleYear,
  toQuery,
  totalText,
  type CatalogueRecord,
  type FilterState,
} from '../../src/lib/site/catalogue-filter.ts';
import {
  cardBudget,
  catalogueFacets,
  catalogueRecord,
  facetViewCards,
  facetViewsWithCards,
  feedItems,
  filterCards,
  fundingGroups,
  fundingIndex,
  runningYears,
  type CatalogueCard,
} from '../../src/lib/site/catalogue.ts';

const YEAR = 2026;

/** A card with sensible defaults; tests override what they are about. */
function card(id: string, fields: Partial<Omit<CatalogueCard, 'id'>> = {}): CatalogueCard & { organization: { id: string } } {
  return {
    id: `org/${id}`,
    organization: { id: 'org' },
    title: id,
    summary: `Sintesi di ${id}`,
    status: 'attivo',
    areas: [],
    funding: [],
    budget: null,
    ...fields,
  };
}

const cents = (n: number) => ({ status: 'importo' as const, cents: n, euros: n / 100 });
const tbd = { status: 'in-definizione' as const };

function record(fields: Partial<CatalogueRecord> = {}): CatalogueRecord {
  return { title: 't', status: 'attivo', areas: [], funding: [], band: 'non-indicato', years: null, start: '', cents: null, ...fields };
}

function filter(fields: Partial<FilterState> = {}): FilterState {
  return { ...emptyFilter(), ...fields };
}

describe('budget bands (integer cents, upper bound included)', () => {
  test.each([
    [null, 'non-indicato'],
    [tbd, 'in-definizione'],
    [cents(0), 'fino-a-50-mila'],
    [cents(5_000_000), 'fino-a-50-mila'],
    [cents(5_000_001), 'da-50-a-250-mila'],
    [cents(25_000_000), 'da-50-a-250-mila'],
    [cents(25_000_001), 'da-250-mila-a-1-milione'],
    [cents(100_000_000), 'da-250-mila-a-1-milione'],
    [cents(100_000_001), 'oltre-1-milione'],
    [cents(873_995_000), 'oltre-1-milione'],
  ] as const)('%o -> %s', (budget, band) => {
    expect(budgetBand(budget)).toBe(band);
  });
});

describe('running years', () => {
  test.each([
    ['no dates', {}, null],
    ['start and end', { start: '2018-04-05', end: '2020-12-31' }, { from: 2018, to: 2020 }],
    ['month precision', { start: '2024-02', end: '2025-11' }, { from: 2024, to: 2025 }],
    ['year precision', { start: '2018', end: '2018' }, { from: 2018, to: 2018 }],
    ['active, no end: up to today', { start: '2020-11-27' }, { from: 2020, to: 2026 }],
    ['planned, no end: up to today', { status: 'in-progettazione' as const, start: '2025-01' }, { from: 2025, to: 2026 }],
    ['planned, starting after today', { status: 'in-progettazione' as const, start: '2028' }, { from: 2028, to: 2028 }],
    ['concluded without end: its start year', { status: 'concluso' as const, start: '2019-03' }, { from: 2019, to: 2019 }],
    ['end only', { end: '2019-11' }, { from: 2019, to: 2019 }],
  ])('%s', (_name, fields, expected) => {
    expect(runningYears({ status: 'attivo', ...fields }, YEAR)).toEqual(expected);
  });

  test.each([
    [{ from: 2018, to: 2020 }, 2017, false],
    [{ from: 2018, to: 2020 }, 2018, true],
    [{ from: 2018, to: 2020 }, 2020, true],
    [{ from: 2018, to: 2020 }, 2021, false],
    [null, 2020, false],
  ])('%o runs in %d: %s', (years, year, expected) => {
    expect(runsIn({ years }, year)).toBe(expected);
  });
});

describe('catalogue record of a card', () => {
  test('carries ids, band, years, first day of the start, cents', () => {
    const r = catalogueRecord(
      card('x', {
        start: '2024-02',
        areas: [{ id: 'welfare', label: 'Welfare' }],
        funding: [{ id: 'pnrr', label: 'PNRR' }],
        budget: cents(6_000_000),
      }),
      YEAR,
    );
    expect(r).toEqual({
      title: 'x',
      status: 'attivo',
      areas: ['welfare'],
      funding: ['pnrr'],
      band: 'da-50-a-250-mila',
      years: { from: 2024, to: 2026 },
      start: '2024-02-01',
      cents: 6_000_000,
    });
  });

  test.each([
    [
      'dated, with budget',
      record({ status: 'concluso', areas: ['a', 'b'], years: { from: 2019, to: 2021 }, start: '2019-05-01', cents: 12 }),
    ],
    ['undated, no budget', record({ funding: ['fami'], band: 'in-definizione' })],
  ])('data attributes round-trip: %s', (_name, r) => {
    const attrs = cardDataAttributes(r);
    const dataset = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k.replace(/^data-/, ''), v]));
    expect(recordFromData(dataset, r.title)).toEqual(r);
  });
});

describe('filter: OR within a facet, AND across facets', () => {
  const welfarePnrr = record({
    status: 'attivo',
    areas: ['welfare'],
    funding: ['pnrr'],
    band: 'oltre-1-milione',
    years: { from: 2019, to: 2022 },
  });
  const undated = record({ status: 'attivo', areas: ['ambiente'], band: 'non-indicato' });
  const concluded = record({ status: 'concluso', areas: ['welfare', 'europa'], band: 'in-definizione', years: { from: 2015, to: 2016 } });

  test.each([
    ['empty filter keeps everything', filter(), [true, true, true]],
    ['one status', filter({ stato: ['concluso'] }), [false, false, true]],
    ['two statuses (OR)', filter({ stato: ['concluso', 'attivo'] }), [true, true, true]],
    ['area matches any of the card areas', filter({ area: ['europa'] }), [false, false, true]],
    ['two facets (AND)', filter({ stato: ['attivo'], area: ['welfare'] }), [true, false, false]],
    ['funding', filter({ finanziamento: ['pnrr', 'fami'] }), [true, false, false]],
    ['band in definizione', filter({ importo: ['in-definizione'] }), [false, false, true]],
    ['year range overlapping', filter({ da: 2022, a: 2024 }), [true, false, false]],
    ['year range touching the start', filter({ da: 2010, a: 2015 }), [false, false, true]],
    ['year range in between', filter({ da: 2017, a: 2018 }), [false, false, false]],
    ['open-ended from', filter({ da: 2016 }), [true, false, true]],
    ['open-ended to', filter({ a: 2018 }), [false, false, true]],
    ['undated cards match no year', filter({ da: 2000, a: 2100 }), [true, false, true]],
    ['senza date alone', filter({ senzaDate: true }), [false, true, false]],
    ['senza date OR a range', filter({ senzaDate: true, da: 2020, a: 2020 }), [true, true, false]],
    ['unknown value matches nothing', filter({ area: ['nessuna'] }), [false, false, false]],
  ])('%s', (_name, state, expected) => {
    expect([welfarePnrr, undated, concluded].map((r) => matches(r, state))).toEqual(expected);
  });

  test.each([
    [filter(), false],
    [filter({ ordina: 'titolo' }), false],
    [filter({ importo: ['non-indicato'] }), true],
    [filter({ a: 2020 }), true],
    [filter({ senzaDate: true }), true],
  ])('isFiltering(%o) = %s', (state, expected) => {
    expect(isFiltering(state)).toBe(expected);
  });
});

describe('sorting', () => {
  const records = [
    record({ title: 'Zeta', start: '2020-01-01', cents: 100, band: 'fino-a-50-mila' }),
    record({ title: '"Atlante"', start: '2021-03-18', cents: null, band: 'in-definizione' }),
    record({ title: 'àmbito', start: '', cents: 5000, band: 'fino-a-50-mila' }),
    record({ title: 'Beta', start: '2021-03-18', cents: null, band: 'non-indicato' }),
    record({ title: 'Alfa', start: '', cents: null, band: 'non-indicato' }),
  ];
  test.each([
    ['titolo', ['Alfa', 'àmbito', '"Atlante"', 'Beta', 'Zeta']],
    ['recenti', ['"Atlante"', 'Beta', 'Zeta', 'Alfa', 'àmbito']],
    ['importo', ['àmbito', 'Zeta', '"Atlante"', 'Alfa', 'Beta']],
  ] as const)('%s', (key, titles) => {
    expect(sortRecords(records, key).map((r) => r.title)).toEqual(titles);
  });

  test('the comparator is consistent (a before b means b after a)', () => {
    const compare = compareRecords('importo');
    for (const a of records) for (const b of records) expect(Math.sign(compare(a, b))).toBe(-Math.sign(compare(b, a)) || 0);
  });
});

describe('facet counts', () => {
  const records = [
    record({ status: 'attivo', areas: ['welfare'], years: { from: 2020, to: 2022 }, band: 'fino-a-50-mila' }),
    record({ status: 'attivo', areas: ['welfare', 'europa'], years: null, funding: ['pnrr'] }),
    record({ status: 'concluso', areas: ['europa'], years: { from: 2021, to: 2021 }, funding: ['pnrr', 'fami'] }),
  ];

  test('without a filter: every value, years counted per running year, undated apart', () => {
    const counts = facetCounts(records);
    expect(Object.fromEntries(counts.stato)).toEqual({ attivo: 2, concluso: 1 });
    expect(Object.fromEntries(counts.area)).toEqual({ welfare: 2, europa: 2 });
    expect(Object.fromEntries(counts.anno)).toEqual({ '2020': 1, '2021': 2, '2022': 1, 'senza-date': 1 });
    expect(Object.fromEntries(counts.finanziamento)).toEqual({ pnrr: 2, fami: 1 });
    expect(Object.fromEntries(counts.importo)).toEqual({ 'fino-a-50-mila': 1, 'non-indicato': 2 });
  });

  test("a facet's own selection does not narrow its counts, the others do", () => {
    const counts = facetCounts(records, filter({ stato: ['attivo'] }));
    expect(Object.fromEntries(counts.stato)).toEqual({ attivo: 2, concluso: 1 });
    expect(Object.fromEntries(counts.area)).toEqual({ welfare: 2, europa: 1 });
  });
});

describe('URL query', () => {
  test.each([
    ['', filter()],
    ['?stato=attivo', filter({ stato: ['attivo'] })],
    ['?stato=attivo&stato=concluso&area=welfare', filter({ stato: ['attivo', 'concluso'], area: ['welfare'] })],
    [
      '?stato=attivo&area=welfare&da=2019&a=2024&finanziamento=pnrr&importo=oltre-1-milione&ordina=titolo',
      filter({
        stato: ['attivo'],
        area: ['welfare'],
        da: 2019,
        a: 2024,
        finanziamento: ['pnrr'],
        importo: ['oltre-1-milione'],
        ordina: 'titolo',
      }),
    ],
    ['?da=2020&anno=senza-date', filter({ da: 2020, senzaDate: true })],
    ['?ordina=importo', filter({ ordina: 'importo' })],
    ['?q=rifiuti+lombardia&stato=attivo', filter({ q: 'rifiuti lombardia', stato: ['attivo'] })],
  ])('%s round-trips', (query, state) => {
    expect(parseQuery(query)).toEqual(state);
    expect(toQuery(state)).toBe(query);
  });

  test.each([
    ['unknown sort falls back to the default', '?ordina=caso', filter()],
    ['years not of four digits are dropped', '?da=20x9&a=99999', filter()],
    ['a reversed range is put right', '?da=2024&a=2019', filter({ da: 2019, a: 2024 })],
    ['duplicates and empty values dropped', '?stato=attivo&stato=attivo&area=', filter({ stato: ['attivo'] })],
    ['values the catalogue does not know are dropped', '?area=welfare&area=inventata&stato=finito', filter({ area: ['welfare'] })],
  ])('%s', (_name, query, state) => {
    expect(parseQuery(query, { area: ['welfare', 'europa'], stato: ['attivo', 'concluso'] })).toEqual(state);
  });
});

describe('toggles', () => {
  test.each([
    ['adds a value', filter(), 'stato', 'attivo', ['attivo']],
    ['adds a second value', filter({ stato: ['attivo'] }), 'stato', 'concluso', ['attivo', 'concluso']],
    ['removes a chosen value', filter({ stato: ['attivo', 'concluso'] }), 'stato', 'attivo', ['concluso']],
  ] as const)('%s', (_name, state, facet, value, expected) => {
    expect(toggleValue(state, facet, value)[facet]).toEqual(expected);
  });

  test.each([
    ['a year selects that single year', filter(), '2021', { da: 2021, a: 2021, senzaDate: false }],
    ['the same year again clears the range', filter({ da: 2021, a: 2021 }), '2021', { da: null, a: null, senzaDate: false }],
    ['a year inside a range narrows it to that year', filter({ da: 2019, a: 2024 }), '2021', { da: 2021, a: 2021, senzaDate: false }],
    ['senza date toggles on', filter({ da: 2019 }), 'senza-date', { da: 2019, a: null, senzaDate: true }],
    ['senza date toggles off', filter({ senzaDate: true }), 'senza-date', { da: null, a: null, senzaDate: false }],
  ])('%s', (_name, state, value, expected) => {
    const next = toggleYear(state, value);
    expect({ da: next.da, a: next.a, senzaDate: next.senzaDate }).toEqual(expected);
  });

  test.each([
    [filter({ da: 2019, a: 2024 }), 'anno', '2019', true],
    [filter({ da: 2019, a: 2024 }), 'anno', '2025', false],
    [filter({ da: 2019 }), 'anno', '2030', true],
    [filter(), 'anno', '2020', false],
    [filter({ senzaDate: true }), 'anno', 'senza-date', true],
    [filter({ area: ['welfare'] }), 'area', 'welfare', true],
    [filter({ area: ['welfare'] }), 'stato', 'welfare', false],
  ] as const)('isSelected(%o, %s, %s) = %s', (state, facet, value, expected) => {
    expect(isSelected(state, facet, value)).toBe(expected);
  });

  test.each([
    ['stato', 'concluso', filter({ stato: ['concluso'] })],
    ['anno', '2021', filter({ da: 2021, a: 2021 })],
    ['anno', 'senza-date', filter({ senzaDate: true })],
    ['importo', 'in-definizione', filter({ importo: ['in-definizione'] })],
  ] as const)('static view %s/%s filters as %o', (facet, value, state) => {
    expect(singleValueFilter(facet, value)).toEqual(state);
  });
});

describe('count text', () => {
  const templates = { one: '1 attività', many: '{n} attività', of: '{n} di {total} attività' };
  test.each([
    [75, 75, '75 attività'],
    [1, 1, '1 attività'],
    [0, 0, '0 attività'],
    [12, 75, '12 di 75 attività'],
    [1, 75, '1 di 75 attività'],
    [0, 75, '0 di 75 attività'],
  ])('%d of %d -> %s', (shown, total, expected) => {
    expect(countText(shown, total, templates)).toBe(expected);
  });

  test('formats numbers with the given function, leaves unknown placeholders', () => {
    expect(countText(5000, 5000, templates, (n) => n.toLocaleString('it-IT', { useGrouping: 'always' }))).toBe('5.000 attività');
    expect(fillTemplate('{a} e {b}', { a: 'uno' })).toBe('uno e {b}');
  });
});

describe('catalogue of cards', () => {
  const cards = [
    card('sportello', { title: 'Sportello', areas: [{ id: 'welfare', label: 'Welfare' }] }),
    card('gara', {
      title: 'Gara gas',
      status: 'concluso',
      start: '2018-04',
      end: '2020-12-31',
      budget: cents(873_995_000),
      funding: [{ id: 'pnrr', label: 'PNRR' }],
      areas: [{ id: 'ambiente', label: 'Ambiente' }],
    }),
    card('bando', {
      title: 'Bando',
      status: 'in-progettazione',
      start: '2025-03',
      budget: tbd,
      areas: [{ id: 'welfare', label: 'Welfare' }],
    }),
  ];

  test('facets: labels from the cards and it.json, counts, static view links', () => {
    const facets = catalogueFacets('org', cards, YEAR);
    const summary = Object.fromEntries(facets.map((f) => [f.key, f.values.map((v) => `${v.label}=${v.count}`)]));
    expect(summary).toEqual({
      stato: ['Attivo=1', 'In progettazione=1', 'Concluso=1'],
      area: ['Ambiente=1', 'Welfare=2'],
      anno: ['2018=1', '2019=1', '2020=1', '2025=1', '2026=1', 'Senza date=1'],
      finanziamento: ['PNRR=1'],
      importo: ['Oltre 1 milione=1', 'In definizione=1', 'Non indicato=1'],
    });
    expect(facets[0]?.values[0]?.href).toBe('/org/attivita/stato/attivo/');
    expect(facets[2]?.values.at(-1)?.href).toBe('/org/attivita/anno/senza-date/');
  });

  test.each([
    ['area', 'welfare', ['org/bando', 'org/sportello']],
    ['anno', '2019', ['org/gara']],
    ['anno', 'senza-date', ['org/sportello']],
    ['importo', 'oltre-1-milione', ['org/gara']],
  ] as const)('static view %s/%s', (facet, value, ids) => {
    expect(facetViewCards(cards, facet, value, YEAR).map((c) => c.id)).toEqual(ids);
  });

  test('all the static views at once list the same cards as one view at a time', () => {
    const views = facetViewsWithCards(catalogueFacets('org', cards, YEAR), cards, YEAR);
    expect(views.length).toBeGreaterThan(5);
    for (const view of views) expect(view.cards).toEqual(facetViewCards(cards, view.facet, view.value, YEAR));
  });

  test('filterCards sorts in the state order', () => {
    expect(filterCards(cards, filter({ ordina: 'titolo' }), YEAR).map((c) => c.title)).toEqual(['Bando', 'Gara gas', 'Sportello']);
  });

  test.each([
    [cents(873_995_000), '8.739.950,00 €'],
    [cents(6_000_000), '60.000,00 €'],
    [tbd, 'In definizione'],
    [null, ''],
  ])('budget %o shows as %s', (budget, expected) => {
    expect(cardBudget({ budget }).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  test('feed: newest start first, undated last without a date', () => {
    const items = feedItems(cards, YEAR);
    expect(items.map((i) => i.link)).toEqual(['/org/attivita/bando/', '/org/attivita/gara/', '/org/attivita/sportello/']);
    expect(items[0]?.pubDate?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(items[2]?.pubDate).toBeUndefined();
    expect(items[1]?.description).toBe('Sintesi di gara');
  });

  test('funding across organizations; a programme no card cites is left out (no page onto an empty list)', () => {
    const other = {
      ...card('altro', { title: 'Altro', funding: [{ id: 'pnrr', label: 'PNRR' }] }),
      id: 'alfa/altro',
      organization: { id: 'alfa' },
    };
    const all = [...cards, other];
    const programmes = [
      { id: 'pnrr', label: 'PNRR' },
      { id: 'fami', label: 'FAMI' },
    ];
    expect(fundingIndex(programmes, all).map((p) => [p.programme.id, p.count])).toEqual([['pnrr', 2]]);
    const orgs = [
      { id: 'org', name: { full: 'Org', short: 'Org' } },
      { id: 'alfa', name: { full: 'Alfa', short: 'Alfa' } },
    ];
    expect(fundingGroups('pnrr', all, orgs).map((g) => [g.organization.id, g.cards.map((c) => c.id)])).toEqual([
      ['alfa', ['alfa/altro']],
      ['org', ['org/gara']],
    ]);
  });
});

describe('text search in the catalogue', () => {
  test.each([
    ['Sportello Rifiuti – ANCI', 'sportello rifiuti anci'],
    ['Attività  per l’Unione', 'attivita per l unione'],
    ['PNRR: più Comuni!', 'pnrr piu comuni'],
  ])('searchable(%j) = %j', (text, expected) => {
    expect(searchable(text)).toBe(expected);
  });

  test.each([
    ['sportello rifiuti anci', '', true],
    ['sportello rifiuti anci', 'rifiuti', true],
    ['sportello rifiuti anci', 'rif anci', true],
    ['sportello rifiuti anci', 'rifiuti toscana', false],
  ])('containsWords(%j, %j) = %s', (text, query, expected) => {
    expect(containsWords(text, query)).toBe(expected);
  });

  const records = [
    record({ title: 'Sportello rifiuti', text: searchable('Sportello rifiuti. Gestione dei rifiuti urbani. Ambiente') }),
    record({ title: 'Lombardia dei giovani', text: searchable('Lombardia dei giovani. Politiche giovanili. Giovani'), status: 'concluso' }),
    record({ title: 'Nidi gratis' }),
  ];

  test.each([
    ['', [true, true, true]],
    ['rifiuti', [true, false, false]],
    ['Giovani', [false, true, false]],
    ['città', [false, false, false]],
    ['nidi', [false, false, true]],
  ])('«%s» keeps %j (accents and case ignored; without a text, the title)', (q, expected) => {
    expect(records.map((r) => matches(r, filter({ q })))).toEqual(expected);
  });

  test('the text search combines with the facets, and counts follow it', () => {
    expect(records.map((r) => matches(r, filter({ q: 'i', stato: ['concluso'] })))).toEqual([false, true, false]);
    expect(facetCounts(records, filter({ q: 'rifiuti' })).stato.get('concluso')).toBeUndefined();
    expect(isFiltering(filter({ q: 'x' }))).toBe(true);
  });

  test('the list item text read back by the script is made searchable', () => {
    expect(recordFromData({ stato: 'attivo' }, 'Titolo', 'Titolo. Città').text).toBe('titolo citta');
    expect(recordFromData({ stato: 'attivo' }, 'Titolo')).not.toHaveProperty('text');
  });
});

describe('€ total of what is shown', () => {
  const templates = { all: 'Totale: {amount}', some: 'Totale: {amount} ({counted} di {shown})', none: 'Nessun importo' };
  test.each([
    [[], 0, { cents: 0, counted: 0 }, 'Nessun importo'],
    [[null, null], 2, { cents: 0, counted: 0 }, 'Nessun importo'],
    [[171406700, 50], 2, { cents: 171406750, counted: 2 }, 'Totale: 1.714.067,50\u00a0€'],
    [[171406700, null, 100], 3, { cents: 171406800, counted: 2 }, 'Totale: 1.714.068,00\u00a0€ (2 di 3)'],
  ])('%j', (amounts, shown, total, text) => {
    const result = budgetTotal(amounts.map((cents) => ({ cents })));
    expect(result).toEqual(total);
    expect(totalText(result, shown, templates)).toBe(text);
  });
});

describe('the shown list as CSV', () => {
  const rows = [
    ['id', 'organizzazione', 'titolo', 'importo_euro'],
    ['org/a', 'org', 'Primo, con virgola', '10.00'],
    ['org/b', 'org', "'=SOMMA(A1)", ''],
    ['org/c', 'org', 'Terzo', '5.50'],
  ];

  test('keeps the rows of the shown cards, in the order shown, with the same header and cells', () => {
    expect(cardRowsCsv(rows, ['/org/attivita/c/', '/org/attivita/b/', '/org/attivita/sconosciuta/'])).toBe(
      "\uFEFFid,organizzazione,titolo,importo_euro\r\norg/c,org,Terzo,5.50\r\norg/b,org,'=SOMMA(A1),\r\n",
    );
  });

  test('no shown card: the header alone', () => {
    expect(cardRowsCsv(rows, [])).toBe('\uFEFFid,organizzazione,titolo,importo_euro\r\n');
  });

  test('a file without an id column is not the cards file', () => {
    expect(() => cardRowsCsv([['titolo'], ['x']], [])).toThrow('colonna id');
  });
});
