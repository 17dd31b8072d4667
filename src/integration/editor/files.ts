/**
 * A content file as the editor's forms see it (data as plain JSON, the Markdown body, a stats
 * table's CSV values) and the new text of a file from an edited draft, changed only where the
 * draft differs: YAML through yaml-patch.ts, the body replaced only when it changed, CSV lines
 * rewritten only where their cells changed. Pure: text in, text out.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { FRONT_MATTER_RE } from '../../lib/validate/source-file.ts';
import { EditorError } from './errors.ts';
import { patchYamlText, yamlTextFor } from './yaml-patch.ts';

/** A Markdown file split: the text before the YAML (`---\n`), the YAML, the rest from the closing `---` on, and the body. */
interface MarkdownParts {
  head: string;
  yaml: string;
  /** From the end of the YAML to the start of the body (`\n---\n`). */
  close: string;
  body: string;
}

function splitMarkdown(text: string): MarkdownParts | undefined {
  const match = text.startsWith('---') ? FRONT_MATTER_RE.exec(text) : null;
  if (!match || match.index !== 0) return undefined;
  const yaml = match[1] ?? '';
  const head = text.slice(0, text.indexOf('\n') + 1);
  const afterYaml = head.length + yaml.length;
  return { head, yaml, close: text.slice(afterYaml, match[0].length), body: text.slice(match[0].length) };
}

/** What `voce` answers about a file's text: its data as plain JSON (null when it cannot be read) and the body. */
export function readEntryText(text: string, frontMatter: boolean): { data: unknown; body?: string } {
  if (!frontMatter) {
    const doc = parseDocument(text);
    return { data: doc.errors.length > 0 ? null : (doc.toJSON() as unknown) };
  }
  const parts = splitMarkdown(text);
  if (!parts) return { data: null, body: text };
  const doc = parseDocument(parts.yaml);
  return { data: doc.errors.length > 0 ? null : (doc.toJSON() as unknown), body: parts.body };
}

/** The text of the entry's file after the draft: `existing` undefined for a new file. */
export function entryTextFor(
  existing: string | undefined,
  draft: { data: unknown; body?: string | undefined },
  frontMatter: boolean,
  schema: z.ZodType,
): string {
  if (!frontMatter) return existing === undefined ? yamlTextFor(draft.data, schema) : patchYamlText(existing, draft.data, schema);
  const parts = existing === undefined ? undefined : splitMarkdown(existing);
  if (!parts) {
    // A new file, or one whose front matter is not closed: the draft is the whole truth.
    const body = draft.body ?? '';
    return `---\n${yamlTextFor(draft.data, schema)}---\n${body.startsWith('\n') || body === '' ? body : `\n${body}`}`;
  }
  const yaml = patchYamlText(parts.yaml, draft.data, schema);
  // The YAML of a front matter has no final newline of its own: the closing `---` brings it.
  const closed = yaml.endsWith('\n') && !parts.yaml.endsWith('\n') ? yaml.slice(0, -1) : yaml;
  return `${parts.head}${closed}${parts.close}${draft.body ?? parts.body}`;
}

/** A stats table's CSV values as the grid shows them. */
export interface CsvGrid {
  header: string[];
  rows: string[][];
}

const CSV_READ = { skip_empty_lines: true, relax_column_count: true, bom: true } as const;

/** Reads a CSV companion; an unreadable one is an Italian error naming the file. */
export function readCsv(text: string, rel: string): CsvGrid {
  let records: string[][];
  try {
    records = parseCsv(text, CSV_READ);
  } catch {
    throw new EditorError(
      422,
      `${rel}: il file CSV non è leggibile (virgolette non chiuse o righe spezzate); aprilo in un foglio di calcolo e risalvalo come CSV UTF-8`,
    );
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** One CSV line for `record`, quoted only where a cell needs it. */
function csvLine(record: readonly string[]): string {
  return stringifyCsv([record]).replace(/\r?\n$/, '');
}

/** The cells of one CSV line, or undefined when it is not a line of its own (an open quote). */
function parseLine(line: string): string[] | undefined {
  try {
    const records: string[][] = parseCsv(line, CSV_READ);
    return records[0];
  } catch {
    return undefined;
  }
}

/** The CSV text after the grid's edit: unchanged lines kept as written, BOM and line ends kept. */
export function csvTextFor(existing: string | undefined, grid: CsvGrid): string {
  const bom = existing?.startsWith('\uFEFF') === true ? '\uFEFF' : '';
  const eol = existing?.includes('\r\n') === true ? '\r\n' : '\n';
  const lines = (existing ?? '').replace(/^\uFEFF/, '').split(/\r?\n/);
  const written = lines.filter((line) => line.trim() !== '');
  const records = [grid.header, ...grid.rows];
  const out = records.map((record, index) => {
    const line = written[index];
    if (line === undefined) return csvLine(record);
    return isDeepStrictEqual(parseLine(line), record) ? line : csvLine(record);
  });
  return `${bom}${out.join(eol)}${eol}`;
}
