/**
 * A statistics table's values as a grid: one line per row, one column per period (a partial
 * period says how far it goes); an empty cell is «dato assente» (`null`, never zero). The rows'
 * other fields (id, label, kind…) stay in the list above the grid. With a CSV companion, the
 * grid edits the CSV's cells instead.
 */
import { t } from '../../i18n/t.ts';
import { cellText, cellValue, periodHeading } from '../lib/stats-grid.ts';
import { fieldId } from '../lib/values.ts';
import { h } from './dom.ts';
import { group, read, write, type FormContext } from './field.ts';
import type { FieldSpec } from './form.ts';

export function statsGrid(ctx: FormContext, spec: FieldSpec, renderRows: (spec: FieldSpec) => HTMLElement): HTMLElement {
  const rowNode = spec.node.items ?? {};
  const otherFields = Object.fromEntries(Object.entries(rowNode.properties ?? {}).filter(([key]) => key !== 'values'));
  const rows = renderRows({ ...spec, node: { ...spec.node, items: { ...rowNode, properties: otherFields } } });
  const periods = read(ctx, ['periods']);
  const rowValues = read(ctx, spec.path);
  const periodList = Array.isArray(periods) ? periods : [];
  const rowList = Array.isArray(rowValues) ? (rowValues as Record<string, unknown>[]) : [];
  const csv = ctx.state.csv;

  const head = h('tr', {}, h('th', { scope: 'col' }, t('editor.grid.row')));
  for (const period of periodList) head.append(h('th', { scope: 'col' }, periodHeading(period)));
  const body = h('tbody');
  rowList.forEach((row, r) => {
    const rowLabel =
      typeof row['label'] === 'string' && row['label'] !== '' ? row['label'] : typeof row['id'] === 'string' ? row['id'] : String(r + 1);
    const line = h('tr', {}, h('th', { scope: 'row' }, rowLabel));
    periodList.forEach((period, c) => {
      const path = [...spec.path, r, 'values', c];
      const id = fieldId(path);
      const input = h('input', {
        id,
        type: 'text',
        inputmode: 'decimal',
        autocomplete: 'off',
        placeholder: t('editor.grid.missing'),
        'aria-label': t('editor.grid.cell', { row: rowLabel, period: periodHeading(period) }),
        'aria-describedby': `${id}-errore`,
      });
      if (csv) {
        const csvRow = csv.rows.find((cells) => cells[0] === row['id']);
        const column = csv.header.indexOf(periodId(period));
        input.value = csvRow && column > 0 ? (csvRow[column] ?? '') : '';
        input.addEventListener('input', () => {
          if (!csvRow || column <= 0) return;
          csvRow[column] = input.value.trim();
          ctx.changed(false);
        });
      } else {
        const values = Array.isArray(row['values']) ? (row['values'] as unknown[]) : [];
        input.value = cellText(values[c]);
        input.addEventListener('input', () => {
          const current = read(ctx, [...spec.path, r, 'values']);
          const next = Array.isArray(current) ? [...(current as unknown[])] : [];
          while (next.length < periodList.length) next.push(null);
          next[c] = cellValue(input.value);
          write(ctx, [...spec.path, r, 'values'], next);
        });
      }
      line.append(h('td', { 'data-campo': id }, input, h('span', { class: 'errore-campo', id: `${id}-errore` })));
    });
    body.append(line);
  });
  const table = h(
    'div',
    { class: 'griglia-scorri', tabindex: 0, role: 'region', 'aria-label': t('editor.grid.caption') },
    h('table', { class: 'griglia' }, h('caption', {}, t('editor.grid.caption')), h('thead', {}, head), body),
  );
  const intro = h(
    'p',
    { class: 'aiuto' },
    periodList.length === 0 || rowList.length === 0 ? t('editor.grid.emptyHelp') : t('editor.grid.help'),
  );
  // The grid first: values are what changes from one edition to the next; the rows' own fields are folded below.
  return h(
    'div',
    { class: 'statistiche' },
    group([...spec.path, 'griglia'], t('editor.grid.title'), undefined, intro, table),
    h('details', { class: 'righe', 'data-chiave': `${fieldId(spec.path)}-righe` }, h('summary', {}, t('editor.grid.rows')), rows),
  );
}

/** The id of a period as the CSV's header writes it: its year, whole or partial (src/lib/stats.ts). */
function periodId(period: unknown): string {
  const year = period !== null && typeof period === 'object' ? (period as { year?: unknown }).year : period;
  return typeof year === 'number' || typeof year === 'string' ? String(year) : '';
}
