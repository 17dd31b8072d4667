/**
 * A funding programme shared by every organization (PNRR, FAMI, FSE+…), so that cards of
 * different associations can be grouped by it. File: `data/funding.yaml`, a list.
 */
import { z } from 'astro/zod';
import { SlugSchema, TextSchema } from './common.ts';

export const FundingProgrammeSchema = z.strictObject({
  /** Id used by cards, e.g. `pnrr`. */
  id: SlugSchema,
  /** Short label, e.g. `PNRR`. */
  label: TextSchema.meta({ description: 'Sigla', examples: ['PNRR'] }),
  /** Full name, e.g. `Piano Nazionale di Ripresa e Resilienza`. */
  name: TextSchema.optional(),
  /** Official page. */
  url: z.url({ protocol: /^https?$/, error: 'atteso un indirizzo web completo (https://…)' }).optional(),
});

export const FundingListSchema = z.array(FundingProgrammeSchema, { error: 'atteso un elenco di programmi (una lista YAML)' });

export type FundingProgramme = z.output<typeof FundingProgrammeSchema>;
