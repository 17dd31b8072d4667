import { describe, expect, test } from 'vitest';
import { describePeriods, headlineViews } from '../../src/lib/site/headlines.ts';
import { eventi, mixed, social } from './stats-fixtures.ts';

const byKey = (key: string) => {
  const view = headlineViews([eventi, social, mixed]).find((h) => h.key === key);
  if (!view) throw new Error(`no headline ${key}`);
  return view;
};
const plain = (text: string | undefined) => text?.replace(/\u00a0/g, ' ');

describe('headline values and methods', () => {
  test.each([
    [
      'anci-prova/eventi/eventi-totali',
      '569',
      'Somma di «eventi» 2019 – gen–giu 2024, dalla tabella «Eventi». Comprende il periodo parziale gennaio–giugno 2024.',
      'Il documento dichiara 552; la somma della tabella dà 569.',
    ],
    [
      'anci-prova/eventi/partecipanti-totali',
      '46.715',
      'Somma di «partecipanti» 2019 – gen–giu 2024, dalla tabella «Eventi». Comprende il periodo parziale gennaio–giugno 2024.',
      'Il documento dichiara 44.850; la somma della tabella dà 46.715.',
    ],
    [
      'anci-prova/social/ig-media',
      '439,33',
      'Media di «Instagram: post/stories pubblicati» 2019 – 2023, dalla tabella «La nostra presenza sui social». Dati non disponibili per 2019 – 2020: esclusi dal calcolo.',
      undefined,
    ],
    [
      'anci-prova/social/ig-ultimo',
      '388',
      'Ultimo valore di «Instagram: post/stories pubblicati» (gen–giu 2024), dalla tabella «La nostra presenza sui social». Comprende il periodo parziale gennaio–giugno 2024. Dati non disponibili per 2019 – 2020: esclusi dal calcolo.',
      undefined,
    ],
    [
      'anci-prova/social/fb-crescita',
      '+857',
      'Variazione di «Facebook: post pubblicati» tra 2019 e 2023, dalla tabella «La nostra presenza sui social». Coincide con la cifra stampata nel documento.',
      undefined,
    ],
    // Printed figures of a table with no publication in the register: no editors' remark instead.
    ['anci-prova/misto/valore', '8,3 milioni di euro', '', undefined],
    ['anci-prova/misto/voto', '4,33 su 5', '', undefined],
    [
      'anci-prova/misto/ore-totali',
      '4.907 ore',
      'Somma di «ore di formazione» 2021 – 2023, dalla tabella «Formazione e bilancio».',
      undefined,
    ],
  ])('%s', (key, value, method, differs) => {
    const view = byKey(key);
    expect(plain(view.value)).toBe(value);
    expect(view.method).toBe(method);
    expect(plain(view.differs)).toBe(differs);
  });

  test('keeps label, description and table title', () => {
    expect(byKey('anci-prova/misto/voto')).toMatchObject({
      label: 'valutazione media',
      description: 'scala 1-5',
      tableTitle: 'Formazione e bilancio',
    });
  });
});

describe('describePeriods', () => {
  test.each([
    [['2019', '2020', '2021', '2022', '2023', '2024'], '2019 – gen–giu 2024'],
    [['2021'], '2021'],
    [['2019', '2021', '2024'], '2019, 2021 e gen–giu 2024'],
    [[], ''],
  ])('%o -> %s', (ids, expected) => {
    expect(describePeriods(eventi.periods, ids)).toBe(expected);
  });
});

describe('a printed figure names its publication', () => {
  const register = [
    { file: '002_62e46300c2cd0425.txt', title: 'Bilancio sociale 2019 – giugno 2024', organization: 'anci-prova', edition: '2024-06' },
  ];
  test.each([
    [{ document: '002_62e46300c2cd0425.txt', page: 12 }, 'Fonte: Bilancio sociale 2019 – giugno 2024, p. 12.'],
    [{ document: '002_62e46300c2cd0425.txt' }, 'Fonte: Bilancio sociale 2019 – giugno 2024.'],
    [{ document: 'non-nel-registro.txt', page: 3 }, ''],
  ])('%o -> «%s»', (source, method) => {
    const view = headlineViews([{ ...mixed, source }], register).find((h) => h.key === 'anci-prova/misto/voto');
    expect(view?.method).toBe(method);
  });
});
