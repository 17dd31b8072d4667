import { describe, expect, test } from 'vitest';
import { applyBrand, mix, partialColour, seriesColour, type ColourableConfig } from '../../src/lib/site/chart-colours.ts';
import { chartRowSets, tableCharts } from '../../src/lib/site/chart.ts';
import { eventi, mixed, social, statsTable } from './stats-fixtures.ts';

const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('which rows share a chart', () => {
  test.each([
    ['eventi: events and participants differ 65-fold', eventi, [['eventi'], ['partecipanti']]],
    [
      'social: one group per chart, posts apart from views',
      social,
      [['facebook-post'], ['facebook-visualizzazioni'], ['instagram-post'], ['whatsapp-aggiornamenti']],
    ],
    ['mixed: units and kinds never share an axis', mixed, [['ore'], ['giornate'], ['soddisfazione'], ['spesa'], ['voto']]],
  ])('%s', (_, table, expected) => {
    expect(chartRowSets(table.rows).map((set) => set.map((r) => r.id))).toEqual(expected);
  });

  test('comparable rows of one kind and unit share a chart, in table order', () => {
    const table = statsTable('servizi', {
      title: 'Servizi',
      periods: [2022, 2023],
      rows: [
        { id: 'tipologie', label: 'tipologie', values: [12, 13] },
        { id: 'prestazioni', label: 'prestazioni', values: [355, 370] },
        { id: 'enti', label: 'enti serviti', values: [252, 249] },
        { id: 'vuota', label: 'vuota', values: [null, null] },
      ],
    });
    expect(chartRowSets(table.rows).map((set) => set.map((r) => r.id))).toEqual([['tipologie'], ['prestazioni', 'enti']]);
    const [, chart] = tableCharts(table);
    expect(chart?.title).toBe('Prestazioni · Enti serviti');
    expect(chart?.config.data.datasets.map((d) => d.label)).toEqual(['prestazioni', 'enti serviti']);
    expect(chart?.config.options.plugins.legend.display).toBe(true);
  });

  test('series of different magnitudes get charts of their own: 48–401 never on the axis of 1.488–1.605', () => {
    const table = statsTable('studi', {
      title: 'Studi e ricerche',
      periods: [2019, 2020, 2021, 2022, 2023, 2024],
      rows: [
        { id: 'schede', label: 'schede, quesiti e note', values: [64, 106, 401, 152, 91, 48] },
        { id: 'iscritti', label: 'iscritti', values: [1488, 1563, 1572, 1585, 1588, 1605] },
      ],
    });
    expect(chartRowSets(table.rows).map((set) => set.map((r) => r.id))).toEqual([['schede'], ['iscritti']]);
  });

  test('every dataset of a chart has the same kind and unit', () => {
    for (const table of [eventi, social, mixed]) {
      for (const set of chartRowSets(table.rows)) {
        expect(new Set(set.map((r) => `${r.kind}|${r.unit ?? ''}|${r.group ?? ''}`)).size).toBe(1);
      }
    }
  });
});

describe('chart configuration', () => {
  const [events] = tableCharts(eventi);

  test('bars over the periods, the partial one labelled "(parziale)" and flagged', () => {
    expect(events?.config.type).toBe('bar');
    expect(events?.config.data.labels).toEqual(['2019', '2020', '2021', '2022', '2023', ['gen–giu 2024', '(parziale)']]);
    expect(events?.config.data.datasets[0]?.data).toEqual([164, 66, 85, 101, 103, 50]);
    expect(events?.config.data.datasets[0]?.partial).toEqual([false, false, false, false, false, true]);
    expect(events?.config.options.plugins.partialBars.indexes).toEqual([5]);
  });

  test('no animation, fixed-height responsive, one series without legend', () => {
    expect(events?.config.options).toMatchObject({ animation: false, responsive: true, maintainAspectRatio: false });
    expect(events?.config.options.plugins.legend.display).toBe(false);
  });

  test('missing values stay gaps, not zeros', () => {
    const instagram = tableCharts(social).find((c) => c.title === 'Instagram: post/stories pubblicati');
    expect(instagram?.config.data.datasets[0]?.data).toEqual([null, null, 288, 450, 580, 388]);
  });

  test.each([
    ['Ore di formazione (ore)', 'ore'],
    ['Soddisfazione', '%'],
    ['Spesa', '€'],
  ])('%s has its unit on the axis', (title, unit) => {
    const chart = tableCharts(mixed).find((c) => c.title === title);
    expect(chart?.config.options.scales.y.title).toEqual({ display: true, text: unit });
  });

  test('a rating chart tops at its scale', () => {
    expect(tableCharts(mixed).find((c) => c.kind === 'rating')?.config.options.scales.y.max).toBe(5);
  });

  test('is JSON (it travels in a data attribute)', () => {
    expect(JSON.parse(JSON.stringify(events?.config))).toEqual(events?.config);
  });
});

describe('text alternative', () => {
  test.each([
    [
      eventi,
      'Eventi',
      'Grafico a barre di «eventi», dal 2019 a gennaio–giugno 2024. «eventi»: massimo 164 nel 2019, minimo 66 nel 2020. «eventi» nel periodo parziale gennaio–giugno 2024: 50. Il periodo gennaio–giugno 2024 non è un anno intero: la sua barra è più chiara e tratteggiata e non va confrontata alla pari con gli anni interi.',
    ],
    [
      social,
      'WhatsApp: aggiornamenti pubblicati',
      'Grafico a barre di «WhatsApp: aggiornamenti pubblicati», dal 2019 a gennaio–giugno 2024. «WhatsApp: aggiornamenti pubblicati» nel periodo parziale gennaio–giugno 2024: 36. «WhatsApp: aggiornamenti pubblicati»: dati non disponibili per 2019, 2020, 2021, 2022 e 2023. Il periodo gennaio–giugno 2024 non è un anno intero: la sua barra è più chiara e tratteggiata e non va confrontata alla pari con gli anni interi.',
    ],
    [
      mixed,
      'Soddisfazione',
      'Grafico a barre di «soddisfazione», dal 2021 al 2023. «soddisfazione»: massimo 93,5% nel 2022, minimo 91% nel 2021. «soddisfazione»: dati non disponibili per 2023.',
    ],
  ])('%#: %s', (table, title, expected) => {
    const chart = tableCharts(table).find((c) => c.title === title);
    expect(plain(chart?.textAlternative ?? '')).toBe(expected);
  });
});

describe('brand colours', () => {
  test.each([
    ['#0066cc', '#ffffff', 0.5, '#80b3e6'],
    ['#0066cc', '#000000', 0, '#0066cc'],
    ['#06c', '#ffffff', 1, '#ffffff'],
    ['not a colour', '#ffffff', 0.5, 'not a colour'],
  ])('mix(%s, %s, %d) = %s', (colour, target, amount, expected) => {
    expect(mix(colour, target, amount)).toBe(expected);
  });

  test('each series a shade of the brand, partial bars lighter', () => {
    const config = applyBrand(structuredClone(tableCharts(eventi)[0]?.config ?? { data: { datasets: [] } }), ' #0066cc');
    const dataset = config.data.datasets[0];
    expect(dataset?.borderColor).toBe(seriesColour('#0066cc', 0));
    expect(dataset?.backgroundColor).toEqual([...Array<string>(5).fill('#0066cc'), partialColour('#0066cc')]);
    expect(partialColour('#0066cc')).not.toBe('#0066cc');
    expect(seriesColour('#0066cc', 1)).not.toBe(seriesColour('#0066cc', 0));
  });

  test('an unreadable brand falls back to the default blue', () => {
    const config = applyBrand<ColourableConfig>({ data: { datasets: [{ partial: [false] }] } }, '');
    expect(config.data.datasets[0]?.backgroundColor).toEqual(['#0066cc']);
  });
});
