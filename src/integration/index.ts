/**
 * `annuario()`: the Astro integration that wires the project into Astro's own seams.
 * - Content enters through the content loaders of src/content.config.ts (src/integration/loader.ts).
 * - Its middleware reads the validated content before every page, and in dev shows the content's
 *   errors as an Italian page (src/integration/ContentErrors.astro) that reloads once they are fixed.
 * - In a build, Pagefind starts with it and indexes each page as it is rendered (through the
 *   middleware); once Astro hands over the list of built pages, the index is checked against it,
 *   completed and written.
 * - In dev only, the web editor's API (src/integration/editor/) answers under `<base>/redazione/api/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { sourceRoot } from '../lib/source.ts';
import { buildSearchIndex, setBuildSearchIndex } from './page-sink.ts';
import { CONTENT_ERRORS_ROUTE, EDITOR_API_PATH, EDITOR_ROUTE } from './routes.ts';

/**
 * The built file (relative to `dir`, `/`-separated) of a page Astro reports: `a/b/` is
 * `a/b/index.html` with `build.format: 'directory'`, an endpoint `dati/x.csv` is itself, and the
 * 404 page (reported as `404/`) is `404.html`, whatever the format. Undefined if neither exists.
 */
export function builtFile(dir: string, pathname: string): string | undefined {
  const clean = pathname.replace(/^\/+|\/+$/g, '');
  const candidates = clean === '' ? ['index.html'] : [`${clean}/index.html`, `${clean}.html`, clean];
  return candidates.find((file) => fs.existsSync(path.join(dir, file)) && fs.statSync(path.join(dir, file)).isFile());
}

export default function annuario(): AstroIntegration {
  let outDir: string | undefined;
  let base = '/';
  return {
    name: 'annuario',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base;
      },
      'astro:build:start': async () => {
        // Loaded only now: Pagefind's module is not needed to start Astro (nor in dev).
        const { SearchIndexer } = await import('./search-index.ts');
        await buildSearchIndex()?.abort();
        if (outDir) setBuildSearchIndex(new SearchIndexer(outDir));
      },
      'astro:config:setup': ({ command, addMiddleware, injectRoute }) => {
        addMiddleware({ entrypoint: new URL('./middleware.ts', import.meta.url), order: 'pre' });
        if (command === 'dev') {
          injectRoute({ pattern: CONTENT_ERRORS_ROUTE, entrypoint: new URL('./ContentErrors.astro', import.meta.url), prerender: false });
          injectRoute({ pattern: EDITOR_ROUTE, entrypoint: new URL('../editor/Redazione.astro', import.meta.url), prerender: false });
        }
      },
      // Only `astro dev` runs this hook: the public build contains none of the editor.
      'astro:server:setup': async ({ server, logger }) => {
        const { editorApi } = await import('./editor/http.ts');
        const { cachedValidation } = await import('./editor/api.ts');
        const root = sourceRoot();
        const validation = cachedValidation(root);
        const handle = editorApi({ root, base, ...validation }, logger);
        // Astro's own base middleware may run first and strip the base from the URL: both forms are the API.
        const prefixes = [...new Set([`${base.replace(/\/+$/, '')}${EDITOR_API_PATH}/`, `${EDITOR_API_PATH}/`])];
        server.middlewares.use((request, response, next) => {
          const prefix = prefixes.find((candidate) => request.url?.startsWith(candidate));
          if (prefix === undefined) return next();
          request.url = `/${(request.url ?? '').slice(prefix.length)}`;
          handle(request, response, next);
        });
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const { SearchIndexError, SearchIndexer } = await import('./search-index.ts');
        const siteDir = fileURLToPath(dir);
        const files = pages.flatMap((page) => builtFile(siteDir, page.pathname) ?? []);
        const index = buildSearchIndex() ?? new SearchIndexer(siteDir);
        setBuildSearchIndex(undefined);
        // A page indexed under a name Astro did not build would be a search result leading nowhere.
        const built = new Set(files);
        const stray = [...index.queued].filter((file) => !built.has(file));
        if (stray.length > 0) {
          await index.abort();
          throw new SearchIndexError(
            `Indice di ricerca (Pagefind) non creato: pagine indicizzate ma non costruite: ${stray.slice(0, 5).join(', ')}.`,
          );
        }
        // Pages the middleware did not see (none expected) are read from their files.
        for (const file of files) index.add(file);
        const { pages: indexed } = await index.finish();
        logger.info(`Indice di ricerca: ${indexed} pagine.`);
      },
    },
  };
}
