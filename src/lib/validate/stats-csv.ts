/**
 * Values of a statistics table from `<id>.csv` beside its YAML file: first column the row id,
 * one column per period id (`riga,2019,2020,…`), an empty cell for "no data". Numbers are plain
 * (`1400`, `4.33`); Italian formats are refused with the cell's line and column.
 */
import { parse } from 'csv-parse/sync';
import type { StatsTable } from '../../schemas/stats.ts';
import { tablePeriods } from '../stats.ts';
import { detectNumberTrap } from './italian-numbers.ts';
import type { Edit, Problem } from './problem.ts';

function csvProblem(
  file: string,
  line: number,
  column: number,
  field: string,
  message: string,
  fix?: string | { fix: string; edit: Edit },
  found?: string,
): Problem {
  const fixed = typeof fix === 'object' ? fix : { fix };
  return { severity: 'error', file, line, column, field, message, ...fixed, found, code: 'csv' };
}

/** The CSV line with cell `index` written as `value`, when the line is plain cells (no quotes) as read. */
function replaceCell(rawLine: string | undefined, record: readonly string[], index: number, value: string): string | undefined {
  const cells = rawLine?.replace(/\r$/, '').split(',');
  if (cells?.join('\u0000') !== record.join('\u0000')) return undefined;
  cells[index] = value;
  return cells.join(',');
}

/** Fills `values` of the table's rows from CSV text; returns the problems found. */
export function applyCsvValues(table: StatsTable, csvText: string, csvRel: string): Problem[] {
  let records: string[][];
  try {
    records = parse(csvText.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const info = error as { lines?: number; message?: string };
    return [
      csvProblem(
        csvRel,
        info.lines ?? 1,
        1,
        '',
        'il file CSV non è leggibile (virgolette non chiuse o righe spezzate)',
        'apri il file in un foglio di calcolo e risalvalo come CSV UTF-8',
      ),
    ];
  }
  const problems: Problem[] = [];
  const [header, ...rows] = records;
  const periods = tablePeriods(table).map((p) => p.id);
  if (!header)
    return [
      csvProblem(
        csvRel,
        1,
        1,
        '',
        'il file CSV è vuoto',
        `scrivi nella prima riga l'intestazione «riga,${periods.join(',')}» e sotto una riga per ogni riga della tabella, con i suoi valori`,
      ),
    ];
  const columns = header.slice(1);
  if (columns.join(',') !== periods.join(',')) {
    return [
      csvProblem(
        csvRel,
        1,
        1,
        '(intestazione)',
        `le colonne dei periodi (${columns.join(', ')}) non corrispondono ai periodi della tabella (${periods.join(', ')})`,
        // Same number of columns: only their names differ, the header line is certain. Otherwise
        // the values are missing or extra too, and only the editor knows which.
        columns.length === periods.length
          ? {
              fix: `${header[0] ?? 'riga'},${periods.join(',')}`,
              edit: { line: 1, replace: `${header[0] ?? 'riga'},${periods.join(',')}` },
            }
          : `metti una colonna per periodo (${periods.join(', ')}), nell'intestazione e in ogni riga, con la cella vuota dove il dato manca`,
        header.join(','),
      ),
    ];
  }
  const lines = csvText.replace(/^\uFEFF/, '').split('\n');
  const trapFix = (line: number, record: string[], index: number, yaml: string | undefined) => {
    if (yaml === undefined) return undefined;
    const replaced = replaceCell(lines[line - 1], record, index, yaml);
    return replaced === undefined ? `scrivi ${yaml}` : { fix: replaced, edit: { line, replace: replaced } };
  };
  const seen = new Set<string>();
  rows.forEach((record, index) => {
    const line = index + 2;
    const [rowId = '', ...cells] = record;
    const row = table.rows.find((r) => r.id === rowId);
    if (!row) {
      problems.push(
        csvProblem(
          csvRel,
          line,
          1,
          rowId,
          `riga «${rowId}» non definita nella tabella YAML`,
          `aggiungi { id: ${rowId}, label: … } alle righe del file YAML, o correggi l'identificativo`,
        ),
      );
      return;
    }
    if (seen.has(rowId))
      problems.push(csvProblem(csvRel, line, 1, rowId, `la riga «${rowId}» compare due volte`, 'tieni una sola riga per identificativo'));
    seen.add(rowId);
    if (row.values !== undefined) {
      problems.push(
        csvProblem(
          csvRel,
          line,
          1,
          rowId,
          `la riga «${rowId}» ha già i valori nel file YAML`,
          'tieni i valori in un solo posto: nel CSV oppure in values:',
        ),
      );
      return;
    }
    if (cells.length !== periods.length) {
      problems.push(
        csvProblem(
          csvRel,
          line,
          1,
          rowId,
          `la riga «${rowId}» ha ${cells.length} valori ma i periodi sono ${periods.length}`,
          'un valore per periodo; lascia la cella vuota dove il dato manca',
        ),
      );
    }
    row.values = cells.map((cell, c) => {
      if (cell === '') return null;
      const trap = detectNumberTrap(cell);
      const value = Number(cell);
      if (trap || !Number.isFinite(value)) {
        const column = record.slice(0, c + 1).join(',').length + 2;
        problems.push(
          csvProblem(
            csvRel,
            line,
            column,
            `${rowId}.${periods[c] ?? ''}`,
            trap ? trap.reason : 'atteso un numero (col punto per i decimali) o una cella vuota',
            trapFix(line, record, c + 1, trap?.yaml),
            cell,
          ),
        );
        return null;
      }
      return value;
    });
  });
  return problems;
}
