/**
 * Builds the machine-applicable fixes (`Edit`) that go with a line to copy, from the file as
 * written: the new line keeps the indentation, the key and whatever follows the value (a comma
 * in a `[ … ]` list, a comment), so applying it changes only what was wrong.
 */
import { isScalar, stringify, type Node } from 'yaml';
import type { Edit } from './problem.ts';
import type { ParsedSource } from './source-file.ts';

export interface LineFix {
  /** The new line, trimmed: what the editor reads after «Correzione». */
  fix: string;
  edit: Edit;
}

/** Line `line` (1-based) of the file, without its line break. */
export function fileLine(parsed: ParsedSource, line: number): string | undefined {
  return parsed.text.split('\n')[line - 1]?.replace(/\r$/, '');
}

/** Offset in the whole file of an offset into the YAML text (front matter starts after `---`). */
function fileOffset(parsed: ParsedSource, yamlOffset: number): number {
  let start = 0;
  for (let i = 0; i < parsed.lineOffset; i++) start = parsed.text.indexOf('\n', start) + 1;
  return start + yamlOffset;
}

/** Line and column (1-based) of a whole-file offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The fix that replaces line `line` with `newLine`. */
export function replaceLine(line: number, newLine: string): LineFix {
  return { fix: newLine.trim(), edit: { line, replace: newLine } };
}

/** The fix that inserts `text` after line `after` (0: at the top). */
export function insertLines(after: number, text: string): LineFix {
  return { fix: text.trim(), edit: { insertAfter: after, text } };
}

/**
 * A value as YAML source for the place of `node`: plain when YAML reads it back unchanged,
 * quoted otherwise (inside `[ … ]` or `{ … }` a comma or a bracket would end the value).
 */
export function yamlValue(value: unknown, inFlow: boolean): string {
  if (typeof value === 'string' && inFlow && /[,[\]{}#]|^\s|\s$/.test(value)) return JSON.stringify(value);
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

/** Whether the node sits inside a `[ … ]` or `{ … }` on its line. */
function inFlowCollection(parsed: ParsedSource, start: number): boolean {
  const lineStart = parsed.text.lastIndexOf('\n', start - 1) + 1;
  const before = parsed.text.slice(lineStart, start);
  return /[[{]/.test(before.replace(/"[^"]*"|'[^']*'/g, ''));
}

/**
 * The fix that writes `value` where `node` is, on its own line. Undefined when the node spans
 * more than one line (a block of text): no single line to copy then.
 */
export function replaceNode(parsed: ParsedSource, node: Node | null, value: unknown, raw = false): LineFix | undefined {
  if (!node?.range) return undefined;
  const [from, to] = [fileOffset(parsed, node.range[0]), fileOffset(parsed, isScalar(node) ? node.range[1] : node.range[1])];
  const written = parsed.text.slice(from, to).replace(/\s+$/, '');
  if (written.includes('\n')) return undefined;
  const { line, column } = lineColumn(parsed.text, from);
  const current = fileLine(parsed, line);
  if (current === undefined) return undefined;
  const text = raw ? String(value) : yamlValue(value, inFlowCollection(parsed, from));
  return replaceLine(line, `${current.slice(0, column - 1)}${text}${current.slice(column - 1 + written.length)}`);
}

/** The fix that renames a key in place (`titel:` → `title:`). */
export function renameKey(parsed: ParsedSource, keyNode: Node | null, name: string): LineFix | undefined {
  return replaceNode(parsed, keyNode, name, true);
}

/** Applies an edit to a file's text; the tests use it to prove each fix, tools may too. */
export function applyEdit(text: string, edit: Exclude<Edit, { renameTo: string }>): string {
  const lines = text.split('\n');
  const eol = (index: number) => (lines[index]?.endsWith('\r') ? '\r' : '');
  if ('replace' in edit) {
    const index = edit.line - 1;
    if (lines[index] === undefined) throw new RangeError(`riga ${edit.line} inesistente`);
    const bom = index === 0 && lines[0]?.startsWith('\uFEFF') ? '\uFEFF' : '';
    lines[index] = `${bom}${edit.replace}${eol(index)}`;
  } else {
    const ending = eol(Math.max(0, edit.insertAfter - 1));
    lines.splice(edit.insertAfter, 0, ...edit.text.split('\n').map((line) => `${line}${ending}`));
  }
  return lines.join('\n');
}
