/**
 * Building blocks shared by every content type: identifiers, dates at the precision they were
 * printed, exact euro amounts, provenance and OCR readings.
 *
 * Every constraint carries an Italian message written for the communication office: what was
 * expected, in words an editor understands. `.meta({ description, examples })` feeds both the
 * JSON Schemas Astro writes for editors and the "line to copy" the validator suggests.
 */
import { z } from 'astro/zod';
import { isValidPartialDate, PARTIAL_DATE_RE } from '../lib/partial-date.ts';

/**
 * How the browser editor (`/redazione/` in `npm run dev`, src/editor/) shows a field, carried into
 * the JSON Schema as `editor: { widget, ref }`: a partial date, a euro amount, Markdown with a
 * preview, an uploaded image with its text alternative, a colour, a picker over a vocabulary
 * (`ref`: what the picker offers), the statistics grid (rows × periods). Fields without a hint
 * get the form their type gives (text, number, dropdown for an enum, a list for an array).
 */
export interface EditorHint {
  widget: 'partial-date' | 'amount' | 'markdown' | 'image' | 'color' | 'ref' | 'stats-grid';
  /** With `widget: 'ref'`: cards (`org/id`), earlier objectives, the organization's areas, funding programmes, organizations, source documents. */
  ref?: 'projects' | 'objectives' | 'areas' | 'funding' | 'organizations' | 'documents';
}

/** The same schema with the editor's hint added to its metadata (description and examples are inherited). */
export function withEditor<T extends z.ZodType>(schema: T, editor: EditorHint): T {
  return schema.meta({ editor });
}

/** Identifier written in file names and references: lowercase words joined by hyphens. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A lowercase slug, e.g. `anci-lombardia` or `riforma-cal`. */
export const SlugSchema = z
  .string({ error: 'atteso un identificativo (testo)' })
  .regex(SLUG_RE, {
    error: 'atteso un identificativo in minuscolo con trattini, senza spazi né accenti (es. "riforma-cal")',
  })
  .meta({ description: 'Identificativo in minuscolo con trattini', examples: ['riforma-cal'] });

/** Non-empty text, e.g. `Welfare`. */
export const TextSchema = z.string({ error: 'atteso un testo' }).trim().min(1, { error: 'il testo non può essere vuoto' });

/**
 * Non-empty text written in Markdown, e.g. `ANCI Lombardia associa **1.401 Comuni**…`: rendered
 * as formatted text (sanitized), where the other text fields are shown as written. The validator
 * reads the `markdown` mark to tell the two apart.
 */
export const MarkdownTextSchema = TextSchema.meta({ description: 'Testo in Markdown', markdown: true, editor: { widget: 'markdown' } });

/** Reference to an entry of another organization or collection: `<organizzazione>/<slug>`, e.g. `anci-nazionale/piccoli`. */
export const EntryRefSchema = z
  .string({ error: 'atteso un riferimento "organizzazione/identificativo"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'atteso un riferimento nella forma "organizzazione/identificativo" (es. "anci-nazionale/piccoli")',
  })
  .meta({ description: 'Riferimento organizzazione/identificativo', examples: ['anci-nazionale/piccoli'] });

/** Years a date or a period of an association's records can have: a typo (`2204`, `202`) falls outside. */
export const PLAUSIBLE_YEARS = { min: 1900, max: 2100 } as const;

function plausibleYear(year: number): boolean {
  return year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max;
}

/** A year as a number, e.g. `2021`, inside {@link PLAUSIBLE_YEARS}. */
export const YearSchema = z
  .number({ error: "atteso l'anno come numero (es. 2021)" })
  .int({ error: "atteso l'anno come numero intero (es. 2021)" })
  .min(PLAUSIBLE_YEARS.min, { error: `anno non plausibile: atteso tra ${PLAUSIBLE_YEARS.min} e ${PLAUSIBLE_YEARS.max}` })
  .max(PLAUSIBLE_YEARS.max, { error: `anno non plausibile: atteso tra ${PLAUSIBLE_YEARS.min} e ${PLAUSIBLE_YEARS.max}` });

/** Accepts what YAML parsers hand over for a date (string, year number, JS Date) as a string. */
function normalizeDateInput(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return value;
}

/**
 * A date at the precision it was printed: `2017-09-09` (day), `2019-11` (month) or `2018` (year).
 * Stored as that string, so the precision survives every step.
 */
export const PartialDateSchema = z
  .preprocess(
    normalizeDateInput,
    z
      .string({ error: 'attesa una data: AAAA-MM-GG, AAAA-MM oppure AAAA' })
      .regex(PARTIAL_DATE_RE, { error: 'attesa una data nella forma AAAA-MM-GG, AAAA-MM oppure AAAA (es. 2023-06-27)' })
      // Only a date in the right form can be impossible: `31/12/2024` is reported once, by the regex.
      .refine((text) => !PARTIAL_DATE_RE.test(text) || isValidPartialDate(text), { error: 'questa data non esiste nel calendario' })
      .refine((text) => !PARTIAL_DATE_RE.test(text) || !isValidPartialDate(text) || plausibleYear(Number(text.slice(0, 4))), {
        error: `anno non plausibile: atteso tra ${PLAUSIBLE_YEARS.min} e ${PLAUSIBLE_YEARS.max}`,
      }),
  )
  .meta({
    description: 'Data alla precisione stampata: AAAA-MM-GG, AAAA-MM o AAAA',
    examples: ['2023-06-27'],
    editor: { widget: 'partial-date' },
  });

/** Largest amount accepted, in cents: well inside the range where numbers are exact integers. */
const MAX_CENTS = 1e15;

/** Converts a euro amount to integer cents, or returns null if it has more than two decimals. */
export function toCents(euros: number): number | null {
  const cents = Math.round(euros * 100);
  return Math.abs(cents - euros * 100) < 1e-6 && Math.abs(cents) <= MAX_CENTS ? cents : null;
}

/**
 * An exact euro amount, written as a plain number with a dot for the decimals: `8739950.00`.
 * Held as integer cents, so no binary floating point ever touches a sum.
 */
export const EuroSchema = z
  .number({ error: 'atteso un importo in euro scritto come numero, con il punto per i decimali (es. 8739950.00)' })
  .nonnegative({ error: "l'importo non può essere negativo" })
  .transform((euros, ctx) => {
    const cents = toCents(euros);
    if (cents === null) {
      ctx.issues.push({ code: 'custom', input: euros, message: "l'importo può avere al massimo due decimali (centesimi)" });
      return z.NEVER;
    }
    return cents;
  })
  .meta({ description: 'Importo in euro: numero con il punto per i decimali', examples: [8739950.0], editor: { widget: 'amount' } });

/** Where an entry comes from: the source document and its page or section. */
export const ProvenanceSchema = z
  .strictObject({
    /** File or title of the source document, e.g. `003_212a1361b903dde0.txt`. */
    document: TextSchema.meta({
      description: 'Documento di origine',
      examples: ['003_212a1361b903dde0.txt'],
      editor: { widget: 'ref', ref: 'documents' },
    }),
    /** Page as printed in the source, e.g. `24` or `24-25`. */
    page: z
      .union([z.number().int().positive(), TextSchema], { error: 'attesa una pagina (numero) o un intervallo "24-25"' })
      .optional()
      .meta({ description: 'Pagina nel documento di origine', examples: [24] }),
    /** Section or heading of the source, e.g. `Cosa stiamo facendo`. */
    section: TextSchema.optional().meta({ description: 'Sezione del documento di origine', examples: ['Cosa stiamo facendo'] }),
    /** Free note on the transcription, e.g. `testo OCR ricomposto dalle colonne`. */
    note: TextSchema.optional(),
  })
  .meta({ description: 'Provenienza: documento, pagina, sezione' });

/** A value whose printed form was damaged or ambiguous, with the reading adopted and why. */
export const ReadingSchema = z.strictObject({
  /** The field the reading concerns, e.g. `budget`. */
  field: TextSchema.meta({ description: 'Campo interessato', examples: ['budget'] }),
  /** Exactly as printed, e.g. `€ 00,000,008`. */
  printed: TextSchema.meta({ description: 'Come stampato', examples: ['€ 00,000,008'] }),
  /** The value adopted, e.g. `800.000,00 €`. */
  reading: TextSchema.meta({ description: 'Lettura adottata', examples: ['800.000,00 €'] }),
  /** Why the reading is certain, e.g. `cifre stampate in ordine inverso`. */
  note: TextSchema.optional(),
});

/** A passage that could not be reconstructed with certainty and was left out or kept partial. */
export const UncertainSchema = z.strictObject({
  /** The field concerned, e.g. `description`. */
  field: TextSchema.optional(),
  /** What is missing or doubtful, e.g. `una riga illeggibile nella seconda colonna`. */
  note: TextSchema,
});

/** A web link with its label. */
export const LinkSchema = z.strictObject({
  /** Visible label, e.g. `Sito del progetto`. */
  label: TextSchema.meta({ description: 'Etichetta del link', examples: ['Sito del progetto'] }),
  /** Absolute http(s) address, e.g. `https://www.anci.lombardia.it`. */
  url: z
    .url({ protocol: /^https?$/, error: 'atteso un indirizzo web completo che inizia con https:// o http://' })
    .meta({ description: 'Indirizzo web', examples: ['https://www.anci.lombardia.it'] }),
});

/** An image file next to the content, with its text alternative. */
export const ImageSchema = z
  .strictObject({
    /** Path relative to the file that uses it, e.g. `./stogit.jpg`. */
    src: TextSchema.meta({ description: "Percorso dell'immagine relativo al file", examples: ['./copertina.jpg'] }),
    /** Text alternative read by screen readers, e.g. `Il deposito di Settala`. */
    alt: z.string({ error: "atteso il testo alternativo dell'immagine (può essere vuoto se decorativa)" }),
  })
  .meta({ editor: { widget: 'image' } });

/** Common provenance fields every entry may carry. */
export const provenanceFields = {
  /** Where the entry comes from. */
  source: ProvenanceSchema.optional(),
  /** Readings of damaged printed values. */
  readings: z.array(ReadingSchema, { error: 'attesa una lista di letture' }).optional(),
  /** Passages that could not be reconstructed. */
  uncertain: z.array(UncertainSchema, { error: 'attesa una lista di note' }).optional(),
};
