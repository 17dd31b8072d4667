/**
 * A statistics table by period, with its headline figures. File:
 * `data/stats/<organizzazione>/<id>.yaml`. Values may instead come from `<id>.csv` beside it
 * (first column the row id, one column per period id).
 */
import { z } from 'astro/zod';
import { provenanceFields, SlugSchema, TextSchema, YearSchema } from './common.ts';

export const VALUE_KINDS = ['integer', 'decimal', 'percent', 'euro', 'rating'] as const;
export const COMPUTATIONS = ['sum', 'mean', 'last', 'change'] as const;

const yearSchema = YearSchema;

/**
 * A period: a whole year (`2019`) or a partial one (`{ year: 2024, through: 2024-06 }` = January
 * to June 2024, printed "giugno 2024").
 */
export const PeriodSchema = z.union(
  [
    yearSchema,
    z.strictObject({
      /** Year, e.g. `2024`. */
      year: yearSchema,
      /** Last month covered, for a partial year, e.g. `2024-06`. */
      through: z
        .string({ error: 'atteso il mese finale nella forma AAAA-MM (es. "2024-06")' })
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'atteso il mese finale nella forma AAAA-MM (es. "2024-06")' })
        .optional(),
      /** Column heading as printed, e.g. `giugno 2024`. */
      label: TextSchema.optional(),
    }),
  ],
  { error: 'atteso un anno (es. 2019) oppure { year: 2024, through: "2024-06" } per un periodo parziale' },
);

/** A cell: a number, or `null` for "no data" (never the same as zero). */
export const CellSchema = z.union([z.number(), z.null()], {
  error: 'atteso un numero (col punto per i decimali, senza separatore delle migliaia) oppure null se il dato manca',
});

export const StatsRowSchema = z.strictObject({
  /** Id within the table, e.g. `facebook-post`. */
  id: SlugSchema,
  /** Row heading as printed, e.g. `post pubblicati`. */
  label: TextSchema,
  /** Group heading shared by consecutive rows, e.g. `facebook`. */
  group: TextSchema.optional(),
  /** `integer`, `decimal`, `percent`, `euro` or `rating`. */
  kind: z.enum(VALUE_KINDS, { error: `atteso uno di: ${VALUE_KINDS.join(', ')}` }).default('integer'),
  /** Scale of a rating, e.g. `{ min: 1, max: 5 }`. */
  scale: z.strictObject({ min: z.number(), max: z.number() }).optional(),
  /** Unit shown after the value, e.g. `ore`. */
  unit: TextSchema.optional(),
  /** `true` when the values are changes from a previous value (they may be negative; a percent may pass 100). */
  change: z.boolean({ error: 'atteso true oppure false' }).optional(),
  /** One value per period, in the order of `periods`; `null` where the table is empty. */
  values: z.array(CellSchema, { error: 'attesa una lista di valori, uno per periodo, es. [593, 630, null]' }).optional(),
  /** Note on the row. */
  note: TextSchema.optional(),
});

/** A figure shown large: computed from a row, or declared as printed. */
export const HeadlineSchema = z
  .strictObject({
    /** Id within the table, e.g. `eventi-totali`. */
    id: SlugSchema,
    /** Label as printed, e.g. `eventi`. */
    label: TextSchema,
    /** Row it summarises, e.g. `eventi`. */
    row: SlugSchema.optional(),
    /** `sum`, `mean`, `last` or `change` (last minus first). */
    compute: z.enum(COMPUTATIONS, { error: `atteso uno di: ${COMPUTATIONS.join(', ')}` }).optional(),
    /** Period ids to use (default: all), e.g. `[2019, 2020]`. */
    periods: z.array(z.union([z.number().int(), z.string()])).optional(),
    /** Value as printed in the publication, e.g. `552`. */
    declared: z.number({ error: 'atteso il valore stampato come numero (es. 552)' }).optional(),
    /** Kind of the value when there is no row, e.g. `euro`. */
    kind: z.enum(VALUE_KINDS, { error: `atteso uno di: ${VALUE_KINDS.join(', ')}` }).optional(),
    /** Scale of a rating, e.g. `{ min: 1, max: 5 }`. */
    scale: z.strictObject({ min: z.number(), max: z.number() }).optional(),
    /** `compact` to print 8300000 as "8,3 milioni". */
    display: z.enum(['full', 'compact'], { error: 'atteso "full" oppure "compact"' }).default('full'),
    /** Text after the value, e.g. `media della valutazione dei corsi (scala 1-5)`. */
    description: TextSchema.optional(),
  })
  .superRefine((h, ctx) => {
    if (h.row === undefined && h.declared === undefined) {
      ctx.addIssue({ code: 'custom', path: ['declared'], message: 'una cifra senza "row" deve avere il valore stampato "declared"' });
    }
    if (h.row !== undefined && h.compute === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['compute'],
        message: 'una cifra calcolata da una riga deve dire come: compute: sum, mean, last o change',
      });
    }
  });

export const StatsTableSchema = z.strictObject({
  /** Title as printed, e.g. `La nostra presenza sui social`. */
  title: TextSchema.meta({ description: 'Titolo della tabella', examples: ['Eventi e partecipanti'] }),
  /** Short description. */
  description: TextSchema.optional(),
  /** Section of the publication, e.g. `comunicazione`. */
  topic: TextSchema.optional(),
  /** Columns, in order. */
  periods: z
    .array(PeriodSchema, { error: 'attesa una lista di periodi, es. [2019, 2020, { year: 2024, through: "2024-06" }]' })
    .default([]),
  /** Rows; the editor shows their values as a grid of rows × periods. */
  rows: z
    .array(StatsRowSchema, { error: 'attesa una lista di righe' })
    .default([])
    .meta({ editor: { widget: 'stats-grid' } }),
  /** Headline figures. */
  headlines: z.array(HeadlineSchema, { error: 'attesa una lista di cifre' }).default([]),
  /** Source line as printed, e.g. `Fonte: Istat, 2024`. */
  sourceLine: TextSchema.optional(),
  /** Notes printed with the table. */
  notes: z.array(TextSchema).default([]),
  ...provenanceFields,
});

export type StatsTable = z.output<typeof StatsTableSchema>;
export type StatsRow = z.output<typeof StatsRowSchema>;
export type Headline = z.output<typeof HeadlineSchema>;
export type Period = z.output<typeof PeriodSchema>;
