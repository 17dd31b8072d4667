/**
 * The site's public address and sub-path, from `data/site.yaml` of the source and the
 * environment (`ANNUARIO_SITE_URL`, `ANNUARIO_BASE`, which win: a CI job knows the address the
 * platform gives). Read by astro.config.mjs and by the scripts that write links outside Astro.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SiteSchema } from '../../schemas/site.ts';

/** Where the site lives: `url` (no trailing slash) when known, and `base`, `/` or `/annuario/`. */
export interface SiteAddress {
  url: string | undefined;
  base: string;
}

/** The file that holds the address, relative to the source folder. */
export const SITE_FILE = path.join('data', 'site.yaml');

/** `annuario`, `/annuario`, `/annuario/` -> `/annuario/`; empty or `/` -> `/`. */
export function normalizeBase(base: string | undefined): string {
  const parts = (base ?? '').split('/').filter(Boolean);
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}

/** Raised for a `data/site.yaml` that cannot be used: the message names file, field and fix. */
export class SiteAddressError extends Error {
  override name = 'SiteAddressError';
}

/** Values from the file (if any) and the environment, validated by SiteSchema, env first. */
export function siteAddress(root: string, env: NodeJS.ProcessEnv = process.env): SiteAddress {
  const file = path.join(root, SITE_FILE);
  let fromFile: unknown = {};
  if (fs.existsSync(file)) {
    try {
      fromFile = parse(fs.readFileSync(file, 'utf8')) ?? {};
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new SiteAddressError(
        `${SITE_FILE}: il file non è YAML valido (${reason}). Correggi la riga indicata, oppure cancella il file.`,
      );
    }
  }
  const fromEnv = {
    ...(env['ANNUARIO_SITE_URL']?.trim() ? { url: env['ANNUARIO_SITE_URL'].trim() } : {}),
    ...(env['ANNUARIO_BASE']?.trim() ? { base: env['ANNUARIO_BASE'].trim() } : {}),
  };
  const merged = typeof fromFile === 'object' && !Array.isArray(fromFile) ? { ...fromFile, ...fromEnv } : fromFile;
  const result = SiteSchema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const field = issue.path.join('.') || '(tutto il file)';
      const origin =
        issue.path[0] === 'url' && 'url' in fromEnv
          ? 'ANNUARIO_SITE_URL'
          : issue.path[0] === 'base' && 'base' in fromEnv
            ? 'ANNUARIO_BASE'
            : SITE_FILE;
      return `${origin}, campo «${field}»: ${issue.message}`;
    });
    throw new SiteAddressError(
      `Indirizzo del sito non valido:\n  ${lines.join('\n  ')}\nEsempio corretto per ${SITE_FILE}:\n  url: https://anci-lombardia.github.io\n  base: /annuario/`,
    );
  }
  // An address with a path (`https://ente.it/annuario/`, what GitLab Pages hands over as
  // CI_PAGES_URL) says the sub-path too; an explicit base must then agree with it.
  const url = result.data.url === undefined ? undefined : new URL(result.data.url);
  const pathBase = url ? normalizeBase(url.pathname) : '/';
  const base = result.data.base === undefined ? pathBase : normalizeBase(result.data.base);
  if (pathBase !== '/' && pathBase !== base) {
    throw new SiteAddressError(
      `Indirizzo del sito non valido: l'indirizzo ${result.data.url} finisce con ${pathBase} ma il sottopercorso (base) è ${base}.\n` +
        `Scrivi l'indirizzo senza percorso (url: ${url?.origin ?? ''}) e il sottopercorso a parte (base: ${base}), oppure togli base.`,
    );
  }
  return { url: url?.origin, base };
}

/** The one line a build prints when the address is missing. */
export const MISSING_ADDRESS_NOTE =
  'Indirizzo del sito non impostato (campo url in data/site.yaml o ANNUARIO_SITE_URL): il sito è costruito senza link canonici, sitemap, feed RSS e indirizzo di citazione dei dati aperti.';
