/**
 * One representative page per route of the built site, so the browser tests cover every kind of
 * page without visiting thousands: the URLs come from the built sitemap, the grouping from the
 * route files in `src/pages/` (`[org]/attivita/[card].astro` → `/[org]/attivita/[card]/`), so a
 * page added by a new route file is covered as soon as it is built.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A page route: its pattern as segments (`[x]` one segment, `[...x]` any number). */
export interface Route {
  pattern: string;
  segments: string[];
}

/** The route of a file under `src/pages/` (relative, `/`-separated), or undefined for non-page files. */
export function routeOfFile(relPath: string): Route | undefined {
  const match = /^(.*?)\.(astro|md|mdx|html)$/.exec(relPath);
  if (!match?.[1]) return undefined;
  const segments = match[1].split('/').filter((part) => part !== 'index' && part !== '');
  if (segments.some((part) => part.startsWith('_'))) return undefined;
  return { pattern: `/${segments.map((part) => `${part}/`).join('')}`, segments };
}

type SegmentKind = 0 | 1 | 2;
/** Static segments beat `[param]`, which beats `[...rest]` (Astro's route priority). */
const kind = (segment: string): SegmentKind => (segment.startsWith('[...') ? 2 : segment.startsWith('[') ? 1 : 0);

/** Whether a URL path's segments match a route's segments. */
function matches(route: readonly string[], parts: readonly string[]): boolean {
  if (route.length === 0) return parts.length === 0;
  const [head = '', ...rest] = route;
  if (kind(head) === 2) return parts.some((_, i) => matches(rest, parts.slice(i))) || matches(rest, parts.slice(parts.length));
  if (parts.length === 0) return false;
  if (kind(head) === 0 && head !== parts[0]) return false;
  return matches(rest, parts.slice(1));
}

/** Orders routes so the most specific comes first: segment by segment, static before dynamic. */
function bySpecificity(a: Route, b: Route): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i += 1) {
    const ka = a.segments[i] === undefined ? 3 : kind(a.segments[i] ?? '');
    const kb = b.segments[i] === undefined ? 3 : kind(b.segments[i] ?? '');
    if (ka !== kb) return ka - kb;
  }
  return a.pattern.localeCompare(b.pattern);
}

/** The route serving a URL path, or undefined if none matches. */
export function routeOf(routes: readonly Route[], urlPath: string): Route | undefined {
  const parts = urlPath.split('/').filter(Boolean).map(decodeURIComponent);
  return [...routes].sort(bySpecificity).find((route) => matches(route.segments, parts));
}

/**
 * One URL path per route, as `{ pattern, path }` sorted by pattern: the one with the highest
 * `weight` (the tests use the built file's size, so the richest page represents its route),
 * the first in the given order on a tie. URLs no route serves get their own entry.
 */
export function representativePages(
  routes: readonly Route[],
  urlPaths: readonly string[],
  weight: (urlPath: string) => number = () => 0,
): { pattern: string; path: string }[] {
  const chosen = new Map<string, { path: string; weight: number }>();
  for (const urlPath of urlPaths) {
    const pattern = routeOf(routes, urlPath)?.pattern ?? urlPath;
    const w = weight(urlPath);
    const current = chosen.get(pattern);
    if (!current || w > current.weight) chosen.set(pattern, { path: urlPath, weight: w });
  }
  return [...chosen].map(([pattern, page]) => ({ pattern, path: page.path })).sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The URL paths of a built sitemap (`<loc>` values of every sitemap listed in the index). */
export function sitemapPaths(siteDir: string): string[] {
  const locs = (file: string) =>
    [...fs.readFileSync(path.join(siteDir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  const index = path.join(siteDir, 'sitemap-index.xml');
  const sitemaps = fs.existsSync(index) ? locs('sitemap-index.xml').map((p) => p.slice(1)) : ['sitemap-0.xml'];
  return sitemaps.flatMap(locs);
}

/** Every page route declared by the files under `pagesDir`. */
export function pageRoutes(pagesDir: string): Route[] {
  return fs
    .readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
    .map((file) => routeOfFile(file.split(path.sep).join('/')))
    .filter((route): route is Route => route !== undefined);
}

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
/** This project's route files. */
export const projectPagesDir = path.join(projectRoot, 'src', 'pages');

/** The representative pages (the largest of each route) of a built site of this project, plus the 404 page. */
export function sitePagesToVisit(siteDir: string): { pattern: string; path: string }[] {
  const size = (urlPath: string) => fs.statSync(path.join(siteDir, urlPath, 'index.html'), { throwIfNoEntry: false })?.size ?? 0;
  const pages = representativePages(pageRoutes(projectPagesDir), sitemapPaths(siteDir), size);
  return [...pages, { pattern: '/404', path: '/404.html' }];
}

/**
 * One page of every page type of a built site of this project, the richest of each route, from
 * every built HTML file, so the pages the sitemap leaves out (the print versions of the reports)
 * are among them; a page built as a file of its own (`/404.html`) is a type of its own.
 */
export function pageTypes(siteDir: string): { pattern: string; path: string }[] {
  const built = builtPages(siteDir);
  const size = (urlPath: string) => fs.statSync(path.join(siteDir, urlPath, 'index.html')).size;
  const routed = representativePages(
    pageRoutes(projectPagesDir),
    built.filter((urlPath) => urlPath.endsWith('/')),
    size,
  );
  const ownFiles = built.filter((urlPath) => !urlPath.endsWith('/')).map((urlPath) => ({ pattern: urlPath, path: urlPath }));
  return [...routed, ...ownFiles];
}

/** Every HTML page of a built site as a URL path (`/a/` for `a/index.html`, `/404.html`), sorted; Pagefind's files aside. */
export function builtPages(siteDir: string): string[] {
  return fs
    .readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
}
