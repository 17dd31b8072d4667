/**
 * A report definition: one ordered list of chapters that drives both the report's web page and
 * its PDF. File: `content/reports/<organizzazione>/<id>.yaml`.
 */
import { z } from 'astro/zod';
import { EntryRefSchema, ImageSchema, PartialDateSchema, provenanceFields, SlugSchema, TextSchema, withEditor } from './common.ts';
import { CARD_KINDS, CARD_STATUSES } from './project.ts';

export const REPORT_KINDS = ['bilancio-sociale', 'catalogo', 'piano'] as const;

const chapterBase = {
  /** Anchor of the chapter, e.g. `cosa-stiamo-facendo`. */
  id: SlugSchema.optional(),
  /** Heading, e.g. `Cosa stiamo facendo`. */
  title: TextSchema.optional(),
  /** Starts a part of the report (a divider page in print). */
  part: z.boolean().default(false),
};

/** A Markdown page, e.g. `{ type: markdown, page: anci-lombardia/lettera-presidente }`. */
const MarkdownChapter = z.strictObject({ type: z.literal('markdown'), ...chapterBase, page: EntryRefSchema });
/** The organization's profile (identity, membership). */
const ProfileChapter = z.strictObject({ type: z.literal('profile'), ...chapterBase });
/** Governance bodies, departments and related entities. */
const GovernanceChapter = z.strictObject({ type: z.literal('governance'), ...chapterBase });
/** Statistics tables and their headline figures, e.g. `tables: [anci-toscana/eventi]`. */
const StatsChapter = z.strictObject({
  type: z.literal('stats'),
  ...chapterBase,
  /** Tables, e.g. `[anci-toscana/eventi]`. */
  tables: z.array(EntryRefSchema).min(1, { error: 'indica almeno una tabella' }),
  /** Text before the tables, e.g. `anci-toscana/bs-eventi`. */
  intro: EntryRefSchema.optional(),
});
/** Cards selected by filters, in the order given by `sort`. */
const CardsChapter = z.strictObject({
  type: z.literal('cards'),
  ...chapterBase,
  /** Which cards: all filters must match. */
  filter: z
    .strictObject({
      /** Organization, e.g. `anci-lombardia` (default: the report's). */
      organization: withEditor(SlugSchema, { widget: 'ref', ref: 'organizations' }).optional(),
      /** Statuses, e.g. `[attivo]`. */
      status: z.array(z.enum(CARD_STATUSES, { error: `atteso uno di: ${CARD_STATUSES.join(', ')}` })).optional(),
      /** Kinds, e.g. `[servizio]`. */
      kind: z.array(z.enum(CARD_KINDS, { error: 'atteso "progetto" oppure "servizio"' })).optional(),
      /** Thematic areas, any of, e.g. `[welfare]`. */
      areas: z.array(withEditor(SlugSchema, { widget: 'ref', ref: 'areas' })).optional(),
    })
    .default({}),
  /** Explicit order, as in the printed index; cards matching the filter but not listed follow. */
  order: z.array(withEditor(EntryRefSchema, { widget: 'ref', ref: 'projects' })).optional(),
});
/** Sections of a plan, e.g. `plan: anci-toscana/2021`. */
const PlanChapter = z.strictObject({
  type: z.literal('plan'),
  ...chapterBase,
  /** Plan id `<organizzazione>/<anno>`, e.g. `anci-toscana/2021`. */
  plan: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/\d{4}$/, { error: 'atteso "organizzazione/anno" (es. "anci-toscana/2021")' }),
  /** Only these sections (default: all). */
  sections: z.array(SlugSchema).optional(),
  /**
   * Adds the annex «Stato degli obiettivi del piano precedente» to the report (whole plans only):
   * the previous plan's objectives with the outcomes and continuations the content records, e.g.
   * `annexPreviousPlan: true`. Off by default: a plan document does not print one unless asked.
   */
  annexPreviousPlan: z.boolean({ error: 'atteso true oppure false' }).default(false),
});
/** A printed list, e.g. the thematic areas of training. */
const ListChapter = z.strictObject({
  type: z.literal('list'),
  ...chapterBase,
  /** Text before the list. */
  intro: TextSchema.optional(),
  /** Items as printed. */
  items: z.array(TextSchema).min(1, { error: 'un elenco ha almeno una voce' }),
});

const CHAPTER_TYPES = ['markdown', 'profile', 'governance', 'stats', 'cards', 'plan', 'list'] as const;

export const ChapterSchema = z.discriminatedUnion(
  'type',
  [MarkdownChapter, ProfileChapter, GovernanceChapter, StatsChapter, CardsChapter, PlanChapter, ListChapter],
  {
    error: `ogni capitolo ha un "type" tra: ${CHAPTER_TYPES.join(', ')}`,
  },
);

export const ReportSchema = z.strictObject({
  /** `bilancio-sociale`, `catalogo` or `piano`. */
  kind: z
    .enum(REPORT_KINDS, { error: `atteso uno di: ${REPORT_KINDS.join(', ')}` })
    .meta({ description: 'Tipo di pubblicazione', examples: ['catalogo'] }),
  /** Title, e.g. `Bilancio sociale 2019 – giugno 2024`. */
  title: TextSchema.meta({ description: 'Titolo', examples: ['Bilancio sociale'] }),
  /** Subtitle. */
  subtitle: TextSchema.optional(),
  /** Period covered. */
  period: z.strictObject({ from: PartialDateSchema, to: PartialDateSchema }).optional(),
  /** Edition date, e.g. `2024-09`. */
  edition: PartialDateSchema.optional(),
  /** Cover image next to the file. */
  cover: ImageSchema.optional(),
  /** Chapters in order. */
  chapters: z
    .array(ChapterSchema, { error: 'attesa una lista di capitoli' })
    .min(1, { error: 'un report ha almeno un capitolo' })
    .meta({ description: "Capitoli, nell'ordine di stampa", examples: [[{ type: 'markdown', page: 'anci-toscana/lettera-presidente' }]] }),
  ...provenanceFields,
});

export type Report = z.output<typeof ReportSchema>;
export type Chapter = z.output<typeof ChapterSchema>;
