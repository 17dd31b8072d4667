/**
 * A draft of one entry checked the way `npm run validate` checks the files: its new text (the
 * very text `salva` would write) is laid over the source for the validator's loading, so the
 * schema checks, the line numbers and the checks across files all see the draft. Nothing is written.
 */
import fs from 'node:fs';
import { validateSource, type Problem, type ValidationResult } from '../../lib/validate/index.ts';
import { MAX_FILE_BYTES } from '../../lib/validate/source-file.ts';
import { EditorError } from './errors.ts';
import { csvTextFor, entryTextFor, type CsvGrid } from './files.ts';
import { csvCompanion, type EntryPath } from './paths.ts';

/** What a form sends: the entry's data, its Markdown body, a stats table's CSV grid. */
export interface Draft {
  data: unknown;
  body?: string | undefined;
  csv?: CsvGrid | undefined;
}

/** A file the draft changes: where, what it held (undefined: new) and what it will hold. */
export interface DraftFile {
  path: string;
  abs: string;
  before: string | undefined;
  after: string;
}

function readIfExists(abs: string): string | undefined {
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The files the draft writes: the entry's own, and the CSV companion when the draft has a grid. */
export function draftFiles(entry: EntryPath, draft: Draft): DraftFile[] {
  const frontMatter = entry.type.ext === '.md';
  const before = readIfExists(entry.abs);
  const files: DraftFile[] = [
    { path: entry.path, abs: entry.abs, before, after: entryTextFor(before, draft, frontMatter, entry.type.schema) },
  ];
  const csv = csvCompanion(entry);
  if (draft.csv !== undefined) {
    if (!csv) throw new EditorError(400, `${entry.path}: solo le tabelle statistiche hanno valori in un file CSV`);
    const csvBefore = readIfExists(csv.abs);
    files.push({ path: csv.path, abs: csv.abs, before: csvBefore, after: csvTextFor(csvBefore, draft.csv) });
  }
  for (const file of files) {
    if (Buffer.byteLength(file.after) > MAX_FILE_BYTES)
      throw new EditorError(413, `${file.path}: il testo supera i 5 MB ammessi per un file di contenuti; dividilo in più voci`);
  }
  return files;
}

/** Where a problem is, to tell the problems a draft brings from those the source already had. */
function problemKey(problem: Problem): string {
  return `${problem.file}\u0000${problem.field}\u0000${problem.code}\u0000${problem.message}`;
}

/**
 * The validator's problems with the draft in place: every problem of the draft's own files, and
 * the problems it causes elsewhere (a renamed id others refer to), not those the source already had.
 */
export function checkDraft(root: string, files: readonly DraftFile[], baseline: ValidationResult, today?: string): Problem[] {
  const overlay = new Map(files.map((file) => [file.path, file.after]));
  const result = validateSource(root, { overlay, ...(today === undefined ? {} : { today }) });
  const own = new Set(files.map((file) => file.path));
  const known = new Set(baseline.problems.map(problemKey));
  return result.problems.filter((problem) => own.has(problem.file) || !known.has(problemKey(problem)));
}
