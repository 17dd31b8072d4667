/**
 * The browser editor's pure rules (src/editor/lib/): which control each field of the real JSON
 * Schemas becomes, what a new item starts with, the validator's field paths, dates at their
 * precision, numbers typed the Italian way, the statistics grid's cells, a new entry's file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyValue, fieldKind, itemTitle, matchingAlternative, type SchemaNode } from '../../src/editor/lib/json-schema.ts';
import { newEntryPath } from '../../src/editor/lib/entry-path.ts';
import { EDITOR_SCHEMAS, editorSchemaText } from '../../src/lib/editor-schemas.ts';
import { cellText, cellValue, periodHeading } from '../../src/editor/lib/stats-grid.ts';
import {
  changePrecision,
  dateParts,
  dateValue,
  fieldId,
  formatFieldPath,
  getIn,
  parseFieldPath,
  parseTypedNumber,
  setIn,
} from '../../src/editor/lib/values.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const schema = (file: string): SchemaNode =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'src', 'schemas', 'json', file), 'utf8')) as SchemaNode;
const card = schema('scheda.schema.json');
const plan = schema('piano.schema.json');
const stats = schema('tabella.schema.json');
const organization = schema('organizzazione.schema.json');
const report = schema('report.schema.json');

const at = (node: SchemaNode, ...keys: string[]): SchemaNode =>
  keys.reduce<SchemaNode>((current, key) => (key === 'items' ? current.items! : current.properties![key]!), node);

describe('every field of the real schemas gets the control its hint or type asks for', () => {
  test.each([
    ['card kind', at(card, 'kind'), 'enum'],
    ['card title', at(card, 'title'), 'text'],
    ['card start', at(card, 'start'), 'partial-date'],
    ['card budget (amount or «in definizione»)', at(card, 'budget'), 'amount'],
    ['card areas', at(card, 'areas'), 'array'],
    ['an area of a card', at(card, 'areas', 'items'), 'ref'],
    ['a funding programme of a card', at(card, 'funding', 'items'), 'ref'],
    ['a related card', at(card, 'related', 'items'), 'ref'],
    ['a partner organization', at(card, 'partners', 'items', 'organization'), 'ref'],
    ['card cover', at(card, 'cover'), 'image'],
    ['source document', at(card, 'source', 'document'), 'ref'],
    ['source page (number or text)', at(card, 'source', 'page'), 'scalar-union'],
    ['objective continues', at(plan, 'sections', 'items', 'objectives', 'items', 'continues'), 'ref'],
    ['section narrative', at(plan, 'sections', 'items', 'narrative'), 'markdown'],
    ['plan year', at(plan, 'year'), 'number'],
    ['stats rows', at(stats, 'rows'), 'stats-grid'],
    ['a stats period (year or partial)', at(stats, 'periods', 'items'), 'union'],
    ['a stats cell (number or null)', at(stats, 'rows', 'items', 'values', 'items'), 'number'],
    ['a row change flag', at(stats, 'rows', 'items', 'change'), 'boolean'],
    ['organization colour', at(organization, 'brandColor'), 'color'],
    ['organization parent', at(organization, 'parent'), 'ref'],
    ['a report chapter', at(report, 'chapters', 'items'), 'union'],
  ])('%s', (_name, node, kind) => {
    expect(fieldKind(node)).toBe(kind);
  });

  test('the references say what they pick from', () => {
    expect(at(card, 'related', 'items').editor).toEqual({ widget: 'ref', ref: 'projects' });
    expect(at(plan, 'sections', 'items', 'objectives', 'items', 'continues').editor).toEqual({ widget: 'ref', ref: 'objectives' });
    expect(at(card, 'areas', 'items').editor?.ref).toBe('areas');
    expect(at(card, 'funding', 'items').editor?.ref).toBe('funding');
    expect(at(card, 'source', 'document').editor?.ref).toBe('documents');
  });
});

describe('a new item starts with its required fields, empty', () => {
  test.each([
    ['a card', card, { kind: undefined, title: '', summary: '', status: undefined }],
    ['a partner (nothing required: organization or name)', at(card, 'partners', 'items'), {}],
    ['an objective', at(plan, 'sections', 'items', 'objectives', 'items'), { id: '', text: '' }],
    ['an image', at(card, 'cover'), { src: '', alt: '' }],
    ['a list', at(card, 'related'), []],
    ['a stats row', at(stats, 'rows', 'items'), { id: '', label: '' }],
  ])('%s', (_name, node, expected) => {
    // Keys without a value are left out, as the file would leave them.
    const clean = JSON.parse(JSON.stringify(expected)) as unknown;
    expect(emptyValue(node)).toEqual(clean);
  });

  test('a chapter keeps its type', () => {
    const chapters = at(report, 'chapters', 'items');
    expect(emptyValue(chapters)).toMatchObject({ type: expect.any(String) as unknown });
  });
});

describe('the form of a union follows the value', () => {
  const period = at(stats, 'periods', 'items');
  const chapter = at(report, 'chapters', 'items');
  test.each([
    ['a whole year', period, 2019, 'number'],
    ['a partial year', period, { year: 2024, through: '2024-06' }, 'object'],
  ])('%s', (_name, node, value, kind) => {
    expect(fieldKind(node.anyOf![matchingAlternative(node, value)]!)).toBe(kind);
  });
  test('a chapter by its type', () => {
    const options = chapter.anyOf ?? chapter.oneOf ?? [];
    const index = matchingAlternative(chapter, { type: 'plan', plan: 'anci-toscana/2021' });
    expect(options[index]?.properties?.['type']?.const).toBe('plan');
  });
});

describe('field paths as the validator writes them', () => {
  test.each([
    ['sections[2].objectives[0].text', ['sections', 2, 'objectives', 0, 'text']],
    ['[3].label', [3, 'label']],
    ['title', ['title']],
    ['', []],
  ])('%s', (field, segments) => {
    expect(parseFieldPath(field)).toEqual(segments);
    expect(formatFieldPath(segments)).toBe(field);
  });
  test('control ids', () => {
    expect(fieldId(['sections', 2, 'objectives', 0, 'text'])).toBe('campo-sections-2-objectives-0-text');
    expect(fieldId([])).toBe('campo');
  });
  test('setIn writes and removes, getIn reads; other keys are left alone', () => {
    const draft: Record<string, unknown> = { title: 'x', extra: 1 };
    setIn(draft, ['source', 'page'], 24);
    setIn(draft, ['rows', 0, 'values', 1], 5);
    setIn(draft, ['title'], undefined);
    expect(draft).toEqual({ extra: 1, source: { page: 24 }, rows: [{ values: [undefined, 5] }] });
    expect(getIn(draft, ['source', 'page'])).toBe(24);
    expect(getIn(draft, ['missing', 'x'])).toBeUndefined();
  });
});

describe('dates at their precision', () => {
  test.each([
    [2018, 'year', '2018'],
    ['2019-11', 'month', '2019-11'],
    ['2017-09-09', 'day', '2017-09-09'],
    ['31/12/2024', 'day', '31/12/2024'],
    [undefined, 'day', ''],
  ])('%s is read at %s precision', (value, precision, text) => {
    expect(dateParts(value)).toEqual({ precision, text });
  });
  test.each([
    ['year', '2018', 2018],
    ['month', '2019-11', '2019-11'],
    ['day', '2017-09-09', '2017-09-09'],
    ['day', '', undefined],
  ] as const)('%s «%s» is stored as %s', (precision, text, value) => {
    expect(dateValue(precision, text)).toBe(value);
  });
  test.each([
    ['2024-06-27', 'month', '2024-06'],
    ['2024-06', 'year', '2024'],
    ['2024', 'month', '2024-01'],
    ['2024', 'day', '2024-01-01'],
  ] as const)('%s to %s precision: %s', (text, precision, expected) => {
    expect(changePrecision(text, precision)).toBe(expected);
  });
});

describe('numbers typed the Italian way', () => {
  test.each([
    ['1400', 1400],
    ['1.400', 1400],
    ['1.400.000,50', 1400000.5],
    ['8739950,00', 8739950],
    ['8739950.00', 8739950],
    ['€ 12.500', 12500],
    ['1.5', 1.5],
    ['-3', -3],
    ['mille', null],
    ['', null],
  ])('«%s» → %s', (text, value) => {
    expect(parseTypedNumber(text)).toBe(value);
  });
});

describe('the statistics grid', () => {
  test.each([
    ['', null],
    ['  ', null],
    ['593', 593],
    ['1.234', 1234],
    ['12,5', 12.5],
    ['n.d.', 'n.d.'],
  ])('cell «%s» → %s', (text, value) => {
    expect(cellValue(text)).toBe(value);
  });
  test('an absent value shows as an empty cell', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(630)).toBe('630');
  });
  test.each([
    [2019, '2019'],
    [{ year: 2024, through: '2024-06', label: 'giugno 2024' }, 'giugno 2024'],
    [{ year: 2024, through: '2024-06' }, '2024 (fino a 2024-06)'],
  ])('period heading of %j', (period, heading) => {
    expect(periodHeading(period)).toBe(heading);
  });
});

describe('the file of a new entry', () => {
  test.each([
    [
      { dir: 'content/projects', layout: 'per-organization', ext: '.md', org: 'anci-lombardia', id: 'sportello' },
      { path: 'content/projects/anci-lombardia/sportello.md' },
    ],
    [
      { dir: 'data/organizations', layout: 'flat', ext: '.yaml', org: undefined, id: 'comune-prova' },
      { path: 'data/organizations/comune-prova.yaml' },
    ],
    [{ dir: 'data/funding.yaml', layout: 'list-file', ext: '.yaml', org: undefined, id: 'x' }, { path: 'data/funding.yaml' }],
  ] as const)('%j', (entry, expected) => {
    expect(newEntryPath(entry)).toEqual(expected);
  });
  test.each([
    ['Sportello Energia', '«Sportello Energia» non va bene come identificativo'],
    ['', 'Scrivi l’identificativo'],
  ])('«%s» is refused in Italian', (id, words) => {
    const made = newEntryPath({ dir: 'content/projects', layout: 'per-organization', ext: '.md', org: 'anci-lombardia', id });
    expect('error' in made && made.error).toContain(words);
  });
});

describe('item titles in lists', () => {
  test.each([
    [{ id: 'riforma-cal', text: 'Riforma del CAL' }, 'Riforma del CAL'],
    [{ name: { short: 'ANCI Lombardia' } }, 'ANCI Lombardia'],
    ['anci-nazionale/piccoli', 'anci-nazionale/piccoli'],
    [{}, undefined],
  ])('%j → %s', (value, title) => {
    expect(itemTitle(value)).toBe(title);
  });
});

describe('every field of every schema has its Italian name in the editor', () => {
  /** Every property name of a JSON Schema, walked as plain data. */
  function fieldNames(node: unknown, found = new Set<string>()): Set<string> {
    if (Array.isArray(node)) for (const item of node) fieldNames(item, found);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === 'properties' && value !== null && typeof value === 'object') for (const name of Object.keys(value)) found.add(name);
        fieldNames(value, found);
      }
    }
    return found;
  }
  const names = (
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'src', 'i18n', 'it.json'), 'utf8')) as { editor: { fields: Record<string, string> } }
  ).editor.fields;
  test.each(EDITOR_SCHEMAS.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
    const missing = [...fieldNames(JSON.parse(editorSchemaText(entry)))].filter((name) => names[name] === undefined);
    expect(missing, 'aggiungi il nome italiano in src/i18n/it.json, editor.fields').toEqual([]);
  });
});
