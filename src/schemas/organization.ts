/**
 * An organization: an ANCI association, a municipality, or a related entity (a company in
 * house, a foundation). File: `data/organizations/<id>.yaml`; the file name is its id.
 */
import { z } from 'astro/zod';
import { ImageSchema, LinkSchema, MarkdownTextSchema, provenanceFields, SlugSchema, TextSchema, withEditor } from './common.ts';

export const ORGANIZATION_KINDS = ['anci-regionale', 'anci-nazionale', 'comune', 'altro'] as const;

/** A person in a governance body, e.g. `Mauro Guerra`, `Presidente`, `Sindaco di Tremezzina`. */
export const PersonSchema = z.strictObject({
  /** Full name as printed, e.g. `Mauro Guerra`. */
  name: TextSchema.meta({ description: 'Nome e cognome', examples: ['Mauro Guerra'] }),
  /** Role in the body, e.g. `Vice Presidente Vicario`. */
  role: TextSchema.optional().meta({ description: "Ruolo nell'organo", examples: ['Vice Presidente Vicario'] }),
  /** Public office held, e.g. `Sindaco di Tremezzina`. */
  office: TextSchema.optional().meta({ description: 'Carica pubblica', examples: ['Sindaco di Tremezzina'] }),
});

/** A governance body with its people, e.g. `Ufficio di Presidenza`. */
export const GovernanceBodySchema = z.strictObject({
  /** Name of the body, e.g. `Consiglio Direttivo`. */
  name: TextSchema.meta({ description: "Nome dell'organo", examples: ['Consiglio Direttivo'] }),
  /** What the body does, e.g. `organo d'indirizzo generale`. */
  description: TextSchema.optional(),
  /** Its members. */
  members: z.array(PersonSchema, { error: 'attesa una lista di persone' }).optional(),
});

/** A thematic area of the organization's vocabulary, e.g. `{ id: welfare, label: Welfare }`. */
export const AreaSchema = z.strictObject({
  /** Identifier used by cards, e.g. `welfare`. */
  id: SlugSchema,
  /** Label as printed, e.g. `Welfare`. */
  label: TextSchema.meta({ description: "Nome dell'area", examples: ['Welfare'] }),
});

export const OrganizationSchema = z
  .strictObject({
    /** Names as printed. */
    name: z.strictObject({
      /** Full legal name, e.g. `Associazione Nazionale Comuni Italiani – Lombardia`. */
      full: TextSchema.meta({ description: 'Denominazione completa', examples: ['ANCI Lombardia – Associazione dei Comuni Lombardi'] }),
      /** Short name, e.g. `ANCI Lombardia`. */
      short: TextSchema.meta({ description: 'Nome breve', examples: ['ANCI Lombardia'] }),
    }),
    /** Kind of organization, e.g. `anci-regionale`. */
    kind: z
      .enum(ORGANIZATION_KINDS, { error: `atteso uno di: ${ORGANIZATION_KINDS.join(', ')}` })
      .meta({ description: 'Tipo di organizzazione', examples: ['anci-regionale'] }),
    /** Region, e.g. `Lombardia`. */
    region: TextSchema.optional().meta({ description: 'Regione', examples: ['Lombardia'] }),
    /** Short presentation, Markdown, e.g. `ANCI Lombardia associa 1401 Comuni…`. */
    description: MarkdownTextSchema.optional(),
    /** Postal address. */
    address: z
      .strictObject({
        /** Street and number, e.g. `Via Rovello 2`. */
        street: TextSchema,
        /** CAP as text, keeps its leading zero, e.g. `'06055'`. */
        postalCode: z
          .string({ error: 'atteso il CAP come testo tra virgolette (es. "06055")' })
          .regex(/^\d{5}$/, { error: 'atteso un CAP di 5 cifre tra virgolette (es. "06055")' })
          .optional()
          .meta({ description: 'CAP', examples: ['06055'] }),
        /** City, e.g. `Milano`. */
        city: TextSchema,
        /** Province code, e.g. `MI`. */
        province: z
          .string()
          .regex(/^[A-Z]{2}$/, { error: 'attesa la sigla della provincia in due maiuscole (es. "MI")' })
          .optional(),
      })
      .optional(),
    /** Contacts. */
    contacts: z
      .strictObject({
        /** E-mail, e.g. `info@anci.lombardia.it`. */
        email: z.email({ error: 'atteso un indirizzo e-mail valido' }).optional(),
        /** Certified e-mail (PEC). */
        pec: z.email({ error: 'atteso un indirizzo PEC valido' }).optional(),
        /** Phone as text, e.g. `'02 7262 9601'`. */
        phone: TextSchema.optional(),
      })
      .optional(),
    /** Website, e.g. `https://www.anci.lombardia.it`. */
    website: z.url({ protocol: /^https?$/, error: 'atteso un indirizzo web completo (https://…)' }).optional(),
    /**
     * Code in the Indice della Pubblica Amministrazione (indicepa.gov.it), e.g. `c_f024`; only
     * for organizations listed there. It identifies the publisher of the open data to dati.gov.it.
     */
    ipaCode: z
      .string({ error: 'atteso il codice IPA come testo, es. c_f024' })
      .regex(/^[a-z0-9_]{2,20}$/i, { error: 'atteso il codice IPA come lo riporta indicepa.gov.it: lettere, cifre e _, es. c_f024' })
      .optional()
      .meta({ description: "Codice IPA dell'ente (indicepa.gov.it), se ne ha uno", examples: ['c_f024'] }),
    /** Social accounts as printed, e.g. `{ network: facebook, handle: '@anci.lombardia' }`. */
    social: z
      .array(
        z.strictObject({
          /** Network, e.g. `facebook`. */
          network: z.enum(['facebook', 'instagram', 'x', 'linkedin', 'youtube', 'whatsapp', 'telegram', 'altro'], {
            error: 'atteso uno di: facebook, instagram, x, linkedin, youtube, whatsapp, telegram, altro',
          }),
          /** Handle as printed, e.g. `@anci.lombardia`. */
          handle: TextSchema,
          /** Profile address, when known. */
          url: z.url({ protocol: /^https?$/, error: 'atteso un indirizzo web completo (https://…)' }).optional(),
        }),
      )
      .optional(),
    /** Membership figures. */
    membership: z
      .strictObject({
        /** Member municipalities, e.g. `1401`. */
        members: z.number({ error: 'atteso un numero intero' }).int({ error: 'atteso un numero intero' }).nonnegative(),
        /** Total municipalities of the territory, e.g. `1506`. */
        of: z.number({ error: 'atteso un numero intero' }).int({ error: 'atteso un numero intero' }).positive().optional(),
        /** Share of members as printed, percent, e.g. `93`. */
        share: z
          .number({ error: 'attesa una percentuale (numero)' })
          .min(0, { error: 'una percentuale va da 0 a 100' })
          .max(100, { error: 'una percentuale va da 0 a 100' })
          .optional(),
        /** Share of the population covered, percent, e.g. `97`. */
        populationShare: z
          .number({ error: 'attesa una percentuale (numero)' })
          .min(0, { error: 'una percentuale va da 0 a 100' })
          .max(100, { error: 'una percentuale va da 0 a 100' })
          .optional(),
        /** Date or year the figures refer to, e.g. `2024`. */
        asOf: TextSchema.optional(),
      })
      .optional(),
    /** Governance bodies, in the printed order. */
    governance: z.array(GovernanceBodySchema, { error: 'attesa una lista di organi' }).optional(),
    /** Departments, e.g. `Dipartimento Welfare Immigrazione Sanità`. */
    departments: z.array(z.strictObject({ name: TextSchema, description: TextSchema.optional() })).optional(),
    /** Related entities, e.g. `{ organization: ancilab, relation: società in house }`. */
    related: z
      .array(
        z.strictObject({
          /** Id of the related organization, e.g. `ancilab`. */
          organization: withEditor(SlugSchema, { widget: 'ref', ref: 'organizations' }),
          /** Nature of the relation, e.g. `società in house`. */
          relation: TextSchema,
        }),
      )
      .optional(),
    /** Parent organization, e.g. `anci-lombardia` for AnciLab. */
    parent: withEditor(SlugSchema, { widget: 'ref', ref: 'organizations' }).optional(),
    /** Vocabulary of thematic areas used by this organization's cards. */
    areas: z.array(AreaSchema, { error: 'attesa una lista di aree tematiche' }).optional(),
    /** Brand colour as hex, e.g. `'#0066CC'`. */
    brandColor: z
      .string({ error: 'atteso un colore esadecimale tra virgolette (es. "#0066CC")' })
      .regex(/^#[0-9a-fA-F]{6}$/, { error: 'atteso un colore esadecimale di 6 cifre tra virgolette (es. "#0066CC")' })
      .optional()
      .meta({ description: 'Colore istituzionale', examples: ['#0066CC'], editor: { widget: 'color' } }),
    /** Logo next to the file. */
    logo: ImageSchema.optional(),
    /** Other links. */
    links: z.array(LinkSchema).optional(),
    ...provenanceFields,
  })
  .superRefine((org, ctx) => {
    if (org.membership?.of !== undefined && org.membership.members > org.membership.of) {
      ctx.addIssue({
        code: 'custom',
        path: ['membership', 'members'],
        message: 'i soci non possono essere più del totale (membership.of)',
      });
    }
  });

export type Organization = z.output<typeof OrganizationSchema>;
