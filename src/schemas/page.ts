/**
 * A Markdown text used as a report chapter: a letter, a presentation, a methodological note.
 * File: `content/pages/<organizzazione>/<slug>.md`.
 */
import { z } from 'astro/zod';
import { provenanceFields, TextSchema } from './common.ts';

export const PAGE_KINDS = ['lettera', 'testo', 'nota-metodologica'] as const;

export const PageSchema = z.strictObject({
  /** Title as printed, e.g. `Presidente`. */
  title: TextSchema.meta({ description: 'Titolo', examples: ['Lettera del Presidente'] }),
  /** `lettera`, `testo` or `nota-metodologica`. */
  kind: z.enum(PAGE_KINDS, { error: `atteso uno di: ${PAGE_KINDS.join(', ')}` }).default('testo'),
  /** Signature of a letter. */
  author: z
    .strictObject({
      /** e.g. `Mauro Guerra`. */
      name: TextSchema,
      /** e.g. `Presidente ANCI Lombardia, Sindaco di Tremezzina`. */
      role: TextSchema.optional(),
    })
    .optional(),
  ...provenanceFields,
});

export type Page = z.output<typeof PageSchema>;
