import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CONTENT_TYPES, contentPaths, contentType } from '../../src/lib/content-types.ts';
import { validateForSite } from '../../src/integration/source.ts';
import { COLLECTIONS, FUNDING_FILE } from '../../src/lib/validate/load.ts';

const fixture = path.resolve(import.meta.dirname, '..', 'fixtures', 'source-minimal');

describe('the content-type registry drives file discovery', () => {
  test.each([
    ['organizations', 'data/organizations', 1, '.yaml'],
    ['stats', 'data/stats', 2, '.yaml'],
    ['projects', 'content/projects', 2, '.md'],
    ['plans', 'content/plans', 2, '.md'],
    ['reports', 'content/reports', 2, '.yaml'],
    ['pages', 'content/pages', 2, '.md'],
  ] as const)('%s: %s, depth %i, %s', (name, dir, depth, ext) => {
    const spec = COLLECTIONS.find((c) => c.name === name);
    expect(spec).toMatchObject({ dir, depth, ext, label: contentType(name).label });
    expect(spec?.schema).toBe(contentType(name).schema);
  });

  test('the funding list and the register of documents are the list files, the site settings the one single file', () => {
    expect(CONTENT_TYPES.filter((t) => t.layout === 'list-file').map((t) => t.name)).toEqual(['funding', 'documents']);
    expect(CONTENT_TYPES.filter((t) => t.layout === 'single-file').map((t) => t.name)).toEqual(['site']);
    expect(FUNDING_FILE).toBe('data/funding.yaml');
  });

  test('every type has an Italian label, and every type but the site settings an open-data description', () => {
    for (const type of CONTENT_TYPES) {
      expect(type.label).not.toBe('');
      if (type.name === 'site') {
        expect(type.openData).toBeUndefined();
        continue;
      }
      expect(type.openData?.title).not.toBe('');
      expect(type.openData?.description).not.toBe('');
    }
  });

  test('the watched paths are the folders and files of the registry, once each', () => {
    expect(contentPaths().sort()).toEqual([
      'content/pages',
      'content/plans',
      'content/projects',
      'content/reports',
      'data/documents.yaml',
      'data/funding.yaml',
      'data/organizations',
      'data/site.yaml',
      'data/stats',
    ]);
  });
});

describe('what the content loader stores', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-loader-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('a valid source: the graph and its images, no errors', () => {
    const outcome = validateForSite(fixture);
    expect(outcome.errors).toBe(0);
    expect(outcome.graph?.organizations.map((o) => o.id)).toEqual(['anci-prova']);
    expect(outcome.graph?.projects.map((p) => p.id).sort()).toEqual(['anci-prova/concluso', 'anci-prova/sportello']);
    expect(outcome.images.map((i) => i.id)).toEqual(['projects:anci-prova/sportello']);
  });

  test('a source with errors: no graph, and the validator report with file and line', () => {
    const broken = path.join(work, 'rotto');
    fs.cpSync(fixture, broken, { recursive: true });
    const org = path.join(broken, 'data', 'organizations', 'anci-prova.yaml');
    fs.writeFileSync(org, fs.readFileSync(org, 'utf8').replace(/^(\s*)short: .*$/m, '$1short: [Prova'));
    const outcome = validateForSite(broken);
    expect(outcome.graph).toBeNull();
    expect(outcome.errors).toBeGreaterThan(0);
    expect(outcome.report).toMatch(/^data\/organizations\/anci-prova\.yaml:\d+:\d+ {2}errore/m);
    expect(outcome.report).toContain('Correzione:');
  });
});
