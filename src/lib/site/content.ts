/**
 * The site's one way to the content: the content graph the annuario content loader stored
 * (src/integration/loader.ts: the validator's own loading and cross-file checks, then
 * `buildContentGraph`). Reading Astro's store is asynchronous, the pages read synchronously:
 * `loadSiteContent()` fills the graph the other functions return. The integration's middleware
 * calls it before every page; a page's `getStaticPaths`, which Astro runs before the middleware,
 * awaits it first. In a build the store never changes, so it is read once; in dev it is read
 * again whenever the loader stored a new validation.
 */
import { getEntry } from 'astro:content';
import type { ContentGraph } from '../content-graph.ts';
import type { Problem } from '../validate/problem.ts';

/** The collection and entries written by the loader (src/integration/loader.ts). */
const COLLECTION = 'annuario';
const GRAPH_ENTRY = 'graph';
const PROBLEMS_ENTRY = 'problems';

/** The validator's problems, as the loader stored them (see `StoredProblems` in src/integration/loader.ts). */
export interface SiteProblems {
  problems: Problem[];
  errors: number;
  warnings: number;
  report: string;
}

/** A graph with nothing in it: what the routes see while a source that never validated is being fixed. */
const EMPTY_GRAPH: ContentGraph = {
  organizations: [],
  funding: [],
  documents: [],
  projects: [],
  plans: [],
  stats: [],
  reports: [],
  pages: [],
};

let cached: ContentGraph | undefined;
let cachedDigest: string | number | undefined;
let problems: SiteProblems = { problems: [], errors: 0, warnings: 0, report: '' };
let loading: Promise<SiteProblems> | undefined;

/** The data of a store entry, typed as the loader wrote it (the collection has no schema: the loader validated it). */
function dataOf<T>(entry: { data: unknown } | undefined): T | undefined {
  return entry?.data as T | undefined;
}

/** What this module reads of a store entry; written out so the types do not depend on Astro's generated ones (absent on a fresh clone). */
interface StoreEntry {
  data: unknown;
  digest?: string | number | undefined;
}

async function readStore(): Promise<SiteProblems> {
  const [graphEntry, problemsEntry]: (StoreEntry | undefined)[] = await Promise.all([
    getEntry(COLLECTION, GRAPH_ENTRY) as Promise<StoreEntry | undefined>,
    getEntry(COLLECTION, PROBLEMS_ENTRY) as Promise<StoreEntry | undefined>,
  ]);
  if (graphEntry && (graphEntry.digest === undefined || graphEntry.digest !== cachedDigest)) {
    cached = dataOf<ContentGraph>(graphEntry);
    cachedDigest = graphEntry.digest;
  }
  problems = dataOf<SiteProblems>(problemsEntry) ?? problems;
  return problems;
}

/**
 * Fills the graph from the content store, and returns the validator's problems (in dev, the
 * middleware shows them instead of the page when there are errors). Never throws on content.
 */
export function loadSiteContent(): Promise<SiteProblems> {
  if (import.meta.env.DEV) return readStore();
  loading ??= readStore();
  return loading;
}

/** The content graph of `ANNUARIO_SOURCE` (or the project itself), as last loaded by `loadSiteContent()`. */
export function siteContent(): ContentGraph {
  if (cached) return cached;
  if (problems.errors > 0) return EMPTY_GRAPH;
  throw new Error(
    'I contenuti non sono ancora stati letti: in getStaticPaths() scrivi «await loadSiteContent();» prima di usare siteContent().',
  );
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
