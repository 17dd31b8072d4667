/**
 * A problem found in the content, phrased for the communication office: where (file, line,
 * column, field), what was expected, what was found, and a line to copy.
 */

export type Severity = 'error' | 'warning';

/**
 * A fix a program can apply, so the CLI, `--json` and the tests all carry the same correction:
 * replace one line (`replace` holds the whole new line, indentation included), insert lines
 * after a line (0: at the top of the file), or move the file (path relative to the source root).
 * Only a certain fix gets one; an uncertain one is an instruction in `fix` and nothing here.
 */
export type Edit = { line: number; replace: string } | { insertAfter: number; text: string } | { renameTo: string };

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
  /** With `edit`: the new line, trimmed, or the new name. Without: what to do, never a line to copy. */
  fix?: string | undefined;
  /** The same fix for programs, when it is certain. */
  edit?: Edit | undefined;
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

/** «Correzione (riga 6)»: where the line to copy goes; a bare «Correzione» introduces an instruction. */
function fixLabel(edit: Edit | undefined): string {
  if (edit === undefined || 'renameTo' in edit) return 'Correzione';
  if ('replace' in edit) return `Correzione (sostituisci la riga ${edit.line})`;
  return edit.insertAfter === 0 ? 'Correzione (aggiungi in cima)' : `Correzione (aggiungi dopo la riga ${edit.insertAfter})`;
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
    if (p.fix !== undefined) lines.push(`  ${fixLabel(p.edit)}: ${p.fix}`);
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
