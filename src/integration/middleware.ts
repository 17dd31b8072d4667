/**
 * Before every page: the content graph is read from Astro's content store (src/lib/site/content.ts),
 * and in dev, while the content has errors, the Italian error page is shown instead of the page.
 * After every page of a build: its HTML goes to the search index too (src/integration/page-sink.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { buildSearchIndex, builtPagePath } from './page-sink.ts';
import { CONTENT_ERRORS_ROUTE, EDITOR_ROUTE } from './routes.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  // Imported per request, not once: Astro keeps the middleware function for the whole dev session,
  // while a content change re-evaluates the pages' modules (content.ts among them, with the
  // content store's fresh data). The middleware must fill the graph of the instance the page reads.
  const { loadSiteContent } = await import('../lib/site/content.ts');
  const { errors } = await loadSiteContent();
  if (!import.meta.env.DEV) {
    const response = await next();
    const index = buildSearchIndex();
    if (!index || !response.headers.get('content-type')?.startsWith('text/html')) return response;
    // The page as Astro wrote it; the body is read once and given back unchanged.
    const html = await response.text();
    index.addPage(builtPagePath(context.url.pathname, import.meta.env.BASE_URL), html);
    return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  // The editor stays open: it is where the editor fixes the errors.
  if (errors === 0 || context.routePattern === CONTENT_ERRORS_ROUTE || context.routePattern === EDITOR_ROUTE) return next();
  // A new request, not the page's: the pages are prerendered, and Astro warns when their request's headers are copied.
  return next(new Request(new URL(`${import.meta.env.BASE_URL.replace(/\/$/, '')}${CONTENT_ERRORS_ROUTE}`, context.url)));
});
