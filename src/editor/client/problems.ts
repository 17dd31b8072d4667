/**
 * The validator's problems on the page: each at its field (or the nearest group that holds it),
 * tied to the control with aria-describedby and aria-invalid, and all of them in a summary whose
 * links lead to the fields; problems of other files (cross-file checks) name their file.
 */
import { t, tn } from '../../i18n/t.ts';
import { fieldId, parseFieldPath } from '../lib/values.ts';
import type { Problem } from './api.ts';
import { h } from './dom.ts';

/** Where the problems go: the form's panel, the summary, the one-line count. */
export interface ProblemView {
  panel: HTMLElement;
  summary: HTMLElement;
  status: HTMLElement;
}

/** Shows `problems`; those of `ownFiles` (the entry and its CSV) also at their fields. */
export function showProblemsIn(view: ProblemView, problems: readonly Problem[], ownFiles: readonly (string | undefined)[]): void {
  for (const element of view.panel.querySelectorAll('.errore-campo')) element.textContent = '';
  for (const element of view.panel.querySelectorAll('[aria-invalid]')) element.removeAttribute('aria-invalid');
  const own = new Set(ownFiles);
  const items = problems.map((problem) => {
    const target = own.has(problem.file) ? placeProblem(problem) : undefined;
    const text = `${problem.severity === 'error' ? t('editor.verify.error') : t('editor.verify.warning')}: ${problem.message}`;
    const where = problem.field ? `${problem.field} — ` : '';
    const fix = problem.fix ? ` ${t('editor.verify.fix', { fix: problem.fix })}` : '';
    const other = own.has(problem.file) ? '' : ` (${problem.file}, ${t('editor.verify.line', { line: problem.line })})`;
    const label = `${where}${text}${fix}${other}`;
    return h('li', { class: problem.severity }, target ? h('a', { href: `#${target}` }, label) : label);
  });
  const missingAlt = showMissingAltTexts(view.panel);
  if (missingAlt > 0) items.push(h('li', { class: 'error' }, t('editor.image.altMissing')));
  const warnings = problems.filter((problem) => problem.severity === 'warning').length;
  const errors = problems.length - warnings + missingAlt;
  view.status.textContent =
    items.length === 0
      ? t('editor.verify.clean')
      : t('editor.verify.count', { errors: tn('editor.verify.errors', errors), warnings: tn('editor.verify.warnings', warnings) });
  view.summary.classList.toggle('solo-avvisi', errors === 0);
  const heading = errors === 0 ? t('editor.verify.warningsOnly') : t('editor.verify.summary');
  view.summary.replaceChildren(...(items.length === 0 ? [] : [h('h3', { id: 'riepilogo-titolo' }, heading), h('ul', {}, ...items)]));
}

/**
 * The editor's own rule on top of the validator's: an image has its text alternative. The
 * validator lets `alt: ""` through (a decorative image); a cover or a logo is never decorative.
 */
export function missingAltTexts(panel: HTMLElement): HTMLTextAreaElement[] {
  return [...panel.querySelectorAll<HTMLTextAreaElement>('.immagine[data-con-immagine] textarea[aria-required="true"]')].filter(
    (alt) => alt.value.trim() === '',
  );
}

function showMissingAltTexts(panel: HTMLElement): number {
  const missing = missingAltTexts(panel);
  for (const alt of missing) {
    document.getElementById(`${alt.id}-errore`)?.append(h('span', { class: 'error' }, t('editor.image.altMissing')));
    alt.setAttribute('aria-invalid', 'true');
  }
  return missing.length;
}

/** Puts a problem at the control of its field, or of the nearest enclosing group; returns that control's id. */
function placeProblem(problem: Problem): string | undefined {
  const path = parseFieldPath(problem.field);
  for (let length = path.length; length >= 0; length--) {
    const id = fieldId(path.slice(0, length));
    const box = document.getElementById(`${id}-errore`);
    if (!box) continue;
    box.append(h('span', { class: problem.severity }, `${problem.message} `));
    // A problem inside a folded part unfolds it: the summary's link must lead somewhere visible.
    for (let details = box.closest('details'); details; details = details.parentElement?.closest('details') ?? null) details.open = true;
    if (problem.severity === 'error') document.getElementById(id)?.setAttribute('aria-invalid', 'true');
    return id;
  }
  return undefined;
}
