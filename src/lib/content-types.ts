/**
 * The content types of annuario, one descriptor each: where its files live, how they are named,
 * the schema that validates them, the word editors know them by, and how the open data describes
 * them. The validator's file discovery (src/lib/validate/load.ts), the content loader
 * (src/integration/loader.ts) and the open-data files (src/lib/site/open-data.ts) all derive from
 * this list: a new type is one descriptor here, one schema in src/schemas/ and its pages.
 */
import type { z } from 'astro/zod';
import { DocumentListSchema } from '../schemas/document.ts';
import { FundingListSchema } from '../schemas/funding.ts';
import { OrganizationSchema } from '../schemas/organization.ts';
import { PageSchema } from '../schemas/page.ts';
import { PlanSchema } from '../schemas/plan.ts';
import { ProjectSchema } from '../schemas/project.ts';
import { ReportSchema } from '../schemas/report.ts';
import { SiteSchema } from '../schemas/site.ts';
import { StatsTableSchema } from '../schemas/stats.ts';

export type CollectionName = 'organizations' | 'funding' | 'documents' | 'site' | 'stats' | 'projects' | 'plans' | 'reports' | 'pages';

/** How the files of a type are laid out under the source root. */
export type ContentLayout =
  /** `<dir>/<id><ext>`: one file per entry. */
  | 'flat'
  /** `<dir>/<organizzazione>/<id><ext>`: one folder per organization. */
  | 'per-organization'
  /** `<dir>` is one file holding a list of entries, each identified by its `idKey`. */
  | 'list-file'
  /** `<dir>` is one file holding one entry (the site's settings), identified by the type's name. */
  | 'single-file';

export interface ContentType {
  name: CollectionName;
  /** Folder (or, for `list-file`, the file) relative to the source root, `/`-separated. */
  dir: string;
  layout: ContentLayout;
  ext: '.yaml' | '.md';
  /** Validates one file (for `list-file`: the whole list). */
  schema: z.ZodType;
  /** What editors call one entry, in Italian («scheda», «piano»…), for messages. */
  label: string;
  /** For `list-file`: the field that identifies an item (`id` unless said otherwise). */
  idKey?: 'id' | 'file';
  /** Companion files next to the entries that are not entries themselves (besides images). */
  companions?: readonly string[];
  /** Title and description of the type's JSON file in the open data (`/dati/<name>.json`); none for settings. */
  openData?: { title: string; description: string };
}

export const CONTENT_TYPES: readonly ContentType[] = [
  {
    name: 'organizations',
    dir: 'data/organizations',
    layout: 'flat',
    ext: '.yaml',
    schema: OrganizationSchema,
    label: 'organizzazione',
    openData: { title: 'Organizzazioni', description: 'Le organizzazioni: nomi, contatti, aree tematiche, colore' },
  },
  {
    name: 'stats',
    dir: 'data/stats',
    layout: 'per-organization',
    ext: '.yaml',
    schema: StatsTableSchema,
    label: 'tabella statistica',
    companions: ['.csv'],
    openData: {
      title: 'Tabelle statistiche',
      description: 'Tabelle statistiche con periodi, righe, cifre in evidenza e loro calcolo',
    },
  },
  {
    name: 'projects',
    dir: 'content/projects',
    layout: 'per-organization',
    ext: '.md',
    schema: ProjectSchema,
    label: 'scheda',
    openData: { title: 'Schede', description: 'Progetti e servizi con tutti i campi, riferimenti risolti e testo completo (Markdown)' },
  },
  {
    name: 'plans',
    dir: 'content/plans',
    layout: 'per-organization',
    ext: '.md',
    schema: PlanSchema,
    label: 'piano',
    openData: { title: 'Piani', description: 'Piani annuali con sezioni, obiettivi, esiti e continuità fra i piani' },
  },
  {
    name: 'reports',
    dir: 'content/reports',
    layout: 'per-organization',
    ext: '.yaml',
    schema: ReportSchema,
    label: 'report',
    openData: { title: 'Pubblicazioni', description: 'Le pubblicazioni e i loro contenuti' },
  },
  {
    name: 'pages',
    dir: 'content/pages',
    layout: 'per-organization',
    ext: '.md',
    schema: PageSchema,
    label: 'testo',
    openData: { title: 'Testi', description: 'Testi delle organizzazioni (Markdown)' },
  },
  {
    name: 'funding',
    dir: 'data/funding.yaml',
    layout: 'list-file',
    ext: '.yaml',
    schema: FundingListSchema,
    label: 'programma di finanziamento',
    openData: { title: 'Programmi di finanziamento', description: 'I programmi di finanziamento citati dalle schede' },
  },
  {
    name: 'documents',
    dir: 'data/documents.yaml',
    layout: 'list-file',
    idKey: 'file',
    ext: '.yaml',
    schema: DocumentListSchema,
    label: 'documento di origine',
    openData: {
      title: 'Documenti di origine',
      description: 'Il registro dei documenti da cui sono tratti i contenuti: titolo, organizzazione, edizione',
    },
  },
  {
    name: 'site',
    dir: 'data/site.yaml',
    layout: 'single-file',
    ext: '.yaml',
    schema: SiteSchema,
    label: 'impostazioni del sito',
  },
];

/** The descriptor of a type by name. */
export function contentType(name: CollectionName): ContentType {
  const type = CONTENT_TYPES.find((t) => t.name === name);
  if (!type) throw new Error(`Tipo di contenuto sconosciuto: ${name}`);
  return type;
}

/** The folders and files (relative to the source root) whose changes can change the content. */
export function contentPaths(): string[] {
  return [...new Set(CONTENT_TYPES.map((type) => type.dir))];
}
