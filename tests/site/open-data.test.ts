/** The open data of the built site: every data-package resource exists and matches its schema; values round-trip. */
import fs from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { builtFile, page, text } from './html.ts';

interface Resource {
  name: string;
  path: string;
  format: string;
  mediatype: string;
  encoding: string;
  bytes: number;
  schema?: { fields: { name: string; type: string }[] };
}

const read = (file: string): string => fs.readFileSync(builtFile(`/dati/${file}`), 'utf8');
const descriptor = JSON.parse(read('datapackage.json')) as { licenses: unknown[]; resources: Resource[] };
const records = (file: string): Record<string, string>[] => parse<Record<string, string>>(read(file), { columns: true, bom: true });

describe('datapackage.json', () => {
  test('carries the CC BY 4.0 licence', () => {
    expect(descriptor.licenses).toEqual([
      { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' },
    ]);
  });

  test.each(descriptor.resources.map((r) => [r.path, r] as const))('%s exists, with the declared size', (path, resource) => {
    expect(fs.existsSync(builtFile(`/dati/${path}`))).toBe(true);
    expect(fs.statSync(builtFile(`/dati/${path}`)).size).toBe(resource.bytes);
    expect(resource.encoding).toBe('utf-8');
  });

  test.each(descriptor.resources.filter((r) => r.format === 'csv').map((r) => [r.path, r] as const))(
    '%s: header equals the schema fields',
    (path, resource) => {
      // After the byte-order mark (UTF-8 all the same: the Data Package encoding stays utf-8).
      expect(read(path).split('\r\n')[0]).toBe(`\uFEFF${resource.schema?.fields.map((f) => f.name).join(',') ?? ''}`);
    },
  );

  test.each(descriptor.resources.filter((r) => r.format === 'json').map((r) => [r.path] as const))('%s parses as JSON', (path) => {
    expect(() => JSON.parse(read(path)) as unknown).not.toThrow();
  });
});

describe('values round-trip', () => {
  test('a statistics value: 1.400 Facebook posts in 2022, 815 in January–June 2024', () => {
    const rows = records('statistiche.csv').filter((r) => r['tabella'] === 'anci-toscana/social' && r['riga'] === 'facebook-post');
    expect(rows.find((r) => r['periodo'] === '2022')).toMatchObject({ valore: '1400', parziale: 'false', gruppo: 'Facebook' });
    expect(rows.find((r) => r['periodo'] === '2024-01/2024-06')).toMatchObject({ valore: '815', parziale: 'true' });
    const missing = records('statistiche.csv').find((r) => r['riga'] === 'instagram-post' && r['periodo'] === '2019');
    expect(missing?.['valore']).toBe('');
  });

  test('a card budget in euro equals the card in projects.json', () => {
    const projects = JSON.parse(read('projects.json')) as { id: string; budget: { status: string; cents?: number } | null }[];
    const withBudget = projects.find((p) => p.budget?.status === 'importo');
    const row = records('schede.csv').find((r) => r['id'] === withBudget?.id);
    expect(Number(row?.['importo_euro'])).toBe((withBudget?.budget?.cents ?? 0) / 100);
    expect(row?.['importo_euro']).toMatch(/^\d+\.\d{2}$/);
  });

  test('every card and every plan objective has a line', () => {
    const projects = JSON.parse(read('projects.json')) as unknown[];
    expect(records('schede.csv')).toHaveLength(projects.length);
    const plans = JSON.parse(read('plans.json')) as { sections: { objectives: unknown[] }[] }[];
    expect(records('obiettivi.csv')).toHaveLength(plans.flatMap((p) => p.sections.flatMap((s) => s.objectives)).length);
  });
});

describe('/dati/', () => {
  const $ = page('/dati/');

  test('lists every file with a link, its format and size', () => {
    for (const resource of [...descriptor.resources.map((r) => r.path), 'datapackage.json']) {
      expect($(`a[href="/dati/${resource}"]`)).toHaveLength(1);
    }
    expect(text($, 'main table')).toMatch(/\d+(,\d)? (byte|kB|MB)/);
  });

  test('names the editions the data come from, in the page and in its footer', () => {
    expect(
      $('#edizioni ~ ul li')
        .toArray()
        .map((li) => $(li).text()),
    ).toEqual([
      'Bilancio sociale 2019 – giugno 2024 (ANCI Toscana, edizione giugno 2024)',
      'Catalogo delle attività 2024 (ANCI Lombardia, edizione 2024)',
      'Piano di intervento P.I.C.C.O.L.I. del Comune di Massa Martana (Massa Martana, edizione 2022)',
    ]);
    expect(text($, '.site-footer__edition')).toMatch(/^Dati tratti da: Bilancio sociale 2019 – giugno 2024 \(ANCI Toscana/);
  });

  test('states the licence and how to cite', () => {
    expect(text($, 'main')).toContain('CC BY 4.0');
    expect(text($, 'main')).toContain('https://annuario.test/dati/');
    expect($('h1')).toHaveLength(1);
  });
});

describe('«Scarica tutti i dati» and the DCAT-AP_IT catalogue', () => {
  const $ = page('/dati/');

  test('/dati/ links the archive and the catalogue', () => {
    expect($('a[href="/dati/annuario-dati.zip"]').text()).toContain('Scarica tutti i dati');
    expect($('a[href="/dati/catalogo.jsonld"]').attr('type')).toBe('application/ld+json');
  });

  test('the archive holds every file of the data package, byte for byte', () => {
    const entries = unzipSync(fs.readFileSync(builtFile('/dati/annuario-dati.zip')));
    for (const resource of descriptor.resources)
      // Bytes, not text: a decoder would drop the CSVs' byte-order mark.
      expect(
        Buffer.from(entries[`annuario-dati/${resource.path}`] ?? new Uint8Array()).equals(
          fs.readFileSync(builtFile(`/dati/${resource.path}`)),
        ),
      ).toBe(true);
    expect(Object.keys(entries)).toContain('annuario-dati/datapackage.json');
  });

  test('the example publisher (ANCI Nazionale) has no IPA code and no contact: the catalogue leaves both out, no placeholder', () => {
    const catalog = JSON.parse(read('catalogo.jsonld')) as { 'dct:publisher': object; 'dcat:dataset': object[] };
    expect(catalog['dct:publisher']).toMatchObject({ 'foaf:name': { '@value': 'Associazione Nazionale Comuni Italiani' } });
    expect(catalog['dct:publisher']).not.toHaveProperty(['dct:identifier']);
    for (const dataset of catalog['dcat:dataset']) expect(dataset).not.toHaveProperty(['dcat:contactPoint']);
  });

  test("the catalogue describes every resource as a distribution of some dataset, with the site's addresses", () => {
    const catalog = JSON.parse(read('catalogo.jsonld')) as {
      '@type': string[];
      'dcat:dataset': { 'dcat:distribution': { 'dcat:downloadURL': { '@id': string } }[] }[];
    };
    expect(catalog['@type']).toContain('dcatapit:Catalog');
    const urls = catalog['dcat:dataset'].flatMap((dataset) => dataset['dcat:distribution'].map((d) => d['dcat:downloadURL']['@id']));
    expect(urls.sort()).toEqual(descriptor.resources.map((r) => `https://annuario.test/dati/${r.path}`).sort());
  });
});
