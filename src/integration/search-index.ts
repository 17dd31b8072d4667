/**
 * The site's full-text search index, written by Pagefind into `<site>/pagefind/`. Pagefind runs
 * as its own process from the start of the build: the integration's middleware hands it each page
 * as Astro renders it (src/integration/page-sink.ts), so the index is filled on the second core
 * while the first renders the next pages; the `astro:build:done` hook (src/integration/index.ts)
 * then checks it against the list of pages Astro built, adds any page it did not see, and writes
 * it. Only real content pages are indexed: not the 404 page, not the search page itself, not the
 * print views of reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { close, createIndex, type PagefindIndex } from 'pagefind';

/** Whether a built HTML file (path relative to the site, `/`-separated) belongs in the search. */
export function isSearchable(relPath: string): boolean {
  if (!relPath.endsWith('.html')) return false;
  if (relPath === '404.html' || relPath === 'cerca/index.html') return false;
  return !relPath.split('/').includes('stampa');
}

/**
 * What Pagefind needs of a page: its title and the one element marked `data-pagefind-body`, when
 * that is the page's `<main>` (Base.astro), without the elements marked `data-pagefind-ignore`
 * (the card lists: most of the bytes of the catalogue and its facet views); other pages whole.
 * Pagefind reads nothing else on such a page, and skipping the head (the CSP's hashes, preloads),
 * the frame and the lists halves its work. The index is the same: checked fragment by fragment.
 */
export function indexedPart(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  const open = start === -1 ? '' : html.slice(start, html.indexOf('>', start) + 1);
  if (end < start || !open.includes('data-pagefind-body') || html.indexOf('data-pagefind-body') !== html.lastIndexOf('data-pagefind-body'))
    return html;
  const title = /<title>[^<]*<\/title>/.exec(html)?.[0] ?? '';
  return `<!doctype html><html lang="it"><head>${title}</head><body>${withoutIgnored(html.slice(start, end + '</main>'.length))}</body></html>`;
}

const IGNORE = ' data-pagefind-ignore';

/**
 * `html` without the elements that carry `data-pagefind-ignore` (whose content and filters
 * Pagefind leaves out of the index: the card lists have none). Astro's markup: attribute values
 * in double quotes, `<` escaped in text. Anything unexpected leaves the rest as it is, for
 * Pagefind to judge.
 */
export function withoutIgnored(html: string): string {
  let out = '';
  let from = 0;
  for (let at = html.indexOf(IGNORE); at !== -1; at = html.indexOf(IGNORE, at + IGNORE.length)) {
    const next = html[at + IGNORE.length];
    const open = html.lastIndexOf('<', at);
    const tag = /^<([a-z][a-z0-9-]*)\s/.exec(html.slice(open, at + 1))?.[1];
    const inTag = html.slice(open, at);
    // Only the attribute itself: inside a start tag, outside any quoted value.
    if (open < from || !tag || inTag.includes('>') || (inTag.split('"').length - 1) % 2 !== 0 || !/^[\s>=/]/.test(next ?? '')) continue;
    const close = matchingClose(html, tag, html.indexOf('>', at) + 1);
    if (close === -1) return out + html.slice(from);
    out += html.slice(from, open);
    from = close;
    at = close - IGNORE.length;
  }
  return out + html.slice(from);
}

/** The index just after the `</tag>` that closes an element whose content starts at `from`, or -1. */
function matchingClose(html: string, tag: string, from: number): number {
  const pattern = new RegExp(`<(/?)${tag}[\\s>]`, 'g');
  pattern.lastIndex = from;
  let depth = 1;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.indexOf('>', m.index) + 1;
  }
  return -1;
}

/** Error of the indexing step, already worded for the editor. */
export class SearchIndexError extends Error {}

function failure(what: string, errors: readonly string[]): SearchIndexError {
  return new SearchIndexError(`Indice di ricerca (Pagefind) non creato: ${what}.\n${errors.map((e) => `  ${e}`).join('\n')}`);
}

/** Pages handed to Pagefind at once: enough to keep it busy, few enough to bound the memory. */
const IN_FLIGHT = 16;

/** A search index being filled: `add` each built page, then `finish` writes `<siteDir>/pagefind/`. */
export class SearchIndexer {
  readonly #siteDir: string;
  readonly #index: Promise<PagefindIndex>;
  readonly #added = new Set<string>();
  /** Pages waiting for Pagefind: a built file to read, or a page's HTML as rendered. */
  readonly #queue: { relPath: string; html?: string }[] = [];
  readonly #running = new Set<Promise<void>>();
  #failure: SearchIndexError | null = null;
  #closed = false;
  // If Pagefind's binary dies (a panic), its pending promises never settle and Node would just
  // exit with code 0, the build silently unfinished. An empty event loop means exactly that.
  readonly #died: Promise<never>;
  readonly #onEmptyLoop: () => void;

  constructor(siteDir: string) {
    this.#siteDir = siteDir;
    let reject: (error: Error) => void = () => undefined;
    this.#died = new Promise<never>((_resolve, rej) => (reject = rej));
    this.#died.catch(() => undefined);
    this.#onEmptyLoop = () => reject(new Error('il programma di Pagefind si è chiuso senza rispondere (vedi i messaggi qui sopra)'));
    process.once('beforeExit', this.#onEmptyLoop);
    this.#index = createIndex({ forceLanguage: 'it' }).then(({ index, errors }) => {
      if (!index) throw failure('avvio non riuscito', errors);
      return index;
    });
    this.#index.catch(() => undefined);
  }

  /** Queues a built file (relative, `/`-separated) if it belongs in the search and was not queued yet. */
  add(relPath: string): void {
    if (!isSearchable(relPath) || this.#added.has(relPath)) return;
    this.#added.add(relPath);
    this.#queue.push({ relPath });
    this.#pump();
  }

  /** Queues a page by its HTML as rendered, to be written at `relPath` (relative, `/`-separated), if it belongs in the search. */
  addPage(relPath: string, html: string): void {
    if (!isSearchable(relPath) || this.#added.has(relPath)) return;
    this.#added.add(relPath);
    // Only the part Pagefind reads is kept while the page waits.
    this.#queue.push({ relPath, html: indexedPart(html) });
    this.#pump();
  }

  /** The pages queued so far (relative paths). */
  get queued(): ReadonlySet<string> {
    return this.#added;
  }

  #pump(): void {
    while (this.#running.size < IN_FLIGHT && this.#queue.length > 0) {
      const page = this.#queue.shift() as { relPath: string; html?: string };
      const job = this.#addFile(page.relPath, page.html).finally(() => {
        this.#running.delete(job);
        this.#pump();
      });
      this.#running.add(job);
    }
  }

  async #addFile(relPath: string, html: string | undefined): Promise<void> {
    if (this.#failure) return;
    try {
      const index = await this.#index;
      const content = html ?? indexedPart(await fs.promises.readFile(path.join(this.#siteDir, relPath), 'utf8'));
      const added = await index.addHTMLFile({ sourcePath: relPath, content });
      if (added.errors.length > 0) this.#failure ??= failure(`errore nella pagina ${relPath}`, added.errors);
    } catch (error) {
      this.#failure ??= error instanceof SearchIndexError ? error : failure('Pagefind si è interrotto', [String(error)]);
    }
  }

  async #drain(): Promise<void> {
    while (this.#running.size > 0 || this.#queue.length > 0) await Promise.all([...this.#running]);
  }

  /** Waits for Pagefind and writes the index. Throws a `SearchIndexError` listing Pagefind's own messages. */
  async finish(): Promise<{ pages: number }> {
    const finishing = async () => {
      await this.#drain();
      if (this.#failure) throw this.#failure;
      const written = await (await this.#index).writeFiles({ outputPath: path.join(this.#siteDir, 'pagefind') });
      if (written.errors.length > 0) throw failure('scrittura dei file non riuscita', written.errors);
      return { pages: this.#added.size };
    };
    try {
      return await Promise.race([finishing(), this.#died]);
    } catch (error) {
      if (error instanceof SearchIndexError) throw error;
      throw failure('Pagefind si è interrotto', [error instanceof Error ? error.message : String(error)]);
    } finally {
      await this.abort();
    }
  }

  /** Stops Pagefind without writing anything (the build failed, or after `finish`). */
  async abort(): Promise<void> {
    process.off('beforeExit', this.#onEmptyLoop);
    this.#queue.length = 0;
    if (this.#closed) return;
    this.#closed = true;
    await close();
  }
}

/**
 * Indexes the pages `files` (relative to `siteDir`, `/`-separated; those that are not searchable
 * are skipped) with Italian stemming and writes the index to `<siteDir>/pagefind/`. Throws a
 * `SearchIndexError` listing Pagefind's own messages.
 */
export function writeSearchIndex(siteDir: string, files: readonly string[]): Promise<{ pages: number }> {
  const indexer = new SearchIndexer(siteDir);
  for (const file of files) indexer.add(file);
  return indexer.finish();
}
