/**
 * Every URL of the site, in one place: pages link through these, so a route can move without a
 * hunt. Italian slugs, trailing slashes (Astro's `directory` build format). Ids are the content's
 * own (`<organizzazione>/<slug>`), so every function here is pure.
 *
 * `routes` gives site paths (`/anci-toscana/piani/`), the layout of the built folder; `urls` gives
 * the same paths under the sub-path the site is published at (`/annuario/anci-toscana/piani/`,
 * Astro's `base`, see src/lib/site/address.ts), which is what a link must say. Code outside
 * Astro (the PDF step) builds its links with `routesUnder(base)`.
 */

/** The part of an id after the organization: `anci-lombardia/sportello` → `sportello`. */
export function localSlug(id: string): string {
  const slash = id.indexOf('/');
  return slash === -1 ? id : id.slice(slash + 1);
}

/** The organization of an id: `anci-lombardia/sportello` → `anci-lombardia`. */
export function organizationOf(id: string): string {
  const slash = id.indexOf('/');
  return slash === -1 ? id : id.slice(0, slash);
}

export const routes = {
  home: (): string => '/',
  /** The organization's home; with a single organization in the source it is the site's home. */
  organization: (org: string, singleOrganization = false): string => (singleOrganization ? '/' : `/${org}/`),
  about: (org: string): string => `/${org}/organizzazione/`,
  catalogue: (org: string): string => `/${org}/attivita/`,
  /** A static, JavaScript-free view of the catalogue restricted to one facet value. */
  catalogueFacet: (org: string, facet: string, value: string): string => `/${org}/attivita/${facet}/${value}/`,
  card: (id: string): string => `/${organizationOf(id)}/attivita/${localSlug(id)}/`,
  plans: (org: string): string => `/${org}/piani/`,
  /** A plan by its id (`anci-toscana/2021`); `objective` adds the anchor of one objective. */
  plan: (id: string, objective?: string): string =>
    `/${organizationOf(id)}/piani/${localSlug(id)}/${objective ? `#obiettivo-${objective}` : ''}`,
  /** An objective by its global id (`anci-toscana/2021/riforma-cal`). */
  objective: (globalId: string): string => {
    const [org = '', year = '', objective = ''] = globalId.split('/');
    return `/${org}/piani/${year}/#obiettivo-${objective}`;
  },
  /** Every objective of an organization's plans, one entry per trail across the years. */
  objectives: (org: string): string => `/${org}/obiettivi/`,
  /** An objective's trail on the objectives page, by the global id of its first appearance (`anci-toscana/2018/riforma-cal`). */
  objectiveTrail: (rootGlobalId: string): string => {
    const [org = '', year = '', objective = ''] = rootGlobalId.split('/');
    return `/${org}/obiettivi/#obiettivo-${year}-${objective}`;
  },
  /** What changed between two plans of an organization (`/anci-toscana/confronto/2018-2021/`). */
  planComparison: (org: string, olderYear: number, newerYear: number): string => `/${org}/confronto/${olderYear}-${newerYear}/`,
  statsIndex: (org: string): string => `/${org}/statistiche/`,
  stats: (id: string): string => `/${organizationOf(id)}/statistiche/${localSlug(id)}/`,
  statsCsv: (id: string): string => `/${organizationOf(id)}/statistiche/${localSlug(id)}.csv`,
  reports: (org: string): string => `/${org}/pubblicazioni/`,
  report: (id: string): string => `/${organizationOf(id)}/pubblicazioni/${localSlug(id)}/`,
  /** The PDF of a report, in its digital or print-shop variant (produced by the PDF step). */
  reportPdf: (id: string, variant: 'digitale' | 'tipografia' = 'digitale'): string =>
    `/${organizationOf(id)}/pubblicazioni/${localSlug(id)}${variant === 'digitale' ? '' : '-tipografia'}.pdf`,
  /** The print version of a report, paginated by Paged.js into the PDF (not linked, not indexed). */
  printReport: (id: string): string => `/stampa/${organizationOf(id)}/${localSlug(id)}/`,
  /** Where the PDF step lists the PDFs it made (sizes, pages), beside the site. */
  pdfManifest: (): string => '/pubblicazioni-pdf.json',
  page: (id: string): string => `/${organizationOf(id)}/testi/${localSlug(id)}/`,
  funding: (fundingId: string): string => `/finanziamenti/${fundingId}/`,
  fundingIndex: (): string => '/finanziamenti/',
  openData: (): string => '/dati/',
  /** The DCAT-AP_IT description of the open data, for portals to harvest (src/pages/dati/catalogo.jsonld.ts). */
  openDataCatalog: (): string => '/dati/catalogo.jsonld',
  /** All the open data in one ZIP archive (src/pages/dati/annuario-dati.zip.ts). */
  openDataArchive: (): string => '/dati/annuario-dati.zip',
  search: (): string => '/cerca/',
  /** Pagefind's browser module, written by the build next to the pages (see scripts/lib/search-index.ts). */
  searchBundle: (): string => '/pagefind/pagefind.js',
  /** The site's words, for the search's «did you mean» (src/pages/cerca/parole.json.ts). */
  searchWords: (): string => '/cerca/parole.json',
  accessibility: (): string => '/accessibilita/',
  feed: (org: string): string => `/${org}/attivita/feed.xml`,
  favicon: (): string => '/favicon.svg',
  /** The same icon as a 32 px ICO, for browsers and tools that ask for /favicon.ico. */
  faviconIco: (): string => '/favicon.ico',
  /** The sitemap index written by @astrojs/sitemap (only when the site has an address). */
  sitemap: (): string => '/sitemap-index.xml',
} as const;

/** `/annuario/` + `/a/b/` -> `/annuario/a/b/`; the base `/` leaves the path as it is. */
export function withBase(base: string, sitePath: string): string {
  return base === '/' || base === '' ? sitePath : `${base.replace(/\/+$/, '')}${sitePath}`;
}

/** The inverse of withBase: the site path of a link, or the link itself when it is outside the base. */
export function withoutBase(base: string, href: string): string {
  const prefix = base.replace(/\/+$/, '');
  return prefix !== '' && href.startsWith(`${prefix}/`) ? href.slice(prefix.length) : href;
}

/** Every route, its result put under `base`. */
export function routesUnder(base: string): typeof routes {
  const entries = Object.entries(routes).map(([name, route]: [string, (...args: never[]) => string]) => [
    name,
    (...args: never[]) => withBase(base, route(...args)),
  ]);
  // Same names, same parameters, a string out: the table's own type still describes it.
  return Object.fromEntries(entries) as typeof routes;
}

/**
 * The sub-path Vite writes into the site's code at build time (`define` in astro.config.mjs, from
 * data/site.yaml). Not `import.meta.env.BASE_URL`: during a server-side build Astro reads that
 * from the process environment first, so a stray `BASE_URL` variable would win over the config.
 */
declare const __ANNUARIO_BASE__: string | undefined;

/** Links of the pages; in plain Node (scripts, tests outside Vite) nothing is defined and the base is `/`. */
export const urls = routesUnder(typeof __ANNUARIO_BASE__ === 'string' ? __ANNUARIO_BASE__ : '/');
