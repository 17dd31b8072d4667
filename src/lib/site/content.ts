/**
 * The site's one way to the content: the validated source (the same `loadSource` the validator
 * and the export use, so CSV values and computed figures are included) shaped by
 * `buildContentGraph`, read once per build. Pages never call `getCollection` for data.
 */
import fs from 'node:fs';
import { buildContentGraph, type ContentGraph } from '../content-graph.ts';
import { sourceRoot } from '../source.ts';
import { loadSource } from '../validate/load.ts';

let cached: ContentGraph | undefined;

/**
 * `npm run build` validates the source and builds this graph while Astro starts: it hands it over
 * in a JSON file (see scripts/build.ts), so Astro does not parse every file again. The file
 * appears (whole, by a rename) only once the validation has passed; Astro waits for it.
 */
export const CONTENT_CACHE_ENV = 'ANNUARIO_CONTENT_CACHE';

/** How long Astro waits for the validation before giving up (the build script stops Astro itself if the content is invalid). */
const HAND_OVER_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * The text of the build's hand-over file once it exists, or undefined outside `npm run build`.
 * Synchronous on purpose (pages read the content synchronously): sleeps in short steps.
 */
export function readHandOver(): string | undefined {
  const file = process.env[CONTENT_CACHE_ENV];
  if (!file) return undefined;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + HAND_OVER_TIMEOUT_MS;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`I contenuti validati non sono arrivati (${file}): la validazione non è finita.`);
    Atomics.wait(sleeper, 0, 0, 10);
  }
  return fs.readFileSync(file, 'utf8');
}

/** The content graph of `ANNUARIO_SOURCE` (or the project itself); throws an Italian summary if it does not load. */
export function siteContent(): ContentGraph {
  if (cached) return cached;
  const handOver = readHandOver();
  if (handOver !== undefined) {
    cached = (JSON.parse(handOver) as { graph: ContentGraph }).graph;
    return cached;
  }
  const loaded = loadSource(sourceRoot());
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const first = errors.slice(0, 5).map((p) => `  ${p.file}:${p.line}:${p.column} ${p.field ? `${p.field}: ` : ''}${p.message}`);
    throw new Error(`I contenuti hanno ${errors.length} errori: esegui "npm run validate" per l'elenco completo.\n${first.join('\n')}`);
  }
  cached = buildContentGraph(loaded.entries);
  return cached;
}

export type SiteOrganization = ContentGraph['organizations'][number];
export type SiteCard = ContentGraph['projects'][number];
export type SitePlan = ContentGraph['plans'][number];
export type SiteStatsTable = ContentGraph['stats'][number];
export type SiteReport = ContentGraph['reports'][number];
export type SitePage = ContentGraph['pages'][number];
export type SiteFunding = ContentGraph['funding'][number];

/** True when the source holds one organization: its home is then the site's home. */
export function isSingleOrganization(): boolean {
  return siteContent().organizations.length === 1;
}

/** An organization by id; throws (a build error naming the id) if it does not exist. */
export function organizationById(id: string): SiteOrganization {
  const org = siteContent().organizations.find((o) => o.id === id);
  if (!org) throw new Error(`Organizzazione «${id}» non trovata nei contenuti`);
  return org;
}
