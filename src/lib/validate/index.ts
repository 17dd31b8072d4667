/** Validates a whole source folder: every file on its own, then every check across files. */
import { siteAddress, SiteAddressError } from '../site/address.ts';
import { checkSource } from './checks.ts';
import { loadSource, type LoadedSource, type LoadOptions } from './load.ts';
import { countProblems, sortProblems, type Problem } from './problem.ts';

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

/**
 * The site's public address from data/site.yaml or `ANNUARIO_SITE_URL`, or undefined: also when
 * the file is not usable, which the validator reports on its own.
 */
function publicAddress(root: string): string | undefined {
  try {
    return siteAddress(root).url;
  } catch (error) {
    if (error instanceof SiteAddressError) return undefined;
    throw error;
  }
}

export function validateSource(
  root: string,
  options: { today?: string; siteUrl?: string | undefined } & LoadOptions = {},
): ValidationResult {
  const loaded = loadSource(root, options);
  const siteUrl = 'siteUrl' in options ? options.siteUrl : publicAddress(root);
  const problems = sortProblems([...loaded.problems, ...checkSource(loaded, { today: options.today ?? today(), siteUrl })]);
  return { loaded, problems, ...countProblems(problems) };
}

export type { Problem } from './problem.ts';
export type { SourceOverlay } from './source-file.ts';
export { formatProblems, formatProblemsJson } from './problem.ts';
