/**
 * A yearly activity plan with its sections and objectives. File:
 * `content/plans/<organizzazione>/<anno>.md`: front matter for the structure, the Markdown body
 * for the introduction.
 */
import { z } from 'astro/zod';
import { MarkdownTextSchema, PartialDateSchema, provenanceFields, SlugSchema, TextSchema, withEditor, YearSchema } from './common.ts';

export const OUTCOME_STATUSES = ['raggiunto', 'parziale', 'non-raggiunto', 'in-corso', 'abbandonato'] as const;

/** Reference to an objective: `<organizzazione>/<anno>/<obiettivo>`, e.g. `anci-toscana/2018/riforma-cal`. */
export const ObjectiveRefSchema = z
  .string({ error: 'atteso un riferimento "organizzazione/anno/obiettivo"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/\d{4}\/[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'atteso un riferimento nella forma "organizzazione/anno/obiettivo" (es. "anci-toscana/2018/riforma-cal")',
  })
  .meta({
    description: 'Obiettivo di un piano precedente',
    examples: ['anci-toscana/2018/riforma-cal'],
    editor: { widget: 'ref', ref: 'objectives' },
  });

/** Evidence of an outcome: a card, a statistics table or a headline figure. */
export const EvidenceSchema = z
  .strictObject({
    /** Card, e.g. `anci-lombardia/stogit`. */
    card: withEditor(z.string(), { widget: 'ref', ref: 'projects' }).optional(),
    /** Statistics table, e.g. `anci-toscana/eventi`. */
    stats: z.string().optional(),
    /** Headline figure, `<organizzazione>/<tabella>/<cifra>`, e.g. `anci-toscana/eventi/eventi-totali`. */
    headline: z.string().optional(),
  })
  .refine((e) => [e.card, e.stats, e.headline].filter((v) => v !== undefined).length === 1, {
    error: 'indica una sola evidenza: "card", "stats" oppure "headline"',
  });

/** What became of an objective, as of a date. */
export const OutcomeSchema = z.strictObject({
  /** `raggiunto`, `parziale`, `non-raggiunto`, `in-corso` or `abbandonato`. */
  status: z
    .enum(OUTCOME_STATUSES, { error: `atteso uno di: ${OUTCOME_STATUSES.join(', ')}` })
    .meta({ description: "Esito dell'obiettivo", examples: ['raggiunto'] }),
  /** Date of the assessment, e.g. `2021-12-31`. */
  asOf: PartialDateSchema,
  /** Explanation, e.g. `approvata dal Consiglio regionale`. */
  note: TextSchema.optional(),
  /** What shows it. */
  evidence: z.array(EvidenceSchema).default([]),
});

/** An objective, stable across editions by its id. */
export const ObjectiveSchema = z.strictObject({
  /** Stable id within the plan, e.g. `riforma-cal`. */
  id: SlugSchema,
  /** Text as printed. */
  text: TextSchema.meta({ description: "Testo dell'obiettivo", examples: ['Definizione e approvazione della riforma del CAL'] }),
  /** Deadline, if the text gives one. */
  deadline: z
    .strictObject({
      /** Last month or day, e.g. `2021-06`. */
      by: PartialDateSchema,
      /** As printed, e.g. `entro il primo semestre 2021`. */
      text: TextSchema.optional(),
    })
    .optional(),
  /** The earlier objective it carries on, e.g. `anci-toscana/2018/riforma-cal`. */
  continues: ObjectiveRefSchema.optional(),
  /** Outcome records, oldest first. */
  outcomes: z.array(OutcomeSchema).default([]),
});

/** A section of the plan: a narrative and its objectives. */
export const PlanSectionSchema = z.strictObject({
  /** Id within the plan, e.g. `rappresentanza`. */
  id: SlugSchema,
  /** Heading as printed, e.g. `Rappresentanza`. */
  title: TextSchema,
  /** Narrative, Markdown. */
  narrative: MarkdownTextSchema.optional(),
  /** The objectives ("Obiettivi"). */
  objectives: z.array(ObjectiveSchema).default([]),
});

export const PlanSchema = z.strictObject({
  /** Year of the plan, e.g. `2021`. */
  year: YearSchema,
  /** Title as printed, e.g. `Piano attività 2021`. */
  title: TextSchema.meta({ description: 'Titolo del piano', examples: ['Piano attività 2021'] }),
  /** Edition date, e.g. `2021-01`. */
  edition: PartialDateSchema.optional(),
  /** Sections in printed order. */
  sections: z.array(PlanSectionSchema, { error: 'attesa una lista di sezioni' }).min(1, { error: 'un piano ha almeno una sezione' }),
  ...provenanceFields,
});

export type Plan = z.output<typeof PlanSchema>;
export type Objective = z.output<typeof ObjectiveSchema>;
