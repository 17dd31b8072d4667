/**
 * The content loaders (Astro's Content Layer API) through which the source enters the site, in
 * `astro dev` and `astro build` alike.
 *
 * `annuarioLoader` stores the validated content graph as the entry `graph` of its collection and
 * the validator's problems as the entry `problems`: the pages read the graph through
 * src/lib/site/content.ts, and the dev middleware shows the problems as an Italian error page. In
 * a build, a source with errors stops the build with the validator's report. In dev the source is
 * watched: a saved file is validated again and the store updated, which is what makes Astro clear
 * its route cache and reload the open page.
 *
 * `contentImageLoader` hands Astro each card cover and organization logo, so they go through
 * astro:assets and sharp like any Astro image; the collection's `image()` schema resolves them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { sourceRoot } from '../lib/source.ts';
import { publishOutcome } from './outcome.ts';
import { useValidationCache, validatedSource, watchSource, type SourceOutcome } from './source.ts';

/** The collection the content graph is stored in, and its two entries. */
export const CONTENT_COLLECTION = 'annuario';
export const GRAPH_ENTRY = 'graph';
export const PROBLEMS_ENTRY = 'problems';

/** The `problems` entry: the validator's problems of the current source. */
export interface StoredProblems {
  problems: SourceOutcome['problems'];
  errors: number;
  warnings: number;
  report: string;
}

/** Error of a build whose content does not validate; its message is the validator's report. */
export class ContentErrors extends Error {
  override name = 'ContentErrors';
}

let lastReport: string | undefined;

function storeOutcome(context: LoaderContext, outcome: SourceOutcome): void {
  const { store, logger } = context;
  const problems: StoredProblems = {
    problems: outcome.problems,
    errors: outcome.errors,
    warnings: outcome.warnings,
    report: outcome.report,
  };
  store.set({ id: PROBLEMS_ENTRY, data: { ...problems }, digest: context.generateDigest({ ...problems }) });
  // With errors the last good graph stays: the routes it gives keep answering (with the error page).
  if (outcome.graph) store.set({ id: GRAPH_ENTRY, data: { ...outcome.graph }, digest: context.generateDigest(outcome.graph) });
  publishOutcome(outcome);
  // The terminal repeats a report only when it changed: saving another file says nothing new.
  if (outcome.report === lastReport) return;
  lastReport = outcome.report;
  if (outcome.errors > 0)
    logger.error(`I contenuti hanno errori: le pagine mostrano questo elenco finché non li correggi.\n${outcome.report}`);
  else if (outcome.warnings > 0) logger.warn(outcome.report);
}

/** Both loaders validate through the cache of clean files, whichever Astro runs first. */
function keepCleanFiles(context: LoaderContext, root: string): void {
  useValidationCache(root, { projectRoot: fileURLToPath(context.config.root), cacheDir: fileURLToPath(context.config.cacheDir) });
}

export function annuarioLoader(): Loader {
  return {
    name: 'annuario',
    load: async (context) => {
      const root = sourceRoot();
      keepCleanFiles(context, root);
      const outcome = validatedSource(root);
      // No watcher: a build (or `astro sync`), which must not go on with invalid content.
      if (!context.watcher && outcome.errors > 0) {
        publishOutcome(outcome);
        throw new ContentErrors(`I contenuti hanno errori: il sito non è stato costruito.\n\n${outcome.report}`);
      }
      storeOutcome(context, outcome);
      if (context.watcher) {
        let last = outcome;
        watchSource(context.watcher, root, () => {
          const next = validatedSource(root);
          if (next.errors === 0 && last.errors > 0) context.logger.info('Errori corretti: le pagine mostrano di nuovo i contenuti.');
          storeOutcome(context, next);
          last = next;
        });
      }
      return Promise.resolve();
    },
  };
}

export function contentImageLoader(): Loader {
  return {
    name: 'annuario-images',
    load: async (context) => {
      const siteRoot = fileURLToPath(context.config.root);
      const root = sourceRoot();
      keepCleanFiles(context, root);
      const storeImages = async () => {
        const { images, errors } = validatedSource(root);
        // A source with errors keeps the images it had: the pages show the error page meanwhile.
        if (errors > 0) return;
        context.store.clear();
        for (const { id, filePath: abs, image } of images) {
          // Astro wants entry paths relative to the project root (a source elsewhere gives `../…`).
          const filePath = path.relative(siteRoot, path.resolve(abs)).split(path.sep).join('/');
          const data = await context.parseData({ id, data: { ...image }, filePath });
          context.store.set({ id, data, filePath });
        }
      };
      await storeImages();
      if (context.watcher) watchSource(context.watcher, root, () => void storeImages());
    },
  };
}
