/**
 * The loader's last validation, as the build script sees it. The content loader runs inside
 * Astro (its module instances are Vite's), while `scripts/build.ts` drives Astro's `build()` in
 * the same process: this is the one value they share, under a registered symbol. The pages never
 * read it; they read the content store.
 */
import type { ContentGraph } from '../lib/content-graph.ts';
import type { SourceOutcome } from './source.ts';

/** What the build needs of the validation once Astro is done: the report, and what the PDF step reads. */
export interface PublishedOutcome {
  errors: number;
  warnings: number;
  report: string;
  graph: Pick<ContentGraph, 'reports' | 'organizations'> | null;
}

const KEY = Symbol.for('annuario.validation');

type Holder = { [KEY]?: PublishedOutcome };

/** Records the outcome of a validation (the loader calls it each time it validates). */
export function publishOutcome(outcome: SourceOutcome): void {
  const { errors, warnings, report, graph } = outcome;
  (globalThis as Holder)[KEY] = {
    errors,
    warnings,
    report,
    graph: graph ? { reports: graph.reports, organizations: graph.organizations } : null,
  };
}

/** The last outcome recorded in this process, if the loader ran. */
export function publishedOutcome(): PublishedOutcome | undefined {
  return (globalThis as Holder)[KEY];
}

/** Forgets the last outcome (before a build, so a stale one is never taken for the new). */
export function clearOutcome(): void {
  delete (globalThis as Holder)[KEY];
}
