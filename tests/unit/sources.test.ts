/** Citations in words and editions, from the register of source documents. */
import { describe, expect, test } from 'vitest';
import {
  cardStatusText,
  citation,
  editionLine,
  editionYear,
  latestEdition,
  networkEditionLine,
  networkEditions,
} from '../../src/lib/site/sources.ts';
import { DocumentListSchema } from '../../src/schemas/document.ts';

const register = [
  { file: '003_212a1361b903dde0.txt', title: 'Catalogo delle attività 2024', organization: 'anci-lombardia', edition: '2024' },
  { file: '000_761f69c9c14e8f3f.txt', title: 'Piano attività 2021', organization: 'anci-toscana', edition: '2021' },
  { file: '002_62e46300c2cd0425.txt', title: 'Bilancio sociale 2019 – giugno 2024', organization: 'anci-toscana', edition: '2024-06' },
];

describe('a source as readers read it', () => {
  test.each([
    [{ document: '003_212a1361b903dde0.txt', page: 24 }, 'Catalogo delle attività 2024, p. 24'],
    [{ document: '003_212a1361b903dde0.txt', page: '24-25' }, 'Catalogo delle attività 2024, pp. 24-25'],
    [
      { document: '003_212a1361b903dde0.txt', section: 'Cosa stiamo facendo' },
      'Catalogo delle attività 2024, sezione «Cosa stiamo facendo»',
    ],
    [{ document: '000_761f69c9c14e8f3f.txt' }, 'Piano attività 2021'],
    // Not in the register: no citation rather than a file name.
    [{ document: '009_ffffffffffffffff.txt', page: 3 }, null],
    [undefined, null],
  ])('%o → %s', (source, expected) => {
    expect(citation(source, register)).toBe(expected);
  });
});

describe('the edition an organization’s data comes from', () => {
  test.each([
    ['anci-toscana', 'Bilancio sociale 2019 – giugno 2024', 'a giugno 2024'],
    ['anci-lombardia', 'Catalogo delle attività 2024', 'nel 2024'],
  ])('%s: %s, %s', (organization, title, asOf) => {
    expect(latestEdition(register, organization)).toMatchObject({ title, asOf });
  });

  test('no document, no edition', () => {
    expect(latestEdition(register, 'ifel')).toBeNull();
    expect(editionLine(register, 'ifel')).toBeNull();
  });

  test.each([
    ['anci-lombardia', 2026, 2024],
    ['anci-lombardia', 2023, 2023],
    ['ifel', 2026, 2026],
  ])('%s in %d: years run up to %d', (organization, year, expected) => {
    expect(editionYear(register, organization, year)).toBe(expected);
  });

  test('the line under every page', () => {
    expect(editionLine(register, 'anci-toscana')).toBe('Dati tratti da: Bilancio sociale 2019 – giugno 2024 (edizione giugno 2024).');
  });
});

describe('a card’s status, as of its organization’s edition', () => {
  test.each([
    ['attivo', 'anci-lombardia', 'Attivo nel 2024'],
    ['in-progettazione', 'anci-lombardia', 'In progettazione nel 2024'],
    ['attivo', 'anci-toscana', 'Attivo a giugno 2024'],
    // concluded is concluded whatever the date
    ['concluso', 'anci-lombardia', 'Concluso'],
    // no edition in the register: no date rather than today's
    ['attivo', 'ifel', 'Attivo'],
  ] as const)('%s (%s) → %s', (status, organization, expected) => {
    expect(cardStatusText({ status, organization: { id: organization } }, register)).toBe(expected);
  });
});

describe('the editions of the pages of no single organization', () => {
  const organizations = [
    { id: 'anci-toscana', name: { short: 'ANCI Toscana' } },
    { id: 'ifel', name: { short: 'IFEL' } },
    { id: 'anci-lombardia', name: { short: 'ANCI Lombardia' } },
  ];

  test('each organization’s latest edition, in the order of the register; none for an organization without documents', () => {
    expect(networkEditions(register, organizations)).toEqual([
      { organization: 'ANCI Lombardia', title: 'Catalogo delle attività 2024', edition: '2024' },
      { organization: 'ANCI Toscana', title: 'Bilancio sociale 2019 – giugno 2024', edition: 'giugno 2024' },
    ]);
  });

  test.each([
    [
      organizations,
      'Dati tratti da: Catalogo delle attività 2024 (ANCI Lombardia, edizione 2024); Bilancio sociale 2019 – giugno 2024 (ANCI Toscana, edizione giugno 2024).',
    ],
    [
      [{ id: 'anci-lombardia', name: { short: 'ANCI Lombardia' } }],
      'Dati tratti da: Catalogo delle attività 2024 (ANCI Lombardia, edizione 2024).',
    ],
    [[{ id: 'ifel', name: { short: 'IFEL' } }], null],
  ])('the footer line %#', (orgs, expected) => {
    expect(networkEditionLine(networkEditions(register, orgs))).toBe(expected);
  });
});

describe('the register file', () => {
  test('one entry per document file', () => {
    const result = DocumentListSchema.safeParse([
      { file: 'a.txt', title: 'A', organization: 'anci-prova', edition: '2024', kind: 'catalogo' },
      { file: 'a.txt', title: 'A bis', organization: 'anci-prova', edition: '2024', kind: 'catalogo' },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['1.file', 'il documento «a.txt» è già nel registro: tieni una sola voce per file'],
    ]);
  });

  test.each([
    [{ file: 'cartella/a.txt', title: 'A', organization: 'anci-prova', edition: '2024', kind: 'catalogo' }, 'file'],
    [{ file: 'a.txt', title: 'A', organization: 'anci-prova', edition: '2024-13', kind: 'catalogo' }, 'edition'],
    [{ file: 'a.txt', title: 'A', organization: 'anci-prova', edition: '2024', kind: 'rivista' }, 'kind'],
  ])('%o is refused at %s', (entry, field) => {
    const result = DocumentListSchema.safeParse([entry]);
    expect(result.error?.issues.map((i) => i.path.at(-1))).toEqual([field]);
  });
});
