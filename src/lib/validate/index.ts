/** Validates a whole source folder: every file on its own, then every check across files. */
import { checkSource } from './checks.ts';
import { loadSource, type LoadedSource } from './load.ts';
import { countProblems, sortProblems, type Problem } from './problem.ts';
import type { SourceOverlay } from './source-file.ts';

export interface ValidationResult {
  loaded: LoadedSource;
  problems: Problem[];
  errors: number;
  warnings: number;
}

/** Today as `AAAA-MM-GG`; `ANNUARIO_TODAY` pins it (tests, reproducible builds). */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const pinned = env['ANNUARIO_TODAY'];
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : new Date().toISOString().slice(0, 10);
}

export function validateSource(root: string, options: { today?: string; overlay?: SourceOverlay } = {}): ValidationResult {
  const loaded = loadSource(root, options.overlay === undefined ? {} : { overlay: options.overlay });
  const problems = sortProblems([...loaded.problems, ...checkSource(loaded, { today: options.today ?? today() })]);
  return { loaded, problems, ...countProblems(problems) };
}

export type { Problem } from './problem.ts';
export type { SourceOverlay } from './source-file.ts';
export { formatProblems, formatProblemsJson } from './problem.ts';
