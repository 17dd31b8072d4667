/**
 * The site's full-text search index, written by Pagefind into `<site>/pagefind/` right after
 * Astro built the site. Only real content pages are indexed: not the 404 page, not the search
 * page itself, not the print views of reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { close, createIndex } from 'pagefind';

/** Whether a built HTML file (path relative to the site, `/`-separated) belongs in the search. */
export function isSearchable(relPath: string): boolean {
  if (!relPath.endsWith('.html')) return false;
  if (relPath === '404.html' || relPath === 'cerca/index.html') return false;
  return !relPath.split('/').includes('stampa');
}

/** Every searchable HTML file of a built site, relative and `/`-separated, sorted. */
export function searchablePages(siteDir: string): string[] {
  return fs
    .readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/') && isSearchable(file))
    .sort();
}

/** Error of the indexing step, already worded for the editor. */
export class SearchIndexError extends Error {}

/**
 * Indexes the built site in `siteDir` (Italian stemming for every page) and writes the index to
 * `<siteDir>/pagefind/`. Throws a `SearchIndexError` listing Pagefind's own messages.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  const fail = (what: string, errors: string[]) =>
    new SearchIndexError(`Indice di ricerca (Pagefind) non creato: ${what}.\n${errors.map((e) => `  ${e}`).join('\n')}`);
  // If Pagefind's binary dies (a panic), its pending promises never settle and Node would just
  // exit with code 0, the build silently unfinished. An empty event loop means exactly that.
  let onEmptyLoop = (): void => undefined;
  const died = new Promise<never>((_resolve, reject) => {
    onEmptyLoop = () => reject(new Error('il programma di Pagefind si è chiuso senza rispondere (vedi i messaggi qui sopra)'));
  });
  process.once('beforeExit', onEmptyLoop);
  const indexing = async () => {
    const { index, errors } = await createIndex({ forceLanguage: 'it' });
    if (!index) throw fail('avvio non riuscito', errors);
    const files = searchablePages(siteDir);
    for (const relPath of files) {
      const content = fs.readFileSync(path.join(siteDir, relPath), 'utf8');
      const added = await index.addHTMLFile({ sourcePath: relPath, content });
      if (added.errors.length > 0) throw fail(`errore nella pagina ${relPath}`, added.errors);
    }
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw fail('scrittura dei file non riuscita', written.errors);
    return { pages: files.length };
  };
  try {
    return await Promise.race([indexing(), died]);
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    throw fail('Pagefind si è interrotto', [error instanceof Error ? error.message : String(error)]);
  } finally {
    process.off('beforeExit', onEmptyLoop);
    await close();
  }
}
