/**
 * The validator's warnings for the open data's catalogue for dati.gov.it: the publisher's IPA
 * code and a contact point, each on the file where it goes, only when the site has an address
 * (without one there is no catalogue); a malformed contact point is an error in Italian.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { validateSource } from '../../src/lib/validate/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-dcat-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const ORGANIZATION = path.join('data', 'organizations', 'anci-prova.yaml');
const SITE = path.join('data', 'site.yaml');

/** The minimal source, with lines added to the organization's file and a data/site.yaml when given. */
function source(name: string, organizationLines: string, siteYaml: string | undefined): string {
  const root = path.join(work, name);
  fs.cpSync(path.join(repoRoot, 'tests', 'fixtures', 'source-minimal'), root, { recursive: true });
  fs.appendFileSync(path.join(root, ORGANIZATION), organizationLines);
  if (siteYaml !== undefined) fs.writeFileSync(path.join(root, SITE), siteYaml);
  return root;
}

/** The problems about the catalogue, as `file field severity`. */
function catalogueProblems(root: string, siteUrl: string | undefined): string[] {
  return validateSource(root, { today: '2026-11-22', siteUrl })
    .problems.filter((p) => p.message.includes('dati.gov.it') || p.field.startsWith('openData'))
    .map((p) => `${p.file} ${p.field} ${p.severity}`);
}

const CONTACT = 'openData:\n  contactPoint: { name: Ufficio comunicazione, email: dati@prova.it, phone: "055 123 456" }\n';

describe('what the catalogue lacks, where to add it', () => {
  test.each([
    ['no address, no catalogue: nothing to say', '', undefined, undefined, []],
    [
      'neither IPA code nor contact, no site.yaml: both on the organization',
      '',
      undefined,
      'https://prova.example',
      ['data/organizations/anci-prova.yaml contacts.email warning', 'data/organizations/anci-prova.yaml ipaCode warning'],
    ],
    [
      'no contact with a site.yaml: there, under openData',
      '',
      'accessibility: {}\n',
      'https://prova.example',
      ['data/organizations/anci-prova.yaml ipaCode warning', 'data/site.yaml openData warning'],
    ],
    [
      'the organization’s e-mail is a contact point',
      'contacts: { email: info@prova.it }\nipaCode: anci_prova\n',
      undefined,
      'https://prova.example',
      [],
    ],
    ['a declared contact point and an IPA code', 'ipaCode: anci_prova\n', CONTACT, 'https://prova.example', []],
  ])('%s', (name, organizationLines, siteYaml, siteUrl, expected) => {
    expect(catalogueProblems(source(name.replace(/\W+/g, '-'), organizationLines, siteYaml), siteUrl)).toEqual(expected);
  });
});

describe('a contact point that is not one', () => {
  test.each([
    [
      'an e-mail without @',
      'openData:\n  contactPoint: { name: Ufficio, email: dati.prova.it }\n',
      'atteso un indirizzo e-mail valido (es. dati@anci.lombardia.it)',
    ],
    [
      'a phone with letters',
      'openData:\n  contactPoint: { name: Ufficio, email: dati@prova.it, phone: "chiamare" }\n',
      'atteso un numero di telefono',
    ],
    ['a name missing', 'openData:\n  contactPoint: { email: dati@prova.it }\n', 'name'],
    ['an unknown field', 'openData:\n  contatto: { email: dati@prova.it }\n', 'contatto'],
  ])('%s: an error in Italian naming the field', (_name, siteYaml, expected) => {
    const root = source(_name.replace(/\W+/g, '-'), '', siteYaml);
    const errors = validateSource(root, { today: '2026-11-22', siteUrl: undefined }).problems.filter(
      (p) => p.severity === 'error' && p.file === 'data/site.yaml',
    );
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((p) => `${p.field} ${p.message}`).join('\n')).toContain(expected);
  });
});
