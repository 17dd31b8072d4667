/**
 * The source as the content loaders see it: read, validated file by file and across files by the
 * validator itself (`validateSource`, the same as `npm run validate`), then shaped into the content
 * graph. Validated once and shared by the loaders of one Astro run (the content and the images),
 * validated again when a file of the source changes (`watchSource`, in `astro dev`).
 */
import path from 'node:path';
import { buildContentGraph, type ContentGraph } from '../lib/content-graph.ts';
import { contentPaths } from '../lib/content-types.ts';
import { imagesOf, type ContentImage } from '../lib/site/image-loader.ts';
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

/** Validates the source in `root` and shapes it for the site. Never throws on content. */
export function validateForSite(root: string): SourceOutcome {
  const validation = validateSource(root);
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
      current = validateForSite(root);
      for (const subscriber of subscribers) subscriber();
    }, SETTLE_MS);
  });
}
