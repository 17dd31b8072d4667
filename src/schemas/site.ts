/**
 * Where the site is published: its public address and the sub-path it is served under. File:
 * `data/site.yaml` (optional; see docs/pubblicazione.md). CI sets the same two values with the
 * environment variables `ANNUARIO_SITE_URL` and `ANNUARIO_BASE`, which win over the file.
 */
import { z } from 'astro/zod';

/** A sub-path: `/` (the whole host) or `/annuario/`; slashes at either end are added when missing. */
export const BASE_RE = /^\/?(?:[A-Za-z0-9._~-]+\/?)*$/;

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
});

export type Site = z.output<typeof SiteSchema>;
