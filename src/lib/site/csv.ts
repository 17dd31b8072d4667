/**
 * Writing the CSV files the site publishes, with csv-stringify (the sibling of the csv-parse the
 * validator reads with): RFC 4180, comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break, quotes doubled. Numbers are written as JavaScript prints them
 * (dot decimals, no grouping: the file is data for programs as much as for spreadsheets);
 * `null`/`undefined` give an empty cell.
 *
 * Two choices for the people who open the files in a spreadsheet:
 * - **UTF-8 with a byte-order mark**, so Excel reads «è», «à», «–» right instead of guessing an old
 *   Windows code page; csv-parse, pandas (`utf-8-sig`) and LibreOffice skip the mark.
 * - **CSV injection neutralised as OWASP recommends**: a text cell beginning with `=`, `+`, `-`,
 *   `@`, a tab or a carriage return gets a leading `'`, so a label such as `=HYPERLINK(…)` is
 *   shown as text instead of running as a formula. A number is never touched, whether it comes
 *   as a number or as the text of a plain decimal number (`-12.5`, `525000.00`): a spreadsheet
 *   reads such a cell as that number and nothing else, and a negative figure must stay a figure.
 */
// The browser build: the catalogue's CSV download runs this writer in the page too (the Node
// build needs Buffer, which a page does not have); it is the same code, bundled for both.
import { stringify, type Options } from 'csv-stringify/browser/esm/sync';

export type CsvCell = string | number | boolean | null | undefined;

/** The byte-order mark that tells Excel the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** What a spreadsheet may take as the start of a formula (OWASP, CSV Injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, which a spreadsheet reads as a number, never as a formula. */
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** A text cell made safe for spreadsheets: a leading `'` when it could start a formula. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * csv-stringify quotes a field holding the delimiter, a quote or the record delimiter (CRLF);
 * these also quote a lone line break and edge spaces, which some readers would lose.
 */
const STRINGIFY_OPTIONS: Options = { record_delimiter: 'windows', quoted_match: [/[\r\n]/, /^\s|\s$/] };

/** One cell's text before quoting: numbers as JavaScript prints them (not finite: empty), text neutralised. */
function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return neutralizeFormula(String(value));
}

/** A whole CSV file: the byte-order mark, the header and the rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const records = [header, ...rows].map((row) => row.map(cellText));
  return UTF8_BOM + stringify(records, STRINGIFY_OPTIONS);
}

/** One cell as it appears in the file (quoted when needed), without the line's other cells. */
export function csvCell(value: CsvCell): string {
  return stringify([[cellText(value)]], STRINGIFY_OPTIONS).replace(/\r\n$/, '');
}
