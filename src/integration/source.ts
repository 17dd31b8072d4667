/**
 * The source as the content loaders see it: read, validated file by file and across files by the
 * validator itself (`validateSource`, the same as `npm run validate`), then shaped into the content
 * graph. Validated once and shared by the loaders of one Astro run (the content and the images),
 * validated again when a file of the source changes (`watchSource`, in `astro dev`).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { buildContentGraph, type ContentGraph } from '../lib/content-graph.ts';
import { contentPaths } from '../lib/content-types.ts';
import { imagesOf, type ContentImage } from '../lib/site/image-loader.ts';
import { ValidationCache, validatingCodeVersion } from '../lib/validate/file-cache.ts';
import { formatProblems, validateSource, type Problem } from '../lib/validate/index.ts';

/** What a validation of the source gives the site. */
export interface SourceOutcome {
  root: string;
  problems: Problem[];
  errors: number;
  warnings: number;
  /** The problems worded for the editor, as `npm run validate` prints them ('' when none). */
  report: string;
  /** The content graph, or null when the source has errors. */
  graph: ContentGraph | null;
  /** Card covers and organization logos (empty when the source has errors). */
  images: ContentImage[];
}

/** Where the results of clean files are kept between validations (see src/lib/validate/file-cache.ts). */
export interface CacheOptions {
  /** The project folder: the validating code in it is part of every key. */
  projectRoot: string;
  /** Astro's cache folder: the results are also kept on disk there, for the next build or dev start. */
  cacheDir?: string;
}

let fileCache: { cache: ValidationCache; file: string | undefined; root: string } | undefined;

/**
 * Keeps the results of clean files for the validations of `root` from now on: in memory (every
 * save in `astro dev` re-validates the source) and, with `cacheDir`, on disk. Without the
 * project's code to read (an unusual install), nothing is kept.
 */
export function useValidationCache(root: string, options: CacheOptions): void {
  const file = options.cacheDir
    ? path.join(
        options.cacheDir,
        'annuario',
        `validazione-${crypto.createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 12)}.bin`,
      )
    : undefined;
  if (fileCache && fileCache.root === root && fileCache.file === file) return;
  const version = validatingCodeVersion(options.projectRoot);
  fileCache =
    version === undefined ? undefined : { root, file, cache: file ? ValidationCache.load(file, version) : new ValidationCache(version) };
}

/**
 * Validates the source in `root` and shapes it for the site. Never throws on content. `persist`
 * writes the cache of clean files to disk too: on a build and on the start of `astro dev`, not
 * on every save while it runs (at 5000 cards the file is 14 MB; the memory keeps it meanwhile).
 */
export function validateForSite(root: string, { persist = true }: { persist?: boolean } = {}): SourceOutcome {
  const cached = fileCache?.root === root ? fileCache : undefined;
  const validation = validateSource(root, cached ? { cache: cached.cache } : {});
  if (persist && cached?.file) {
    try {
      cached.cache.save(cached.file);
    } catch {
      // The cache is a shortcut: a folder that cannot be written only makes the next run slower.
    }
  }
  const { problems, errors, warnings } = validation;
  const report = problems.length > 0 ? formatProblems(problems) : '';
  // The parsed files (with positions) stay behind: only the graph and the image list go on.
  if (errors > 0) return { root, problems, errors, warnings, report, graph: null, images: [] };
  return {
    root,
    problems,
    errors,
    warnings,
    report,
    graph: buildContentGraph(validation.loaded.entries),
    images: imagesOf(validation.loaded.entries),
  };
}

let current: SourceOutcome | undefined;

/** The validated source in `root`: validated on the first call, then shared until a change. */
export function validatedSource(root: string): SourceOutcome {
  if (current?.root !== root) current = validateForSite(root);
  return current;
}

/** What `watchSource` needs of Vite's file watcher (chokidar). */
export interface SourceWatcher {
  add(paths: string | readonly string[]): unknown;
  on(event: 'all', listener: (event: string, file: string) => void): unknown;
}

/**
 * Editors save in bursts (a temporary file, a rename, a second file): the source is validated
 * again once the burst is over, not once per event.
 */
const SETTLE_MS = 30;

const subscribers = new Set<() => void>();
const watched = new WeakSet<SourceWatcher>();

/**
 * Calls `onChange` after each change to the content of `root` (a file saved, added, removed,
 * renamed), with `validatedSource(root)` already holding the new validation. Each loader
 * subscribes; the watcher is listened to once.
 */
export function watchSource(watcher: SourceWatcher, root: string, onChange: () => void): void {
  subscribers.add(onChange);
  if (watched.has(watcher)) return;
  watched.add(watcher);
  const roots = contentPaths().map((rel) => path.join(root, rel));
  watcher.add(roots);
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, file) => {
    const abs = path.resolve(file);
    if (!roots.some((dir) => abs === dir || abs.startsWith(`${dir}${path.sep}`))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      current = validateForSite(root, { persist: false });
      for (const subscriber of subscribers) subscriber();
    }, SETTLE_MS);
  });
}
