/**
 * The values behind the editor's forms: paths into the draft (the same dotted paths the
 * validator's problems name), dates at their precision, numbers typed the Italian way. Pure.
 */
import { parsePartialDate, type Precision } from '../../lib/partial-date.ts';

export type PathSegment = string | number;

/** `sections[2].objectives[0].text` (or `[3].label` in a list file) as segments. */
export function parseFieldPath(field: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(/^\d+$/.test(match[1]) ? Number(match[1]) : match[1]);
  }
  return segments;
}

/** The validator's way of writing a path: `sections[2].objectives[0].text`. */
export function formatFieldPath(path: readonly PathSegment[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** The id of the control of a field, e.g. `campo-sections-2-objectives-0-text` (`campo` for the whole file). */
export function fieldId(path: readonly PathSegment[]): string {
  return ['campo', ...path.map(String)].join('-');
}

export function getIn(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}

/**
 * Sets the value at `path`, creating the objects on the way; `undefined` removes the key (an
 * optional field left empty is not written at all). Keys not in the schema are left alone.
 */
export function setIn(root: Record<string, unknown> | unknown[], path: readonly PathSegment[], value: unknown): void {
  if (path.length === 0) throw new Error('setIn: percorso vuoto');
  let node: Record<PathSegment, unknown> = root as Record<PathSegment, unknown>;
  for (const [index, segment] of path.slice(0, -1).entries()) {
    let next = node[segment];
    if (next === null || typeof next !== 'object') {
      next = typeof path[index + 1] === 'number' ? [] : {};
      node[segment] = next;
    }
    node = next as Record<PathSegment, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
}

/** A date's parts, for the three controls of the date widget. */
export interface DateParts {
  precision: Precision;
  /** `2024`, `2024-06` or `2024-06-27`, as the control of that precision shows it; '' when empty. */
  text: string;
}

/** The parts of a stored date (`2018`, `'2019-11'`, `'2017-09-09'`); an unreadable one keeps its text at day precision. */
export function dateParts(value: unknown): DateParts {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const parsed = parsePartialDate(text);
  if (!parsed) return { precision: 'day', text };
  return { precision: parsed.precision, text };
}

/**
 * The date to store from the widget: a year alone as a number (as the guide writes `start:
 * 2018`), a month or a day as text; '' is no date.
 */
export function dateValue(precision: Precision, text: string): string | number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (precision === 'year' && /^\d{4}$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/** A date carried over to another precision: `2024-06-27` → `2024-06` → `2024`; `2024` → `2024-01` → `2024-01-01`. */
export function changePrecision(text: string, precision: Precision): string {
  const parsed = parsePartialDate(text);
  if (!parsed) return text;
  const month = String(parsed.month ?? 1).padStart(2, '0');
  const day = String(parsed.day ?? 1).padStart(2, '0');
  if (precision === 'year') return String(parsed.year);
  if (precision === 'month') return `${parsed.year}-${month}`;
  return `${parsed.year}-${month}-${day}`;
}

/**
 * A number as an editor types it: `1400`, `1400.5`, `1.400`, `1.400.000,50`, `8739950,00`,
 * `€ 1.400`. Dots before groups of three digits are thousands separators (the trap `1.400`
 * read as 1.4 by YAML); a comma is the decimal mark. Null when it is not a number.
 */
export function parseTypedNumber(text: string): number | null {
  let clean = text.replace(/[€\s\u00a0]/g, '');
  if (clean === '') return null;
  if (clean.includes(',')) clean = clean.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(clean)) clean = clean.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return null;
  return Number(clean);
}
