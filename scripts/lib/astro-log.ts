/**
 * Astro only logs some content problems (a broken reference, a duplicate id, a YAML error in a
 * data file) and still exits 0. These are the log lines that must fail a build.
 */

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with the ESC control character
const ANSI = /\u001b\[[0-9;]*m/g;

/** Warnings that are harmless: a source without, say, any plan has no `content/plans/` folder. */
const HARMLESS = [/The base directory ".*" does not exist\./, /No items found in .*funding\.yaml/];

const CONTENT_TAGS = /\[(content|glob-loader|file-loader|types|build|vite|astro:content)\]/i;

/** Lines of Astro's output that mean the site is not what the content says. */
export function astroLogFailures(output: string): string[] {
  const failures: string[] = [];
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.replace(ANSI, '').trim();
    if (line === '' || HARMLESS.some((re) => re.test(line))) continue;
    const isError = /\[ERROR\]|\berror\b.*\[/i.test(line) && /\[ERROR\]/.test(line);
    const isContentWarning = /\[WARN\]/.test(line) && CONTENT_TAGS.test(line);
    const isKnownSilent = /Invalid content reference|Duplicate id|was not found\.|Error reading|Invalid data in|is missing an id/i.test(
      line,
    );
    if (isError || isContentWarning || isKnownSilent) failures.push(line);
  }
  return failures;
}
