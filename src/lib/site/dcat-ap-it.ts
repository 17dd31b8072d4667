/**
 * The open data described for Italian and European portals: a DCAT-AP_IT catalogue in JSON-LD
 * (`/dati/catalogo.jsonld`), which dati.gov.it harvests (and, through it, data.europa.eu).
 * Each dataset groups the files that hold the same data (the cards as CSV and as JSON), with
 * publisher, rights holder, licence, theme, frequency, date and contact point as the profile
 * asks. Nothing is invented: a publisher without an IPA code gets no `dct:identifier`, a site
 * with no contact point (`openData.contactPoint` in data/site.yaml, else the publisher's e-mail)
 * none; the validator warns for each (`catalogGaps`). Pure: data in, a JSON object out.
 */
import type { OpenDataContact, OpenDataConfig } from '../../schemas/site.ts';
import type { OpenDataFile } from './open-data.ts';
import { LICENCE } from './open-data.ts';

/** The vocabularies the catalogue uses, as JSON-LD prefixes. */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatapit: 'http://dati.gov.it/onto/dcatapit#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** EU controlled vocabularies (Publications Office authority tables) the profile requires. */
const EU = 'http://publications.europa.eu/resource/authority';
export const EU_THEME_GOVERNMENT = `${EU}/data-theme/GOVE`;
export const EU_FREQUENCY_ANNUAL = `${EU}/frequency/ANNUAL`;
const EU_LANGUAGE_ITALIAN = `${EU}/language/ITA`;
const EU_FILE_TYPES: Readonly<Record<OpenDataFile['format'], string>> = { csv: `${EU}/file-type/CSV`, json: `${EU}/file-type/JSON` };
/** ADMS licence type of CC BY: reuse with attribution. */
const LICENCE_TYPE_ATTRIBUTION = 'http://purl.org/adms/licencetype/Attribution';

/** The organization that publishes the catalogue and holds the rights on the data. */
export interface DcatPublisher {
  name: string;
  /** Code in the Indice della Pubblica Amministrazione, when the organization has one. */
  ipaCode?: string | undefined;
  /** Its web site (the agent's URI), else its page on this site. */
  homepage: string;
}

export interface DcatCatalogInput {
  /** The open-data files as `openDataFiles` lists them (`datapackage.json` is left out). */
  files: readonly OpenDataFile[];
  /** Absolute URL of the open-data page, ending in `/` (`https://…/dati/`). */
  homepage: string;
  publisher: DcatPublisher;
  /** Who answers questions about the data (`catalogContact`), when the site says. */
  contact?: OpenDataContact | undefined;
  /** Date the data were last published, `AAAA-MM-GG`. */
  modified: string;
  title: string;
  description: string;
}

/**
 * Files holding the same data in two formats, described as one dataset: the CSV's name → the
 * JSON collection's. Any other file is a dataset of its own.
 */
const SAME_DATA: Readonly<Record<string, string>> = { schede: 'projects', obiettivi: 'plans', statistiche: 'stats' };

const italian = (value: string) => ({ '@language': 'it', '@value': value });
const date = (value: string) => ({ '@type': 'xsd:date', '@value': value });
const ref = (id: string) => ({ '@id': id });

function agent(publisher: DcatPublisher): Record<string, unknown> {
  return {
    '@id': publisher.homepage,
    '@type': ['foaf:Agent', 'dcatapit:Agent'],
    'foaf:name': italian(publisher.name),
    ...(publisher.ipaCode ? { 'dct:identifier': publisher.ipaCode } : {}),
  };
}

/** A phone number as a `tel:` URI; a number without a country code is Italian (+39). */
export function telUri(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('+') ? digits : `+39${digits}`}`;
}

function contactPoint(contact: OpenDataContact, homepage: string): Record<string, unknown> {
  return {
    '@id': `${homepage}#contatti`,
    '@type': ['vcard:Organization', 'dcatapit:Organization'],
    'vcard:fn': contact.name,
    'vcard:hasEmail': ref(`mailto:${contact.email}`),
    ...(contact.phone ? { 'vcard:hasTelephone': { '@type': 'vcard:Voice', 'vcard:hasValue': ref(telUri(contact.phone)) } } : {}),
    ...(contact.url ? { 'vcard:hasURL': ref(contact.url) } : {}),
  };
}

function distribution(file: OpenDataFile, homepage: string): Record<string, unknown> {
  const url = new URL(file.path, homepage).href;
  return {
    '@id': url,
    '@type': ['dcat:Distribution', 'dcatapit:Distribution'],
    'dct:title': italian(`${file.title} (${file.format.toUpperCase()})`),
    'dct:description': italian(file.description),
    'dct:format': ref(EU_FILE_TYPES[file.format]),
    'dcat:mediaType': ref(`https://www.iana.org/assignments/media-types/${file.mediatype}`),
    'dcat:accessURL': ref(homepage),
    'dcat:downloadURL': ref(url),
    'dcat:byteSize': { '@type': 'xsd:decimal', '@value': String(new TextEncoder().encode(file.content).length) },
    'dct:license': {
      '@id': LICENCE.path,
      '@type': ['dct:LicenseDocument', 'dcatapit:LicenseDocument'],
      'dct:type': ref(LICENCE_TYPE_ATTRIBUTION),
      'foaf:name': italian(LICENCE.title),
    },
  };
}

/** The files grouped into datasets, in the files' order: `[main file, other formats…]`. */
export function datasetGroups(files: readonly OpenDataFile[]): OpenDataFile[][] {
  const described = files.filter((file) => file.name !== 'datapackage');
  const alternates = new Set(Object.values(SAME_DATA));
  return described
    .filter((file) => !alternates.has(file.name) || !described.some((other) => SAME_DATA[other.name] === file.name))
    .map((file) => [file, ...described.filter((other) => other.name === SAME_DATA[file.name])]);
}

/** The DCAT-AP_IT catalogue of the open data, as a JSON-LD document. */
export function dcatCatalog(input: DcatCatalogInput): Record<string, unknown> {
  const { homepage, publisher, modified } = input;
  const publisherNode = agent(publisher);
  const contact = input.contact ? contactPoint(input.contact, homepage) : undefined;
  const identifierPrefix = publisher.ipaCode ?? new URL(homepage).hostname;
  const datasets = datasetGroups(input.files).map(([main, ...others]) => {
    const file = main as OpenDataFile;
    return {
      '@id': `${homepage}#${file.name}`,
      '@type': ['dcat:Dataset', 'dcatapit:Dataset'],
      'dct:identifier': `${identifierPrefix}:${file.name}`,
      'dct:title': italian(file.title),
      'dct:description': italian(file.description),
      'dct:modified': date(modified),
      'dct:language': ref(EU_LANGUAGE_ITALIAN),
      'dcat:theme': ref(EU_THEME_GOVERNMENT),
      'dct:accrualPeriodicity': ref(EU_FREQUENCY_ANNUAL),
      'dct:publisher': publisherNode,
      'dct:rightsHolder': publisherNode,
      ...(contact ? { 'dcat:contactPoint': contact } : {}),
      'dcat:landingPage': ref(homepage),
      'dcat:distribution': [file, ...others].map((f) => distribution(f, homepage)),
    };
  });
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${homepage}#catalogo`,
    '@type': ['dcat:Catalog', 'dcatapit:Catalog'],
    'dct:title': italian(input.title),
    'dct:description': italian(input.description),
    'dct:publisher': publisherNode,
    'dct:modified': date(modified),
    'dct:language': ref(EU_LANGUAGE_ITALIAN),
    'foaf:homepage': ref(homepage),
    'dcat:themeTaxonomy': ref(`${EU}/data-theme`),
    'dcat:dataset': datasets,
  };
}

/**
 * Who publishes the site's data: the only organization of a single-organization site, else the
 * national association if the network has exactly one, else the first organization (by id)
 * that belongs to no other.
 */
export function catalogPublisher<T extends { id: string; kind: string; parent?: string | undefined }>(
  organizations: readonly T[],
): T | undefined {
  if (organizations.length <= 1) return organizations[0];
  const national = organizations.filter((org) => org.kind === 'anci-nazionale');
  if (national.length === 1) return national[0];
  return [...organizations].filter((org) => org.parent === undefined).sort((a, b) => (a.id < b.id ? -1 : 1))[0] ?? organizations[0];
}

/** What the catalogue reads of the publishing organization. */
interface PublishingOrganization {
  name: { full: string };
  contacts?: { email?: string | undefined; phone?: string | undefined } | undefined;
  ipaCode?: string | undefined;
}

/**
 * The catalogue's contact point: the one declared for the open data (`openData.contactPoint` in
 * data/site.yaml), else the publishing organization's e-mail under its name, else none.
 */
export function catalogContact(
  config: OpenDataConfig | undefined,
  publisher: PublishingOrganization | undefined,
): OpenDataContact | undefined {
  if (config?.contactPoint) return config.contactPoint;
  const email = publisher?.contacts?.email;
  return publisher && email ? { name: publisher.name.full, email, phone: publisher.contacts?.phone } : undefined;
}

/** A part of the catalogue that dati.gov.it expects and the content does not give. */
export type CatalogGap = 'ipaCode' | 'contactPoint';

/** The parts the catalogue leaves out for want of data: the validator warns for each. */
export function catalogGaps(config: OpenDataConfig | undefined, publisher: PublishingOrganization | undefined): CatalogGap[] {
  return [
    ...(publisher && !publisher.ipaCode ? (['ipaCode'] as const) : []),
    ...(catalogContact(config, publisher) ? [] : (['contactPoint'] as const)),
  ];
}
