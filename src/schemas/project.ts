/**
 * A project or service card. File: `content/projects/<organizzazione>/<slug>.md`: front matter
 * for the fields, Markdown body for the full description. The folder names the organization.
 */
import { z } from 'astro/zod';
import {
  EntryRefSchema,
  EuroSchema,
  ImageSchema,
  LinkSchema,
  PartialDateSchema,
  provenanceFields,
  SlugSchema,
  TextSchema,
  withEditor,
} from './common.ts';
import { endsBeforeStart, parsePartialDate } from '../lib/partial-date.ts';

export const CARD_KINDS = ['progetto', 'servizio'] as const;
export const CARD_STATUSES = ['attivo', 'in-progettazione', 'concluso'] as const;
export const CARD_ROLES = ['capofila', 'partner', 'attuatore', 'promotore'] as const;
export const PARTNER_RELATIONS = ['partner', 'collaborazione', 'finanziatore', 'committente'] as const;

/** Literal accepted for a budget not yet defined, as printed: `IN DEFINIZIONE`. */
export const BUDGET_TBD = 'in definizione';

/** A partner: an organization of the source (by id) or free text. */
export const PartnerSchema = z
  .strictObject({
    /** Id of an organization in `data/organizations/`, e.g. `ancilab`. */
    organization: withEditor(SlugSchema, { widget: 'ref', ref: 'organizations' }).optional(),
    /** Name as printed when the partner has no organization file, e.g. `Fondazione Cariplo`. */
    name: TextSchema.optional(),
    /** Relation to the card, e.g. `collaborazione`. */
    relation: z
      .enum(PARTNER_RELATIONS, { error: `atteso uno di: ${PARTNER_RELATIONS.join(', ')}` })
      .default('partner')
      .meta({ description: 'Tipo di relazione', examples: ['collaborazione'] }),
  })
  .refine((p) => (p.organization === undefined) !== (p.name === undefined), {
    error: 'indica "organization" (identificativo di un\'organizzazione) oppure "name" (testo libero), uno solo dei due',
  });

/** A publication produced by the project, e.g. a volume. */
export const PublicationSchema = z.strictObject({
  /** Title as printed, e.g. `Supporto ai Comuni per l'attuazione del PNRR`. */
  title: TextSchema.meta({ description: 'Titolo della pubblicazione', examples: ["Supporto ai Comuni per l'attuazione del PNRR"] }),
  /** Kind and editor as printed, e.g. `volume a cura del Centro di Competenza di ANCI Lombardia`. */
  note: TextSchema.optional(),
  /** Where to read it. */
  url: z.url({ protocol: /^https?$/, error: 'atteso un indirizzo web completo (https://…)' }).optional(),
});

export const ProjectSchema = z
  .strictObject({
    /** `progetto` or `servizio`. */
    kind: z
      .enum(CARD_KINDS, { error: 'atteso "progetto" oppure "servizio"' })
      .meta({ description: 'Progetto o servizio', examples: ['progetto'] }),
    /** Title as printed (sentence case), e.g. `Compensazioni ambientali – Concessioni Stogit`. */
    title: TextSchema.meta({ description: 'Titolo', examples: ['Compensazioni ambientali – Concessioni Stogit'] }),
    /** One-line summary, e.g. `Azioni coordinate dei Comuni lombardi…`. */
    summary: TextSchema.meta({ description: 'Sintesi in una frase', examples: ['Azioni coordinate dei Comuni lombardi coinvolti…'] }),
    /** Thematic area ids from the organization's vocabulary, e.g. `[ambiente]`. */
    areas: z
      .array(withEditor(SlugSchema, { widget: 'ref', ref: 'areas' }), { error: 'attesa una lista di aree tematiche, es. [welfare]' })
      .default([])
      .meta({ description: "Aree tematiche (identificativi del vocabolario dell'organizzazione)", examples: [['welfare']] }),
    /** `attivo`, `in-progettazione` or `concluso`. */
    status: z
      .enum(CARD_STATUSES, { error: `atteso uno di: ${CARD_STATUSES.join(', ')}` })
      .meta({ description: 'Stato', examples: ['attivo'] }),
    /** Start at the printed precision, e.g. `2020-11-27`, `2024-02`, `2018`. */
    start: PartialDateSchema.optional(),
    /** End at the printed precision, e.g. `2019-11`. */
    end: PartialDateSchema.optional(),
    /** How the dates were printed when words matter, e.g. `DA APRILE 2018`. */
    datesAsPrinted: TextSchema.optional().meta({ description: 'Le date come stampate, quando le parole contano' }),
    /** Budget in euro, e.g. `8739950.00`, or `in definizione`. */
    budget: z
      .union([EuroSchema, z.literal(BUDGET_TBD)], {
        error: 'atteso un importo in euro come numero (es. 8739950.00) oppure "in definizione"',
      })
      .optional()
      .meta({
        description: 'Budget in euro (numero col punto per i decimali) o "in definizione"',
        examples: [8739950.0],
        editor: { widget: 'amount' },
      }),
    /** Funding programme ids from `data/funding.yaml`, e.g. `[pnrr]`. */
    funding: z
      .array(withEditor(SlugSchema, { widget: 'ref', ref: 'funding' }), {
        error: 'attesa una lista di programmi di finanziamento, es. [pnrr]',
      })
      .default([])
      .meta({ description: 'Programmi di finanziamento: identificativi di data/funding.yaml' }),
    /** Role of the organization, e.g. `capofila`. */
    role: z
      .enum(CARD_ROLES, { error: `atteso uno di: ${CARD_ROLES.join(', ')}` })
      .optional()
      .meta({ description: "Ruolo dell'organizzazione nel progetto" }),
    /** Partners and collaborations. */
    partners: z.array(PartnerSchema, { error: 'attesa una lista di partner' }).default([]),
    /** Territories involved, e.g. `Valle Brembana e Valtellina di Morbegno`. */
    territories: z.array(TextSchema, { error: 'attesa una lista di territori' }).default([]),
    /** Publications produced. */
    publications: z.array(PublicationSchema, { error: 'attesa una lista di pubblicazioni' }).default([]),
    /** Links. */
    links: z.array(LinkSchema, { error: 'attesa una lista di link' }).default([]),
    /** Related cards, any organization, e.g. `[anci-nazionale/piccoli]`. */
    related: z
      .array(withEditor(EntryRefSchema, { widget: 'ref', ref: 'projects' }), {
        error: 'attesa una lista di riferimenti, es. [anci-nazionale/piccoli]',
      })
      .default([])
      .meta({ description: 'Schede collegate, anche di altre organizzazioni: organizzazione/identificativo' }),
    /** Cover image next to the file. */
    cover: ImageSchema.optional().meta({ description: 'Immagine di copertina accanto al file, con il testo alternativo: { src, alt }' }),
    ...provenanceFields,
  })
  .superRefine((card, ctx) => {
    const start = card.start === undefined ? null : parsePartialDate(card.start);
    const end = card.end === undefined ? null : parsePartialDate(card.end);
    if (start && end && endsBeforeStart(start, end)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `la fine (${card.end}) viene prima dell'inizio (${card.start ?? ''})` });
    }
    if (card.status === 'concluso' && card.end === undefined) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'un progetto "concluso" deve avere la data di fine (end)' });
    }
  });

export type ProjectCard = z.output<typeof ProjectSchema>;
