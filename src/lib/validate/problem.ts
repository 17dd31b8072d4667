/**
 * A problem found in the content, phrased for the communication office: where (file, line,
 * column, field), what was expected, what was found, and a line to copy.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Path relative to the source root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field, e.g. `sections[2].objectives[0].text`; empty for the whole file. */
  field: string;
  /** What is wrong or what was expected. */
  message: string;
  /** What the file holds there, as written. */
  found?: string | undefined;
  /** A line to copy, or an action. */
  fix?: string | undefined;
  /** Stable code for tools and tests, e.g. `schema`, `yaml`, `numero-italiano`. */
  code: string;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field),
  );
}

export function countProblems(problems: Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Human report, in Italian: every problem, then a count. */
export function formatProblems(problems: Problem[]): string {
  const lines: string[] = [];
  for (const p of sortProblems(problems)) {
    const label = p.severity === 'error' ? 'errore' : 'avviso';
    lines.push(`${p.file}:${p.line}:${p.column}  ${label}  ${p.field || '(file)'}`);
    lines.push(`  ${p.message}`);
    if (p.found !== undefined) lines.push(`  Trovato: ${p.found}`);
    if (p.fix !== undefined) lines.push(`  Correzione: ${p.fix}`);
    lines.push('');
  }
  const { errors, warnings } = countProblems(problems);
  const files = new Set(problems.map((p) => p.file)).size;
  if (problems.length === 0) lines.push('Nessun problema trovato.');
  else lines.push(`${plural(errors, 'errore', 'errori')}, ${plural(warnings, 'avviso', 'avvisi')} in ${plural(files, 'file', 'file')}.`);
  return lines.join('\n');
}

export function formatProblemsJson(problems: Problem[]): string {
  const { errors, warnings } = countProblems(problems);
  return JSON.stringify({ errors, warnings, problems: sortProblems(problems) }, null, 2);
}

/** Dotted field path: `['sections', 2, 'text']` -> `sections[2].text`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
