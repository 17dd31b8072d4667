import { describe, expect, test } from 'vitest';
import type { z } from 'astro/zod';
import { OrganizationSchema } from '../../src/schemas/organization.ts';
import { ProjectSchema } from '../../src/schemas/project.ts';
import { PlanSchema } from '../../src/schemas/plan.ts';
import { StatsTableSchema } from '../../src/schemas/stats.ts';
import { ReportSchema } from '../../src/schemas/report.ts';
import { PageSchema } from '../../src/schemas/page.ts';
import { FundingProgrammeSchema } from '../../src/schemas/funding.ts';
import { specificIssue } from '../../src/lib/validate/load.ts';
import { applyCsvValues } from '../../src/lib/validate/stats-csv.ts';

const card = { kind: 'progetto', title: 'Concessioni Stogit', summary: 'Azioni coordinate.', status: 'attivo' };
const plan = {
  year: 2021,
  title: 'Piano attività 2021',
  sections: [{ id: 'rappresentanza', title: 'Rappresentanza', objectives: [{ id: 'riforma-cal', text: 'Riforma del CAL' }] }],
};
const table = {
  title: 'Eventi',
  periods: [2023, { year: 2024, through: '2024-06' }],
  rows: [{ id: 'eventi', label: 'eventi', values: [103, 50] }],
};

/** First issue message, or 'ok'. */
function firstMessage(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  return result.success ? 'ok' : `${result.error.issues[0]?.path.join('.')}: ${result.error.issues[0]?.message}`;
}

describe('ProjectSchema', () => {
  test.each([
    ['minimal card', card, 'ok'],
    ['budget as euro number', { ...card, budget: 1714067.0 }, 'ok'],
    ['budget in definizione', { ...card, budget: 'in definizione' }, 'ok'],
    ['dates at each precision', { ...card, start: '2017-09-09', end: '2019-11' }, 'ok'],
    ['year as YAML number', { ...card, start: 2018 }, 'ok'],
    ['date object from js-yaml', { ...card, start: new Date('2020-11-27T00:00:00Z') }, 'ok'],
    [
      'Italian budget string',
      { ...card, budget: '1.714.067,00 €' },
      'budget: atteso un importo in euro come numero (es. 8739950.00) oppure "in definizione"',
    ],
    [
      'three decimals',
      { ...card, budget: 12.345 },
      'budget: atteso un importo in euro come numero (es. 8739950.00) oppure "in definizione"',
    ],
    ['unknown status', { ...card, status: 'attivissimo' }, 'status: atteso uno di: attivo, in-progettazione, concluso'],
    ['impossible date', { ...card, start: '2025-02-30' }, 'start: questa data non esiste nel calendario'],
    [
      'badly written date',
      { ...card, start: '27/11/2020' },
      'start: attesa una data nella forma AAAA-MM-GG, AAAA-MM oppure AAAA (es. 2023-06-27)',
    ],
    ['end before start', { ...card, start: '2020-01-01', end: '2019' }, "end: la fine (2019) viene prima dell'inizio (2020-01-01)"],
    ['concluso without end', { ...card, status: 'concluso' }, 'status: un progetto "concluso" deve avere la data di fine (end)'],
    [
      'partner with both fields',
      { ...card, partners: [{ organization: 'ancilab', name: 'AnciLab' }] },
      'partners.0: indica "organization" (identificativo di un\'organizzazione) oppure "name" (testo libero), uno solo dei due',
    ],
    [
      'related not a reference',
      { ...card, related: ['piccoli'] },
      'related.0: atteso un riferimento nella forma "organizzazione/identificativo" (es. "anci-nazionale/piccoli")',
    ],
    ['unknown key', { ...card, titel: 'x' }, ': Unrecognized key: "titel"'],
    ['empty title', { ...card, title: '  ' }, 'title: il testo non può essere vuoto'],
  ])('%s', (_name, value, expected) => {
    expect(firstMessage(ProjectSchema, value)).toBe(expected);
  });

  test('budget is held as integer cents', () => {
    expect(ProjectSchema.parse({ ...card, budget: 40316.24 }).budget).toBe(4031624);
    expect(ProjectSchema.parse({ ...card, budget: 8739950.0 }).budget).toBe(873995000);
  });
});

describe('PlanSchema', () => {
  test.each([
    ['valid plan', plan, 'ok'],
    [
      'continues reference',
      {
        ...plan,
        sections: [{ ...plan.sections[0], objectives: [{ id: 'riforma-cal', text: 'x', continues: 'anci-toscana/2018/riforma-cal' }] }],
      },
      'ok',
    ],
    [
      'bad continues',
      { ...plan, sections: [{ ...plan.sections[0], objectives: [{ id: 'riforma-cal', text: 'x', continues: 'riforma-cal' }] }] },
      'sections.0.objectives.0.continues: atteso un riferimento nella forma "organizzazione/anno/obiettivo" (es. "anci-toscana/2018/riforma-cal")',
    ],
    ['year as text', { ...plan, year: 'duemilaventuno' }, "year: atteso l'anno come numero (es. 2021)"],
    ['no sections', { ...plan, sections: [] }, 'sections: un piano ha almeno una sezione'],
    [
      'bad outcome',
      { ...plan, sections: [{ ...plan.sections[0], objectives: [{ id: 'a', text: 'x', outcomes: [{ status: 'fatto', asOf: '2021' }] }] }] },
      'sections.0.objectives.0.outcomes.0.status: atteso uno di: raggiunto, parziale, non-raggiunto, in-corso, abbandonato',
    ],
    [
      'two evidences in one',
      {
        ...plan,
        sections: [
          {
            ...plan.sections[0],
            objectives: [
              { id: 'a', text: 'x', outcomes: [{ status: 'raggiunto', asOf: '2021', evidence: [{ card: 'a/b', stats: 'a/c' }] }] },
            ],
          },
        ],
      },
      'sections.0.objectives.0.outcomes.0.evidence.0: indica una sola evidenza: "card", "stats" oppure "headline"',
    ],
  ])('%s', (_name, value, expected) => {
    expect(firstMessage(PlanSchema, value)).toBe(expected);
  });
});

describe('StatsTableSchema', () => {
  test.each([
    ['valid table', table, 'ok'],
    ['missing value is null', { ...table, rows: [{ id: 'eventi', label: 'eventi', values: [null, 50] }] }, 'ok'],
    [
      'text cell',
      { ...table, rows: [{ id: 'eventi', label: 'eventi', values: ['1.400', 50] }] },
      'rows.0.values.0: atteso un numero (col punto per i decimali, senza separatore delle migliaia) oppure null se il dato manca',
    ],
    [
      'bad partial month',
      { ...table, periods: [{ year: 2024, through: 'giugno' }] },
      'periods.0.through: atteso il mese finale nella forma AAAA-MM (es. "2024-06")',
    ],
    [
      'period as text',
      { ...table, periods: ['2019'] },
      'periods.0: atteso un anno (es. 2019) oppure { year: 2024, through: "2024-06" } per un periodo parziale',
    ],
    [
      'headline without row or declared',
      { ...table, headlines: [{ id: 'x', label: 'x' }] },
      'headlines.0.declared: una cifra senza "row" deve avere il valore stampato "declared"',
    ],
    [
      'headline row without compute',
      { ...table, headlines: [{ id: 'x', label: 'x', row: 'eventi' }] },
      'headlines.0.compute: una cifra calcolata da una riga deve dire come: compute: sum, mean, last o change',
    ],
    [
      'unknown kind',
      { ...table, rows: [{ id: 'eventi', label: 'eventi', kind: 'numero', values: [1, 2] }] },
      'rows.0.kind: atteso uno di: integer, decimal, percent, euro, rating',
    ],
  ])('%s', (_name, value, expected) => {
    expect(firstMessage(StatsTableSchema, value)).toBe(expected);
  });
});

describe('specificIssue: the useful message out of a union', () => {
  test.each([
    [{ ...card, budget: 12.345 }, 'budget', "l'importo può avere al massimo due decimali (centesimi)"],
    [{ ...card, budget: -5 }, 'budget', "l'importo non può essere negativo"],
    [{ ...card, budget: 'boh' }, 'budget', 'atteso un importo in euro come numero (es. 8739950.00) oppure "in definizione"'],
  ])('%#', (value, path, message) => {
    const result = ProjectSchema.safeParse(value);
    const issue = result.success ? undefined : specificIssue(result.error.issues[0]!);
    expect([issue?.path.join('.'), issue?.message]).toEqual([path, message]);
  });

  test('partial period with a bad month points at through', () => {
    const result = StatsTableSchema.safeParse({ ...table, periods: [{ year: 2024, through: 'giugno' }] });
    const issue = result.success ? undefined : specificIssue(result.error.issues[0]!);
    expect([issue?.path.join('.'), issue?.message]).toEqual([
      'periods.0.through',
      'atteso il mese finale nella forma AAAA-MM (es. "2024-06")',
    ]);
  });
});

describe('OrganizationSchema', () => {
  const org = { name: { full: 'ANCI Lombardia', short: 'ANCI Lombardia' }, kind: 'anci-regionale' };
  test.each([
    ['valid', org, 'ok'],
    [
      'CAP as number',
      { ...org, address: { street: 'Via Rovello 2', city: 'Milano', postalCode: 6055 } },
      'address.postalCode: atteso il CAP come testo tra virgolette (es. "06055")',
    ],
    ['CAP kept as text', { ...org, address: { street: 'Via Roma 1', city: 'Massa Martana', postalCode: '06056' } }, 'ok'],
    [
      'members above total',
      { ...org, membership: { members: 1600, of: 1506 } },
      'membership.members: i soci non possono essere più del totale (membership.of)',
    ],
    ['bad colour', { ...org, brandColor: 'blu' }, 'brandColor: atteso un colore esadecimale di 6 cifre tra virgolette (es. "#0066CC")'],
    ['bad kind', { ...org, kind: 'regione' }, 'kind: atteso uno di: anci-regionale, anci-nazionale, comune, altro'],
  ])('%s', (_name, value, expected) => {
    expect(firstMessage(OrganizationSchema, value)).toBe(expected);
  });
});

describe('ReportSchema, PageSchema, FundingProgrammeSchema', () => {
  const report = { kind: 'catalogo', title: 'Catalogo', chapters: [{ type: 'profile' }] };
  test.each([
    [ReportSchema, report, 'ok'],
    [
      ReportSchema,
      { ...report, chapters: [{ type: 'nope' }] },
      'chapters.0.type: ogni capitolo ha un "type" tra: markdown, profile, governance, stats, cards, plan, list',
    ],
    [
      ReportSchema,
      { ...report, chapters: [{ type: 'plan', plan: 'anci-toscana' }] },
      'chapters.0.plan: atteso "organizzazione/anno" (es. "anci-toscana/2021")',
    ],
    [ReportSchema, { ...report, chapters: [{ type: 'list', items: [] }] }, 'chapters.0.items: un elenco ha almeno una voce'],
    [ReportSchema, { ...report, kind: 'rivista' }, 'kind: atteso uno di: bilancio-sociale, catalogo, piano'],
    [PageSchema, { title: 'Lettera', kind: 'lettera' }, 'ok'],
    [PageSchema, { title: 'Lettera', kind: 'poesia' }, 'kind: atteso uno di: lettera, testo, nota-metodologica'],
    [FundingProgrammeSchema, { id: 'pnrr', label: 'PNRR' }, 'ok'],
    [
      FundingProgrammeSchema,
      { id: 'PNRR', label: 'PNRR' },
      'id: atteso un identificativo in minuscolo con trattini, senza spazi né accenti (es. "riforma-cal")',
    ],
  ])('%#', (schema, value, expected) => {
    expect(firstMessage(schema, value)).toBe(expected);
  });
});

describe('statistics values from CSV', () => {
  const csvTable = () =>
    StatsTableSchema.parse({
      title: 'Formazione',
      periods: [2023, { year: 2024, through: '2024-06' }],
      rows: [{ id: 'ore', label: 'ore' }],
    });

  test.each([
    ['valid, empty cell is null', 'riga,2023,2024\nore,1712,\n', [], [1712, null]],
    ['Italian thousands', 'riga,2023,2024\nore,1.712,5\n', ['data/x.csv:2:5 ore.2023 ore,1712,5'], [null, 5]],
    ['wrong header', 'riga,2022,2024\nore,1,2\n', ['data/x.csv:1:1 (intestazione) riga,2023,2024'], undefined],
    [
      'unknown row',
      'riga,2023,2024\norre,1,2\n',
      ["data/x.csv:2:1 orre aggiungi { id: orre, label: … } alle righe del file YAML, o correggi l'identificativo"],
      undefined,
    ],
    [
      'too few values',
      'riga,2023,2024\nore,1\n',
      ['data/x.csv:2:1 ore un valore per periodo; lascia la cella vuota dove il dato manca'],
      [1],
    ],
  ])('%s', (_name, csv, expected, values) => {
    const table = csvTable();
    const problems = applyCsvValues(table, csv, 'data/x.csv').map((p) => `${p.file}:${p.line}:${p.column} ${p.field} ${p.fix ?? ''}`);
    expect(problems).toEqual(expected);
    expect(table.rows[0]?.values).toEqual(values);
  });
});
