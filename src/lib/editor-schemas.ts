/**
 * JSON Schemas of every content type, generated from the zod schemas in src/schemas/ (with
 * their Italian descriptions and examples) for the editors' autocompletion in VS Code. They are
 * committed in src/schemas/json/ so completion works right after `npm install`, before any
 * build; `npm run schemi` rewrites them and tests/unit/editor-schemas.test.ts fails when stale.
 */
import { z } from 'astro/zod';
import { PartialDateSchema } from '../schemas/common.ts';
import { DocumentListSchema } from '../schemas/document.ts';
import { FundingListSchema } from '../schemas/funding.ts';
import { OrganizationSchema } from '../schemas/organization.ts';
import { PageSchema } from '../schemas/page.ts';
import { PlanSchema } from '../schemas/plan.ts';
import { ProjectSchema } from '../schemas/project.ts';
import { ReportSchema } from '../schemas/report.ts';
import { SiteSchema } from '../schemas/site.ts';
import { StatsTableSchema } from '../schemas/stats.ts';

/** One editor schema: the file it is written to, the files it describes, the zod schema. */
export interface EditorSchema {
  /** File name in src/schemas/json/, e.g. `scheda.schema.json`. */
  file: string;
  /** Glob of the files it describes, relative to the repository, e.g. `content/projects/** /*.md`. */
  files: string;
  /** What the files are, as the guide calls them. */
  title: string;
  /** Markdown files: the schema describes the front matter. */
  frontMatter: boolean;
  schema: z.ZodType;
}

export const EDITOR_SCHEMAS: readonly EditorSchema[] = [
  {
    file: 'scheda.schema.json',
    files: 'content/projects/**/*.md',
    title: 'Scheda di progetto o servizio',
    frontMatter: true,
    schema: ProjectSchema,
  },
  { file: 'piano.schema.json', files: 'content/plans/**/*.md', title: 'Piano di attività', frontMatter: true, schema: PlanSchema },
  { file: 'pagina.schema.json', files: 'content/pages/**/*.md', title: 'Pagina di testo', frontMatter: true, schema: PageSchema },
  {
    file: 'report.schema.json',
    files: 'content/reports/**/*.yaml',
    title: 'Pubblicazione (report)',
    frontMatter: false,
    schema: ReportSchema,
  },
  { file: 'tabella.schema.json', files: 'data/stats/**/*.yaml', title: 'Tabella statistica', frontMatter: false, schema: StatsTableSchema },
  {
    file: 'organizzazione.schema.json',
    files: 'data/organizations/*.yaml',
    title: 'Organizzazione',
    frontMatter: false,
    schema: OrganizationSchema,
  },
  {
    file: 'finanziamenti.schema.json',
    files: 'data/funding.yaml',
    title: 'Programmi di finanziamento',
    frontMatter: false,
    schema: FundingListSchema,
  },
  {
    file: 'documenti.schema.json',
    files: 'data/documents.yaml',
    title: 'Registro dei documenti di origine',
    frontMatter: false,
    schema: DocumentListSchema,
  },
  {
    file: 'sito.schema.json',
    files: 'data/site.yaml',
    title: 'Impostazioni del sito (indirizzo, dichiarazione di accessibilità)',
    frontMatter: false,
    schema: SiteSchema,
  },
];

/**
 * The JSON Schema text of one entry: what an editor may write (the input side: a date as
 * `2023-06` before it is checked, an amount as a number before it becomes cents). Checks that
 * JSON Schema cannot say (a date that does not exist, cross-field rules) stay with the validator.
 */
export function editorSchemaText(entry: EditorSchema): string {
  return `${JSON.stringify(editorJsonSchema(entry), null, 2)}\n`;
}

/** The JSON Schema of one entry as an object (the web editor's forms are generated from it). */
export function editorJsonSchema(entry: EditorSchema): Record<string, unknown> {
  const json = z.toJSONSchema(entry.schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-07',
    override: ({ zodSchema, jsonSchema }) => {
      // A year alone (`start: 2018`) reaches the schema as a YAML number, which the date's
      // preprocessing accepts: the editor must not mark it as wrong.
      if (zodSchema === PartialDateSchema) {
        const { pattern } = jsonSchema;
        delete jsonSchema.type;
        delete jsonSchema.pattern;
        jsonSchema.anyOf = [
          { type: 'string', ...(pattern === undefined ? {} : { pattern }) },
          { type: 'integer', minimum: 1000, maximum: 9999 },
        ];
      }
    },
  });
  return { ...json, title: entry.title };
}
