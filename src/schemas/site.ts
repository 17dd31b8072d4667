/**
 * The site's own settings, in `data/site.yaml` (optional): where it is published — its public
 * address and the sub-path it is served under (see docs/pubblicazione.md; CI sets the same two
 * values with `ANNUARIO_SITE_URL` and `ANNUARIO_BASE`, which win over the file) — and the
 * accessibility statement AgID asks every public body to publish (legge 4/2004): what only the
 * publishing organization can declare — and the contact point of the open data's catalogue for
 * dati.gov.it. Every field is optional so that a site can be built before the statement is ready;
 * the validator warns for each part still missing, and the statement page says plainly what is
 * not yet declared instead of printing a placeholder.
 */
import { z } from 'astro/zod';
import { PartialDateSchema, TextSchema } from './common.ts';

/** A sub-path: `/` (the whole host) or `/annuario/`; slashes at either end are added when missing. */
export const BASE_RE = /^\/?(?:[A-Za-z0-9._~-]+\/?)*$/;

export const CONFORMITY_STATUSES = ['conforme', 'parzialmente-conforme', 'non-conforme'] as const;
export const ASSESSMENT_METHODS = ['autovalutazione', 'valutazione-terzi'] as const;

/** A content that is not accessible, with why and what is offered instead. */
export const NonAccessibleItemSchema = z.strictObject({
  /** What the content is, e.g. `Documenti PDF scansionati del 2018`. */
  content: TextSchema.meta({ description: 'Contenuto non accessibile', examples: ['Documenti PDF scansionati del 2018'] }),
  /** Why it is not accessible, e.g. `immagini di testo senza alternativa testuale`. */
  reason: TextSchema.optional(),
  /** The accessible alternative offered, e.g. `il testo è disponibile su richiesta`. */
  alternative: TextSchema.optional(),
});

const itemList = z.array(NonAccessibleItemSchema, { error: 'attesa una lista di contenuti (anche vuota: [])' });

export const AccessibilitySchema = z.strictObject({
  /** Conformity to WCAG 2.1 AA (UNI CEI EN 301549), e.g. `parzialmente-conforme`. */
  conformity: z
    .enum(CONFORMITY_STATUSES, { error: `atteso uno di: ${CONFORMITY_STATUSES.join(', ')}` })
    .optional()
    .meta({ description: 'Stato di conformità', examples: ['parzialmente-conforme'] }),
  /** How conformity was assessed, e.g. `autovalutazione`. */
  method: z
    .enum(ASSESSMENT_METHODS, { error: `atteso uno di: ${ASSESSMENT_METHODS.join(', ')}` })
    .optional()
    .meta({ description: 'Metodo di valutazione', examples: ['autovalutazione'] }),
  /** Contents not accessible, by the three headings of the AgID model; `[]` declares that there are none. */
  nonAccessible: z
    .strictObject({
      /** Not compliant with legge 4/2004. */
      nonCompliance: itemList.optional(),
      /** Disproportionate burden. */
      disproportionateBurden: itemList.optional(),
      /** Outside the scope of the law (e.g. third-party content). */
      outOfScope: itemList.optional(),
    })
    .optional(),
  /** The feedback mechanism: where readers report a problem or ask for an accessible format. */
  feedback: z
    .strictObject({
      /** E-mail for accessibility reports, e.g. `accessibilita@anci.lombardia.it`. */
      email: z.email({ error: 'atteso un indirizzo e-mail valido' }).optional(),
      /** Page with a dedicated form, e.g. `https://www.anci.lombardia.it/segnalazioni`. */
      url: z.url({ protocol: /^https?$/, error: 'atteso un indirizzo web completo (https://…)' }).optional(),
      /** Who answers: the RTD or the accessibility officer, e.g. `Mario Rossi, Responsabile per la transizione al digitale`. */
      responsible: TextSchema.optional(),
    })
    .optional(),
  /** Day the statement was first prepared, e.g. `2026-09-20`. */
  preparedOn: PartialDateSchema.optional().meta({ description: 'Data di redazione', examples: ['2026-09-20'] }),
  /** Day of the last review, e.g. `2026-12-01`. */
  reviewedOn: PartialDateSchema.optional().meta({ description: 'Data dell’ultimo riesame', examples: ['2026-12-01'] }),
  /** The statement as published on form.agid.gov.it, when there is one. */
  agidUrl: z.url({ protocol: /^https?$/, error: 'atteso un indirizzo web completo (https://…)' }).optional(),
});

/**
 * Who answers questions about the open data: the contact point of the DCAT-AP_IT catalogue that
 * dati.gov.it harvests (`dcat:contactPoint`, a vCard: name and e-mail required by the profile,
 * phone and page optional). Without it the catalogue uses the publishing organization's e-mail.
 */
export const OpenDataContactSchema = z.strictObject({
  /** The office or person who answers, e.g. `Ufficio comunicazione di ANCI Lombardia`. */
  name: TextSchema.meta({ description: 'Ufficio o persona che risponde sui dati', examples: ['Ufficio comunicazione di ANCI Lombardia'] }),
  /** E-mail, e.g. `dati@anci.lombardia.it`. */
  email: z
    .email({ error: 'atteso un indirizzo e-mail valido (es. dati@anci.lombardia.it)' })
    .meta({ description: 'E-mail del punto di contatto', examples: ['dati@anci.lombardia.it'] }),
  /** Phone as text, e.g. `'02 7262 9601'`. */
  phone: z
    .string({ error: 'atteso il telefono come testo tra virgolette (es. "02 7262 9601")' })
    .regex(/^\+?[\d\s()./-]{6,}$/, { error: 'atteso un numero di telefono: cifre, spazi, + iniziale (es. "02 7262 9601")' })
    .optional()
    .meta({ description: 'Telefono del punto di contatto', examples: ['02 7262 9601'] }),
  /** Page with the contacts or a form, e.g. `https://www.anci.lombardia.it/contatti`. */
  url: z
    .url({ protocol: /^https?$/, error: 'atteso un indirizzo web completo (https://…)' })
    .optional()
    .meta({ description: 'Pagina dei contatti', examples: ['https://www.anci.lombardia.it/contatti'] }),
});

/** The open data as described to the portals that harvest them (dati.gov.it). */
export const OpenDataSchema = z.strictObject({
  /** The catalogue's contact point; see OpenDataContactSchema. */
  contactPoint: OpenDataContactSchema.optional(),
});

export const SiteSchema = z.strictObject({
  /**
   * The public address without the sub-path, e.g. `https://anci-lombardia.github.io`. Without it
   * the site is built all the same, leaving out what needs an absolute address (canonical links,
   * sitemap, RSS feeds, the open-data citation).
   */
  url: z
    .url({ protocol: /^https?$/, error: 'atteso un indirizzo web completo che inizia con https:// (es. https://www.anci.lombardia.it)' })
    .meta({ description: 'Indirizzo pubblico del sito, senza il sottopercorso', examples: ['https://anci-lombardia.github.io'] })
    .optional(),
  /** The sub-path the site is served under, e.g. `/annuario/` for a GitHub Pages project site; `/` by default. */
  base: z
    .string({ error: 'atteso un percorso che inizia con / (es. /annuario/)' })
    .regex(BASE_RE, { error: 'atteso un percorso fatto di parole separate da / , senza spazi (es. /annuario/)' })
    .meta({ description: 'Sottopercorso del sito, / se il sito occupa tutto il dominio', examples: ['/annuario/'] })
    .optional(),
  /** The accessibility statement (see the AgID model). */
  accessibility: AccessibilitySchema.optional(),
  /** The open data's catalogue for dati.gov.it: its contact point. */
  openData: OpenDataSchema.optional(),
});

/** The same schema under the name the accessibility code uses. */
export const SiteConfigSchema = SiteSchema;

export type AccessibilityConfig = z.output<typeof AccessibilitySchema>;
export type OpenDataConfig = z.output<typeof OpenDataSchema>;
export type OpenDataContact = z.output<typeof OpenDataContactSchema>;
export type SiteConfig = z.output<typeof SiteConfigSchema>;
export type Site = z.output<typeof SiteSchema>;
