/**
 * The DCAT-AP_IT catalogue of the open data: every property the Italian profile marks mandatory
 * is there (catalogue, dataset, distribution, agent), with the EU vocabularies' URIs; nothing is
 * invented (no IPA code or contact point the content does not give); every prefix is declared.
 */
import { describe, expect, test } from 'vitest';
import {
  catalogContact,
  catalogGaps,
  catalogPublisher,
  datasetGroups,
  DCAT_CONTEXT,
  dcatCatalog,
  telUri,
  type DcatPublisher,
} from '../../src/lib/site/dcat-ap-it.ts';
import type { OpenDataFile } from '../../src/lib/site/open-data.ts';

const file = (name: string, format: 'csv' | 'json'): OpenDataFile => ({
  name,
  path: `${name}.${format}`,
  format,
  mediatype: format === 'csv' ? 'text/csv' : 'application/json',
  title: `Titolo ${name}`,
  description: `Descrizione ${name}`,
  content: 'àb\r\n',
});

const files = [
  file('schede', 'csv'),
  file('obiettivi', 'csv'),
  file('organizations', 'json'),
  file('projects', 'json'),
  file('plans', 'json'),
  file('datapackage', 'json'),
];
const publisher: DcatPublisher = { name: 'ANCI Lombardia', homepage: 'https://www.anci.lombardia.it' };
const input = {
  files,
  homepage: 'https://annuario.example.org/dati/',
  publisher,
  contact: { name: 'ANCI Lombardia', email: 'posta@anci.lombardia.it' },
  modified: '2026-06-30',
  title: 'Dati aperti',
  description: 'Tutti i dati.',
};

type Node = Record<string, unknown>;
const catalog = dcatCatalog(input);
const datasets = catalog['dcat:dataset'] as Node[];

describe('the catalogue', () => {
  test('is a dcatapit:Catalog with the mandatory properties', () => {
    expect(catalog['@type']).toEqual(['dcat:Catalog', 'dcatapit:Catalog']);
    for (const property of ['dct:title', 'dct:description', 'dct:publisher', 'dct:modified', 'dcat:dataset'])
      expect(catalog).toHaveProperty([property]);
    expect(catalog['dct:modified']).toEqual({ '@type': 'xsd:date', '@value': '2026-06-30' });
    expect(catalog['dcat:themeTaxonomy']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/data-theme' });
  });

  test('groups the two formats of the same data into one dataset, and leaves datapackage.json out', () => {
    expect(datasetGroups(files).map((group) => group.map((f) => f.path))).toEqual([
      ['schede.csv', 'projects.json'],
      ['obiettivi.csv', 'plans.json'],
      ['organizations.json'],
    ]);
  });
});

describe.each(datasets.map((dataset) => [dataset['@id'] as string, dataset] as const))('dataset %s', (_id, dataset) => {
  test('has the mandatory properties of a dcatapit:Dataset', () => {
    expect(dataset['@type']).toEqual(['dcat:Dataset', 'dcatapit:Dataset']);
    for (const property of [
      'dct:identifier',
      'dct:title',
      'dct:description',
      'dct:modified',
      'dcat:theme',
      'dct:rightsHolder',
      'dct:accrualPeriodicity',
    ])
      expect(dataset).toHaveProperty([property]);
    expect(dataset['dcat:theme']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/data-theme/GOVE' });
    expect(dataset['dct:accrualPeriodicity']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/frequency/ANNUAL' });
    expect(dataset['dcat:contactPoint']).toEqual({
      '@id': 'https://annuario.example.org/dati/#contatti',
      '@type': ['vcard:Organization', 'dcatapit:Organization'],
      'vcard:fn': 'ANCI Lombardia',
      'vcard:hasEmail': { '@id': 'mailto:posta@anci.lombardia.it' },
    });
  });

  test('each distribution has format, access URL and the CC BY 4.0 licence', () => {
    for (const distribution of dataset['dcat:distribution'] as Node[]) {
      expect(distribution['@type']).toEqual(['dcat:Distribution', 'dcatapit:Distribution']);
      expect((distribution['dct:format'] as Node)['@id']).toMatch(
        /^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(CSV|JSON)$/,
      );
      expect(distribution['dcat:accessURL']).toEqual({ '@id': 'https://annuario.example.org/dati/' });
      expect((distribution['dcat:downloadURL'] as Node)['@id']).toMatch(/^https:\/\/annuario\.example\.org\/dati\/\w+\.(csv|json)$/);
      expect(distribution['dcat:byteSize']).toEqual({ '@type': 'xsd:decimal', '@value': '5' });
      expect(distribution['dct:license']).toMatchObject({
        '@id': 'https://creativecommons.org/licenses/by/4.0/',
        '@type': ['dct:LicenseDocument', 'dcatapit:LicenseDocument'],
        'dct:type': { '@id': 'http://purl.org/adms/licencetype/Attribution' },
      });
    }
  });
});

describe('the publisher', () => {
  test('is an agent with its IPA code as dct:identifier when it has one', () => {
    const withCode = dcatCatalog({ ...input, publisher: { ...publisher, ipaCode: 'anci_lomb' } });
    expect(withCode['dct:publisher']).toEqual({
      '@id': 'https://www.anci.lombardia.it',
      '@type': ['foaf:Agent', 'dcatapit:Agent'],
      'foaf:name': { '@language': 'it', '@value': 'ANCI Lombardia' },
      'dct:identifier': 'anci_lomb',
    });
    expect((withCode['dcat:dataset'] as Node[])[0]?.['dct:identifier']).toBe('anci_lomb:schede');
  });

  test('without an IPA code, no dct:identifier; without a contact, no contact point', () => {
    const bare = dcatCatalog({
      ...input,
      publisher: { name: 'ANCI Nazionale', homepage: 'https://annuario.example.org/anci-nazionale/' },
      contact: undefined,
    });
    expect(bare['dct:publisher']).not.toHaveProperty(['dct:identifier']);
    expect((bare['dcat:dataset'] as Node[])[0]).not.toHaveProperty(['dcat:contactPoint']);
    expect((bare['dcat:dataset'] as Node[])[0]?.['dct:identifier']).toBe('annuario.example.org:schede');
  });

  test.each([
    ['one organization', [{ id: 'comune-x', kind: 'comune' }], 'comune-x'],
    [
      'the national association of a network',
      [
        { id: 'anci-lombardia', kind: 'anci-regionale' },
        { id: 'anci-nazionale', kind: 'anci-nazionale' },
      ],
      'anci-nazionale',
    ],
    [
      'else the first organization that belongs to no other',
      [
        { id: 'ancilab', kind: 'altro', parent: 'anci-lombardia' },
        { id: 'anci-toscana', kind: 'anci-regionale' },
        { id: 'anci-lombardia', kind: 'anci-regionale' },
      ],
      'anci-lombardia',
    ],
  ])('%s', (_case, organizations, expected) => {
    expect(catalogPublisher(organizations)?.id).toBe(expected);
  });
});

describe('the contact point', () => {
  const lombardia = { name: { full: 'ANCI Lombardia' }, contacts: { email: 'posta@anci.lombardia.it', phone: '02 7262 9601' } };
  const declared = { name: 'Ufficio comunicazione', email: 'dati@anci.lombardia.it' };

  test.each([
    ['the one declared for the open data', { contactPoint: declared }, lombardia, declared],
    [
      'else the publisher’s e-mail, under its name',
      undefined,
      lombardia,
      { name: 'ANCI Lombardia', email: 'posta@anci.lombardia.it', phone: '02 7262 9601' },
    ],
    ['else none: a publisher without an e-mail', {}, { name: { full: 'ANCI Nazionale' } }, undefined],
    ['else none: no publisher', undefined, undefined, undefined],
  ])('%s', (_case, config, organization, expected) => {
    expect(catalogContact(config, organization)).toEqual(expected);
  });

  test('a vCard with name, e-mail, and phone and page when given', () => {
    const full = dcatCatalog({
      ...input,
      contact: { ...declared, phone: '(+39) 02 72 62 96 01', url: 'https://www.anci.lombardia.it/contatti' },
    });
    expect((full['dcat:dataset'] as Node[])[0]?.['dcat:contactPoint']).toEqual({
      '@id': 'https://annuario.example.org/dati/#contatti',
      '@type': ['vcard:Organization', 'dcatapit:Organization'],
      'vcard:fn': 'Ufficio comunicazione',
      'vcard:hasEmail': { '@id': 'mailto:dati@anci.lombardia.it' },
      'vcard:hasTelephone': { '@type': 'vcard:Voice', 'vcard:hasValue': { '@id': 'tel:+390272629601' } },
      'vcard:hasURL': { '@id': 'https://www.anci.lombardia.it/contatti' },
    });
  });

  test.each([
    ['02 7262 9601', 'tel:+390272629601'],
    ['(+39) 02 72 62 96 01', 'tel:+390272629601'],
    ['+39 055 498 8900', 'tel:+390554988900'],
    ['800.123.456', 'tel:+39800123456'],
  ])('%s → %s', (phone, uri) => {
    expect(telUri(phone)).toBe(uri);
  });
});

describe('what the catalogue leaves out for want of data (the validator warns for each)', () => {
  test.each([
    ['nothing', {}, { name: { full: 'A' }, ipaCode: 'c_f205', contacts: { email: 'a@b.it' } }, []],
    ['the IPA code', {}, { name: { full: 'A' }, contacts: { email: 'a@b.it' } }, ['ipaCode']],
    ['the contact point', {}, { name: { full: 'A' }, ipaCode: 'c_f205' }, ['contactPoint']],
    ['both', undefined, { name: { full: 'ANCI Nazionale' } }, ['ipaCode', 'contactPoint']],
    [
      'the IPA code only, with a declared contact point',
      { contactPoint: { name: 'Ufficio', email: 'dati@b.it' } },
      { name: { full: 'A' } },
      ['ipaCode'],
    ],
  ])('%s', (_case, config, organization, expected) => {
    expect(catalogGaps(config, organization)).toEqual(expected);
  });
});

test('every prefix used is declared in the JSON-LD context', () => {
  const prefixes = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null)
      for (const [key, item] of Object.entries(value)) {
        if (!key.startsWith('@')) prefixes.add(key.split(':')[0] ?? '');
        if (key === '@type') for (const type of [item].flat() as string[]) prefixes.add(type.split(':')[0] ?? '');
        walk(item);
      }
  };
  walk(catalog);
  prefixes.delete('@context');
  expect([...prefixes].filter((prefix) => !(prefix in DCAT_CONTEXT))).toEqual([]);
});
