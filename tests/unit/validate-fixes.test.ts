/**
 * The pure parts behind the validator's fixes, as tables: Italian dates read back to ISO, Word's
 * invisible characters named and cleaned without touching indentation, the range of each value
 * kind, and edits applied to a file's text.
 */
import { describe, expect, test } from 'vitest';
import { applyEdit } from '../../src/lib/validate/edits.ts';
import { readItalianDate } from '../../src/lib/validate/italian-dates.ts';
import { cleanLine } from '../../src/lib/validate/invisible-characters.ts';
import { outOfRange, type ValueRange } from '../../src/lib/validate/value-ranges.ts';

describe('readItalianDate: the date the editor wrote, in ISO form', () => {
  test.each([
    ['31/12/2024', { iso: '2024-12-31' }],
    ['1/3/2025', { iso: '2025-03-01' }],
    ['31.12.2024', { iso: '2024-12-31' }],
    ['31-12-2024', { iso: '2024-12-31' }],
    ['03/2025', { iso: '2025-03' }],
    ['3-2025', { iso: '2025-03' }],
    ['2024/12/31', { iso: '2024-12-31' }],
    ['2024-3-5', { iso: '2024-03-05' }],
    ['marzo 2025', { iso: '2025-03' }],
    ['Marzo 2025', { iso: '2025-03' }],
    ['1° marzo 2025', { iso: '2025-03-01' }],
    ['31 dicembre 2024', { iso: '2024-12-31' }],
    ['31/02/2024', { impossible: '2024-02-31' }],
    ['13/2025', { impossible: '2025-13' }],
    ['2024-12-31', undefined],
    ['2024', undefined],
    ['primavera 2025', undefined],
    ['12/31/2024', { impossible: '2024-31-12' }],
  ])('%s', (written, expected) => {
    expect(readItalianDate(written)).toEqual(expected);
  });
});

describe('cleanLine: look-alike characters named and cleaned, indentation kept', () => {
  test.each([
    ['status:\u00A0attivo', 'status: attivo', ['\u00A0']],
    ['budget: 120\u00A0000', 'budget: 120000', ['\u00A0']],
    ['budget: 1\u202F714\u202F067,50', 'budget: 1714067,50', ['\u202F', '\u202F']],
    ['\u00A0\u00A0\u00A0\u00A0relation: partner', '    relation: partner', ['\u00A0', '\u00A0', '\u00A0', '\u00A0']],
    ['  - name:\u00A0Fondazione', '  - name: Fondazione', ['\u00A0']],
    ['status: att\u200Bivo', 'status: attivo', ['\u200B']],
    ['title: Piano\uFEFF 2025', 'title: Piano 2025', ['\uFEFF']],
    ['title: \u201CNuovo progetto\u201D', 'title: "Nuovo progetto"', ['\u201C']],
    ['title: \u2018Nuovo\u2019', 'title: "Nuovo"', ['\u2018']],
    ['title: Nuovo\tprogetto', 'title: Nuovo progetto', ['\t']],
    // Left alone: a non-breaking space inside a text is typography, not structure.
    ['summary: circa 120\u00A0000 persone a\u00A0Milano', 'summary: circa 120\u00A0000 persone a\u00A0Milano', []],
    ['title: L\u2019anno dei Comuni', 'title: L\u2019anno dei Comuni', []],
    ['  status: attivo', '  status: attivo', []],
  ])('%j', (line, cleaned, chars) => {
    const result = cleanLine(line);
    expect(result.cleaned).toBe(cleaned);
    expect(result.found.map((f) => f.char)).toEqual(chars);
  });
});

describe('outOfRange: each kind within what it allows', () => {
  const scale = { min: 1, max: 5 };
  test.each<[number, ValueRange, boolean]>([
    [0, { kind: 'integer' }, true],
    [-1, { kind: 'integer' }, false],
    [-1, { kind: 'integer', change: true }, true],
    [100, { kind: 'percent' }, true],
    [100.5, { kind: 'percent' }, false],
    [-2, { kind: 'percent' }, false],
    [140, { kind: 'percent', change: true }, true],
    [5, { kind: 'rating', scale }, true],
    [0.5, { kind: 'rating', scale }, false],
    [7, { kind: 'rating', scale }, false],
    [7, { kind: 'rating' }, true],
    [-3000.5, { kind: 'euro' }, true],
    [-0.3, { kind: 'decimal' }, true],
  ])('%d as %j fits: %s', (value, range, fits) => {
    expect(outOfRange(value, range) === undefined).toBe(fits);
  });

  test('the message is Italian and names the value', () => {
    expect(outOfRange(-4, { kind: 'integer' })).toBe("un conteggio non può essere negativo (qui c'è -4)");
  });
});

describe('applyEdit', () => {
  test.each([
    ['a\nb\nc', { line: 2, replace: 'B' }, 'a\nB\nc'],
    ['a\r\nb\r\nc', { line: 2, replace: 'B' }, 'a\r\nB\r\nc'],
    ['\uFEFFa\nb', { line: 1, replace: 'A' }, '\uFEFFA\nb'],
    ['---\ntitle: x\n---', { insertAfter: 1, text: 'year: 2025' }, '---\nyear: 2025\ntitle: x\n---'],
    ['a\nb', { insertAfter: 0, text: 'z' }, 'z\na\nb'],
  ] as const)('%j with %j', (text, edit, expected) => {
    expect(applyEdit(text, edit)).toBe(expected);
  });
});
