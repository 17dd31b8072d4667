/**
 * `annuario()`: the Astro integration that wires the project into Astro's own seams.
 * - Content enters through the content loaders of src/content.config.ts (src/integration/loader.ts).
 * - Its middleware reads the validated content before every page, and in dev shows the content's
 *   errors as an Italian page (src/integration/ContentErrors.astro) that reloads once they are fixed.
 * - After a build, the search index is written from the list of pages Astro hands over.
 * - In dev only, the web editor's API (src/integration/editor/) answers under `<base>/redazione/api/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { sourceRoot } from '../lib/source.ts';
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
  let base = '/';
  return {
    name: 'annuario',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware, injectRoute }) => {
        addMiddleware({ entrypoint: new URL('./middleware.ts', import.meta.url), order: 'pre' });
        if (command === 'dev') {
          injectRoute({ pattern: CONTENT_ERRORS_ROUTE, entrypoint: new URL('./ContentErrors.astro', import.meta.url), prerender: false });
          injectRoute({ pattern: EDITOR_ROUTE, entrypoint: new URL('../editor/Redazione.astro', import.meta.url), prerender: false });
        }
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
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
        // Loaded only now: Pagefind's module is not needed to start Astro.
        const { writeSearchIndex } = await import('./search-index.ts');
        const siteDir = fileURLToPath(dir);
        const files = pages.flatMap((page) => builtFile(siteDir, page.pathname) ?? []);
        const { pages: indexed } = await writeSearchIndex(siteDir, files);
        logger.info(`Indice di ricerca: ${indexed} pagine.`);
      },
    },
  };
}
