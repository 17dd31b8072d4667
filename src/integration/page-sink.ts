/**
 * Where the pages of a build go as Astro renders them, besides their files: the search index
 * (src/integration/search-index.ts). The integration opens the sink when the build starts and
 * closes it when Astro hands over the list of built pages; the middleware, which Astro bundles
 * into the build's own code, finds it here. A process-wide slot, because the integration and the
 * bundled middleware are two copies of the code in one process.
 */
import type { SearchIndexer } from './search-index.ts';

const SLOT = Symbol.for('annuario.build-search-index');

type Slot = { [SLOT]?: SearchIndexer | undefined };

/** The search index being filled by the build in progress, if any. */
export function buildSearchIndex(): SearchIndexer | undefined {
  return (globalThis as Slot)[SLOT];
}

/** Opens (with an indexer) or closes (with undefined) the build's sink. */
export function setBuildSearchIndex(indexer: SearchIndexer | undefined): void {
  (globalThis as Slot)[SLOT] = indexer;
}

/**
 * The file (relative to the site, `/`-separated) Astro writes for a page URL path with
 * `build.format: 'directory'`: `/a/b/` is `a/b/index.html`, `/` is `index.html`, and the 404
 * page is `404.html`. `base` is the site's sub-path (`/` or `/annuario/`).
 */
export function builtPagePath(pathname: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const inSite = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\/+/, '');
  const clean = decoded(inSite)
    .replace(/\/+$/, '')
    .replace(/\/index\.html$|^index\.html$/, '');
  if (clean === '') return 'index.html';
  if (clean === '404' || clean === '404.html') return '404.html';
  return clean.endsWith('.html') ? clean : `${clean}/index.html`;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
