import { describe, expect, test } from 'vitest';
import { mergeSplitTables, structKids, structType } from '../../scripts/lib/pdf/tables.ts';

/** A structure tree as Chromium writes it, one element per line: `num type parent page kids…`. */
function tree(lines: string): Map<number, string> {
  const dicts = new Map<number, string>();
  for (const line of lines.trim().split('\n')) {
    const [num = '', type = '', parent = '', page = '-', ...kids] = line.trim().split(/\s+/);
    const pg = page === '-' ? '' : ` /Pg ${page} 0 R`;
    dicts.set(Number(num), `<</Type /StructElem /S /${type} /P ${parent} 0 R${pg} /K [0 ${kids.map((k) => `${k} 0 R`).join(' ')}]>>`);
  }
  return dicts;
}

/** A table of `rows` rows (the first a header row of 2 TH) at object `num`, its rows and cells after it. */
function table(num: number, parent: number, page: number, options: { caption?: boolean; header?: boolean } = {}): string {
  const caption = options.caption ? [`${num + 1} Caption ${num} ${page}`] : [];
  const row = num + 2;
  const cell = options.header === false ? 'TD' : 'TH';
  const rows = [`${row} TR ${num} - ${row + 1} ${row + 2}`, `${row + 1} ${cell} ${row} ${page}`, `${row + 2} ${cell} ${row} ${page}`];
  const kids = [...(options.caption ? [num + 1] : []), row];
  return [`${num} Table ${parent} ${page} ${kids.join(' ')}`, ...caption, ...rows].join('\n');
}

/** The tree after the merge, as `type(kids)` from the given roots. */
function shape(dicts: Map<number, string>, changed: Map<number, string>, roots: number[]): string {
  const dict = (num: number) => changed.get(num) ?? dicts.get(num) ?? '';
  const show = (num: number): string => {
    const type = structType(dict(num)) ?? '?';
    if (type === 'TR' || type === 'Caption') return type;
    const kids = structKids(dict(num));
    return kids.length > 0 ? `${type}(${kids.map(show).join(' ')})` : type;
  };
  return roots.map(show).join(' ');
}

describe('mergeSplitTables: a table Paged.js split across pages becomes one Table', () => {
  test.each([
    [
      'a table on two pages, each part in its own page wrapper',
      `1 Div 100 - 10\n2 Div 100 - 20\n${table(10, 1, 5, { caption: true })}\n${table(20, 2, 6)}`,
      [1, 2],
      'Div(Table(Caption TR TBody(TR))) Div',
    ],
    [
      'three pages: both continuations join the first part',
      `1 Div 100 - 10 20 30\n${table(10, 1, 5)}\n${table(20, 1, 6)}\n${table(30, 1, 7)}`,
      [1],
      'Div(Table(TR TBody(TR) TBody(TR)))',
    ],
    ['two tables on the same page stay two', `1 Div 100 - 10 20\n${table(10, 1, 5)}\n${table(20, 1, 5)}`, [1], 'Div(Table(TR) Table(TR))'],
    [
      'a table with its own caption is a table of its own',
      `1 Div 100 - 10 20\n${table(10, 1, 5)}\n${table(20, 1, 6, { caption: true })}`,
      [1],
      'Div(Table(TR) Table(Caption TR))',
    ],
    [
      'a paragraph between them: two tables',
      `1 Div 100 - 10 40 20\n${table(10, 1, 5)}\n40 P 1 5\n${table(20, 1, 6)}`,
      [1],
      'Div(Table(TR) P Table(TR))',
    ],
    [
      'no header row in the next one: two tables',
      `1 Div 100 - 10 20\n${table(10, 1, 5)}\n${table(20, 1, 6, { header: false })}`,
      [1],
      'Div(Table(TR) Table(TR))',
    ],
  ])('%s', (_, lines, roots, expected) => {
    const dicts = tree(lines);
    expect(shape(dicts, mergeSplitTables(dicts, roots), roots)).toBe(expected);
  });

  test('the continuation names its new parent and keeps its own marked content and page', () => {
    const dicts = tree(`1 Div 100 - 10\n2 Div 100 - 20\n${table(10, 1, 5)}\n${table(20, 2, 6)}`);
    const changed = mergeSplitTables(dicts, [1, 2]);
    expect(changed.get(20)).toBe('<</Type /StructElem /S /TBody /P 10 0 R /Pg 6 0 R /K [0 22 0 R]>>');
    expect(changed.get(2)).toBe('<</Type /StructElem /S /Div /P 100 0 R /K [0]>>');
    expect(changed.get(10)).toBe('<</Type /StructElem /S /Table /P 1 0 R /Pg 5 0 R /K [0 12 0 R 20 0 R]>>');
  });

  test('nothing split, nothing changed', () => {
    const dicts = tree(`1 Div 100 - 10\n${table(10, 1, 5)}`);
    expect(mergeSplitTables(dicts, [1]).size).toBe(0);
  });
});
