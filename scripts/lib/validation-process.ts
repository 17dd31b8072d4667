/**
 * The build's validation in a process of its own. Its data (every file parsed, with positions,
 * then the content graph) fills a few hundred megabytes at 5000 cards; in the build's own heap
 * it stayed there while Astro rendered and Pagefind indexed, when the three processes together
 * peak (a worker thread does not give it back either: the allocator keeps it). A process that
 * ends gives everything back.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ContentGraph } from '../../src/lib/content-graph.ts';

/** What the build needs of the validation. */
export interface ValidationOutcome {
  errors: number;
  warnings: number;
  /** The problems found, worded for the editor ('' when none). */
  report: string;
  /** What the PDF step needs of the content graph, once the content was handed over to Astro. */
  graph: Pick<ContentGraph, 'reports' | 'organizations'> | null;
}

interface Task {
  root: string;
  /** Where the validated content is handed over to Astro (scripts/lib/content-cache.ts). */
  contentCache: string;
}

/** The environment variable that carries the task to the validation process. */
const TASK_ENV = 'ANNUARIO_VALIDATION_TASK';

async function validate({ root, contentCache }: Task): Promise<ValidationOutcome> {
  const { formatProblems, validateSource } = await import('../../src/lib/validate/index.ts');
  const { writeContentCache } = await import('./content-cache.ts');
  const validation = validateSource(root);
  const report = validation.problems.length > 0 ? formatProblems(validation.problems) : '';
  if (validation.errors > 0) return { errors: validation.errors, warnings: validation.warnings, report, graph: null };
  const { reports, organizations } = writeContentCache(contentCache, validation.loaded.entries);
  return { errors: 0, warnings: validation.warnings, report, graph: { reports, organizations } };
}

/** Validates the source in `root` in a process of its own and, if it has no errors, hands it over to Astro in `contentCache`. */
export function validateInChild(root: string, contentCache: string): Promise<ValidationOutcome> {
  return new Promise((resolve, reject) => {
    const task: Task = { root, contentCache };
    // The same Node and loader flags (tsx) as this process; its output goes where ours goes.
    const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, [TASK_ENV]: JSON.stringify(task) }, stdio: 'inherit' });
    let outcome: ValidationOutcome | undefined;
    child.once('message', (message: ValidationOutcome) => (outcome = message));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (outcome) resolve(outcome);
      else reject(new Error(`La validazione si è interrotta (codice ${code ?? 'nessuno'}) senza un risultato: vedi i messaggi qui sopra.`));
    });
  });
}

const taskText = process.send ? process.env[TASK_ENV] : undefined;
if (taskText) {
  const outcome = await validate(JSON.parse(taskText) as Task);
  process.send?.(outcome, () => process.disconnect());
}
