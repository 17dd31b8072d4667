/**
 * Finds every content file of a source, parses it with positions and validates it against its
 * schema. The result is the one validated path for data: the validator, the export, the tests
 * and (through Astro's loaders, same schemas) the site all see the same entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { SLUG_RE } from '../../schemas/common.ts';
import { closest } from './schema-introspect.ts';
import { CONTENT_TYPES, contentType, type CollectionName } from '../content-types.ts';
import { fieldPath, type Problem } from './problem.ts';
import { expectsNumber, expectsPlainText } from './schema-introspect.ts';
import { issuesToProblems, type FileContext } from './schema-problems.ts';
import { replaceNode } from './edits.ts';
import { detectNumberTrap } from './italian-numbers.ts';
import { applyCsvValues } from './stats-csv.ts';
import type { StatsTable } from '../../schemas/stats.ts';
import {
  nodeAt,
  parseMarkdownSource,
  parseYamlSource,
  positionOf,
  readSourceText,
  sourceOf,
  type ParsedSource,
  type SourceOverlay,
} from './source-file.ts';

export { specificIssue, issuesToProblems } from './schema-problems.ts';

export type { CollectionName };

interface CollectionSpec {
  name: CollectionName;
  dir: string;
  /** 1: files directly in dir (`<id>.yaml`); 2: one folder per organization (`<org>/<id>.md`). */
  depth: 1 | 2;
  ext: '.yaml' | '.md';
  schema: z.ZodType;
  label: string;
  /** Companion extensions (a stats table's `.csv`): kept as assets, not entries. */
  companions: readonly string[];
}

/** The folder-based types of the registry (src/lib/content-types.ts), as file discovery walks them. */
export const COLLECTIONS: readonly CollectionSpec[] = CONTENT_TYPES.filter(
  (type) => type.layout === 'flat' || type.layout === 'per-organization',
).map((type) => ({
  name: type.name,
  dir: type.dir,
  depth: type.layout === 'flat' ? 1 : 2,
  ext: type.ext,
  schema: type.schema,
  label: type.label,
  companions: type.companions ?? [],
}));

export const FUNDING_FILE = contentType('funding').dir;

/** The register of source documents (see src/schemas/document.ts); optional. */
export const DOCUMENTS_FILE = contentType('documents').dir;

/** The site's settings (see src/schemas/site.ts); optional. */
export const SITE_FILE = contentType('site').dir;

export interface Entry<T = unknown> {
  collection: CollectionName;
  /** `<slug>` for organizations, `<organizzazione>/<slug>` for the rest. */
  id: string;
  organization?: string;
  slug: string;
  /** Path relative to the source root. */
  file: string;
  abs: string;
  parsed: ParsedSource;
  data: T;
  body?: string;
  /** Where the entry sits inside its file, for files holding a list (e.g. `[3]`). */
  at: PropertyKey[];
}

export interface LoadedSource {
  root: string;
  entries: Entry[];
  /** Companion files (CSV values, images) by path relative to the root. */
  assets: Set<string>;
  /** Ids of files that exist but did not validate: references to them are not "missing". */
  invalid: Set<string>;
  problems: Problem[];
}

const IMAGE_EXTS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.svg', '.gif', '.tif', '.tiff']);

function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/**
 * Every file under `dir`, and a problem for each entry the validator cannot read as a file: a
 * symbolic link (refused, and named as pointing outside when it does: the site must be built
 * from the content source alone) or anything that is neither file nor folder. Hidden entries
 * (`.DS_Store`, `.gitkeep`) are the system's, not content.
 */
function walkFiles(root: string, dir: string, problems: Problem[]): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const abs = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) problems.push(symlinkProblem(root, abs));
    else if (entry.isDirectory()) out.push(...walkFiles(root, abs, problems));
    else if (entry.isFile()) out.push(abs);
    else
      problems.push(
        misplaced(
          toRel(root, abs),
          'questo elemento non è né un file né una cartella: non viene letto',
          'rimuovilo dalla cartella dei contenuti',
        ),
      );
  }
  return out.sort();
}

function symlinkProblem(root: string, abs: string): Problem {
  const rel = toRel(root, abs);
  let target: string | undefined;
  try {
    target = fs.realpathSync(abs);
  } catch {
    target = undefined;
  }
  const realRoot = fs.realpathSync(root);
  const outside =
    target === undefined || path.relative(realRoot, target).startsWith('..') || path.isAbsolute(path.relative(realRoot, target));
  return misplaced(
    rel,
    target === undefined
      ? 'collegamento (link simbolico) a un file che non esiste: non viene letto'
      : outside
        ? `collegamento (link simbolico) a un file fuori dalla cartella dei contenuti (${target}): il sito si costruisce solo da questa cartella, quindi viene rifiutato`
        : 'collegamento (link simbolico): i collegamenti non vengono seguiti, il contenuto non verrebbe pubblicato',
    `al posto del collegamento metti una copia del file (${path.basename(rel)})`,
  );
}

/** Word processors' and other programs' files: their text must be copied into a content file. */
const DOCUMENT_EXTS = new Set(['.doc', '.docx', '.odt', '.rtf', '.pdf', '.pages', '.xls', '.xlsx', '.ods']);

/**
 * Why a file of a collection folder with the wrong extension is not read, and how to fix it: a
 * rename when the content is plainly there (`nuovo.md.txt`, `2021.markdown`, `social.yml`).
 */
function wrongExtension(spec: CollectionSpec, rel: string): Problem {
  const name = path.posix.basename(rel);
  const dir = path.posix.dirname(rel);
  const ext = path.extname(name).toLowerCase();
  const stem = name.slice(0, name.length - ext.length);
  const inner = path.extname(stem).toLowerCase();
  const renamed = (to: string) =>
    misplaced(rel, `${spec.label} con estensione ${ext}: il file non viene letto`, `rinomina il file in ${to}`, `${dir}/${to}`);
  if (ext === '.mdx')
    return misplaced(
      rel,
      'i contenuti si scrivono in .md, non in .mdx: un file MDX può eseguire codice durante la costruzione del sito',
      `rinomina il file in ${stem}.md e togli eventuali import/componenti`,
      `${dir}/${stem}.md`,
    );
  // `nuovo.md.txt`: Notepad added .txt to a file named `nuovo.md`.
  if (inner === spec.ext || (spec.ext === '.yaml' && inner === '.yml') || (spec.ext === '.md' && inner === '.markdown'))
    return renamed(`${stem.slice(0, stem.length - inner.length)}${spec.ext}`);
  if ((ext === '.yml' && spec.ext === '.yaml') || (ext === '.markdown' && spec.ext === '.md')) return renamed(`${stem}${spec.ext}`);
  if (DOCUMENT_EXTS.has(ext))
    return misplaced(
      rel,
      `documento ${ext} in ${spec.dir}/: qui si leggono solo file ${spec.ext} (${spec.label}), questo non verrebbe pubblicato`,
      `copia il testo in un file ${spec.ext} (vedi README, «Scrivere i contenuti») e sposta ${name} fuori da ${spec.dir}/`,
    );
  return misplaced(
    rel,
    `file non riconosciuto in ${spec.dir}/: qui si leggono solo file ${spec.ext} (${spec.label}), questo non verrebbe pubblicato`,
    `se è un contenuto, rinominalo con estensione ${spec.ext}; altrimenti spostalo fuori da ${spec.dir}/`,
  );
}

/** Folders of `content/` and `data/` the validator reads; `data/documents/` holds the source documents. */
/** What may stand in `content/` and `data/`: the registry's folders and files, and the folder of source documents. */
const KNOWN_TOP = new Map<string, Set<string>>(
  ['content', 'data'].map((top) => [
    top,
    new Set([
      ...CONTENT_TYPES.filter((type) => type.dir.startsWith(`${top}/`)).map((type) => type.dir.slice(top.length + 1)),
      ...(top === 'data' ? ['documents'] : []),
    ]),
  ]),
);

/** Folder names an editor may write in Italian, and the folder they mean. */
const ITALIAN_FOLDERS = new Map([
  ['progetti', 'projects'],
  ['schede', 'projects'],
  ['piani', 'plans'],
  ['pagine', 'pages'],
  ['testi', 'pages'],
  ['report', 'reports'],
  ['organizzazioni', 'organizations'],
  ['statistiche', 'stats'],
  ['documenti', 'documents'],
]);

/** An entry of `content/` or `data/` that nothing reads: a misspelt folder, a file in the wrong place. */
function unknownTopEntries(root: string): Problem[] {
  const problems: Problem[] = [];
  for (const [top, known] of KNOWN_TOP) {
    const dir = path.join(root, top);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'README.md' || known.has(entry.name)) continue;
      const rel = `${top}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        problems.push(symlinkProblem(root, path.join(dir, entry.name)));
        continue;
      }
      const near = ITALIAN_FOLDERS.get(entry.name) ?? closest(entry.name, [...known]);
      const list = [...known].map((name) => `${top}/${name}`).join(', ');
      problems.push(
        misplaced(
          rel,
          `${entry.isDirectory() ? 'cartella' : 'file'} «${rel}» non ${entry.isDirectory() ? 'prevista' : 'previsto'}: il suo contenuto non viene letto (si leggono ${list})`,
          near === undefined
            ? `sposta il contenuto in una delle cartelle lette (${list})`
            : fs.existsSync(path.join(dir, near))
              ? `sposta il contenuto di ${rel}/ in ${top}/${near}/`
              : `rinomina «${rel}» in «${top}/${near}»`,
          near !== undefined && !fs.existsSync(path.join(dir, near)) ? `${top}/${near}` : undefined,
        ),
      );
    }
  }
  return problems;
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Walks the YAML tree, calling `visit` for every scalar with its logical path. */
function walkScalars(node: unknown, pathSoFar: PropertyKey[], visit: (node: Node, path: PropertyKey[]) => void): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key)) walkScalars(pair.value, [...pathSoFar, String(pair.key.value)], visit);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => walkScalars(item, [...pathSoFar, index], visit));
  } else if (isScalar(node)) {
    visit(node, pathSoFar);
  }
}

export function problemAt(
  parsed: ParsedSource,
  pathToField: readonly PropertyKey[],
  problem: Omit<Problem, 'file' | 'line' | 'column' | 'field'> & { field?: string },
): Problem {
  const { node, key, exact } = nodeAt(parsed.doc, pathToField);
  const target = exact ? node : node;
  const pos = positionOf(parsed, (exact ? target?.range?.[0] : (node?.range?.[0] ?? undefined)) ?? key?.range?.[0]);
  return {
    ...problem,
    file: parsed.rel,
    line: pos.line,
    column: pos.column,
    field: problem.field ?? fieldPath(pathToField),
    found: problem.found ?? (exact ? sourceOf(parsed, node) : undefined),
  };
}

/** Italian number formats where the schema wants a number: reported once, with the number to write. */
function numberTraps(parsed: ParsedSource, schema: z.ZodType): { problems: Problem[]; paths: Set<string> } {
  const problems: Problem[] = [];
  const paths = new Set<string>();
  walkScalars(parsed.doc.contents, [], (node, scalarPath) => {
    if (!expectsNumber(schema, scalarPath)) return;
    const raw = sourceOf(parsed, node);
    if (raw === undefined) return;
    const trap = detectNumberTrap(raw);
    if (!trap) return;
    const pos = positionOf(parsed, node.range?.[0]);
    paths.add(fieldPath(scalarPath));
    const lineFix = replaceNode(parsed, node, trap.yaml, true);
    problems.push({
      severity: 'error',
      file: parsed.rel,
      line: pos.line,
      column: pos.column,
      field: fieldPath(scalarPath),
      message: trap.reason,
      found: raw,
      fix: lineFix?.fix ?? `scrivi ${trap.yaml} al posto di ${raw}`,
      edit: lineFix?.edit,
      code: 'numero-italiano',
    });
  });
  return { problems, paths };
}

/** An HTML tag, opening or closing, e.g. `<b>`, `</a>`, `<br/>`. */
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;

/**
 * HTML in a plain-text field (a title, a summary…): the site and the PDF show it as written,
 * tags included. A warning, with the text to write instead.
 */
function htmlInText(parsed: ParsedSource, schema: z.ZodType): Problem[] {
  const problems: Problem[] = [];
  walkScalars(parsed.doc.contents, [], (node, scalarPath) => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const tags = node.value.match(HTML_TAG);
    if (!tags || !expectsPlainText(schema, scalarPath)) return;
    const plain = node.value.replace(HTML_TAG, ' ').replace(/\s+/g, ' ').trim();
    const lineFix = replaceNode(parsed, node, plain);
    const pos = positionOf(parsed, node.range?.[0]);
    problems.push({
      severity: 'warning',
      file: parsed.rel,
      line: pos.line,
      column: pos.column,
      field: fieldPath(scalarPath),
      message: `il testo contiene codice HTML (${[...new Set(tags)].map((tag) => `«${tag}»`).join(', ')}): questo campo è testo semplice, e sul sito e nel PDF il codice comparirebbe così com'è`,
      found: sourceOf(parsed, node),
      fix: lineFix?.fix ?? `scrivi il testo senza codice: ${plain}`,
      edit: lineFix?.edit,
      code: 'html-nel-testo',
    });
  });
  return problems;
}

/** Parses and validates one file against a schema. */
export function validateFile(
  abs: string,
  rel: string,
  format: 'yaml' | 'markdown',
  schema: z.ZodType,
  context: FileContext = {},
  overlay?: SourceOverlay,
): { parsed?: ParsedSource; data?: unknown; problems: Problem[] } {
  const text = readSourceText(abs, rel, overlay);
  if ('severity' in text) return { problems: [text] };
  const { parsed, problems } = format === 'markdown' ? parseMarkdownSource(text) : parseYamlSource(text);
  if (!parsed) return { problems };
  if (parsed.data === null || parsed.data === undefined) {
    return {
      parsed,
      problems: [
        {
          severity: 'error',
          file: rel,
          line: 1 + parsed.lineOffset,
          column: 1,
          field: '',
          message: format === 'markdown' ? "l'intestazione è vuota: mancano tutti i campi" : 'il file è vuoto: mancano tutti i campi',
          fix: 'ricrealo con «npm run nuovo» (che scrive tutti i campi), oppure copia la struttura da docs/guida-redazione.md',
          code: 'file-vuoto',
        },
      ],
    };
  }
  const traps = numberTraps(parsed, schema);
  const result = schema.safeParse(parsed.data);
  const issueProblems = result.success ? [] : issuesToProblems(parsed, schema, result.error.issues, traps.paths, context);
  const all = [...problems, ...traps.problems, ...issueProblems, ...htmlInText(parsed, schema)];
  return { parsed, data: result.success && traps.problems.length === 0 ? result.data : undefined, problems: all };
}

function misplaced(rel: string, message: string, fix: string, renameTo?: string): Problem {
  return {
    severity: 'error',
    file: rel,
    line: 1,
    column: 1,
    field: '',
    message,
    fix,
    ...(renameTo === undefined ? {} : { edit: { renameTo } }),
    code: 'file-fuori-posto',
  };
}

/**
 * Whether the plan file an objective reference names has an objective with that id, read as text:
 * the plans may not be loaded yet when a reference to one is checked.
 */
function objectiveInPlanFile(root: string, ref: string, overlay?: SourceOverlay): boolean {
  const [organization, year, id] = ref.split('/');
  const rel = `content/plans/${organization ?? ''}/${year ?? ''}.md`;
  const file = path.join(root, rel);
  const text = overlay?.get(rel) ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
  if (text === undefined) return false;
  return new RegExp(`^[\\s-]*id:\\s*["']?${id ?? ''}["']?\\s*$`, 'm').test(text);
}

/** Files of `overlay` under `dir` that are not on disk yet (a new entry being drafted). */
function draftedFiles(root: string, dir: string, overlay: SourceOverlay | undefined): string[] {
  if (!overlay) return [];
  const prefix = `${toRel(root, dir)}/`;
  return [...overlay.keys()]
    .filter((rel) => rel.startsWith(prefix) && !fs.existsSync(path.join(root, rel)))
    .map((rel) => path.join(root, rel));
}

/**
 * Loads and validates every file of a source folder. Never throws on content. With `overlay`,
 * those files are read from it instead of the disk (see `SourceOverlay`).
 */
export function loadSource(root: string, options: { overlay?: SourceOverlay } = {}): LoadedSource {
  const { overlay } = options;
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  const assets = new Set<string>();
  const hasLayout = ['content', 'data'].some((dir) => fs.existsSync(path.join(root, dir)));
  if (!hasLayout) {
    const missing = !fs.existsSync(root);
    problems.push({
      severity: 'error',
      file: root,
      line: 1,
      column: 1,
      field: '',
      message: missing
        ? 'la cartella dei contenuti non esiste'
        : 'la cartella non contiene né content/ né data/: non sembra una cartella di contenuti annuario',
      fix: 'controlla il percorso in ANNUARIO_SOURCE (deve contenere content/ e data/)',
      code: 'sorgente',
    });
    return { root, entries, assets, invalid: new Set(), problems };
  }
  const invalid = new Set<string>();

  problems.push(...unknownTopEntries(root));
  for (const spec of COLLECTIONS) {
    const base = path.join(root, spec.dir);
    for (const abs of [...walkFiles(root, base, problems), ...draftedFiles(root, base, overlay)].sort()) {
      const rel = toRel(root, abs);
      const inner = path.relative(base, abs).split(path.sep);
      const ext = path.extname(abs).toLowerCase();
      const stem = path.basename(abs, path.extname(abs));
      if (IMAGE_EXTS.has(ext) || spec.companions.includes(ext)) {
        assets.add(rel);
        continue;
      }
      // A README explains a folder to the people who edit it; it is not content (see the guide).
      if (path.basename(abs) === 'README.md') continue;
      if (ext !== spec.ext) {
        problems.push(wrongExtension(spec, rel));
        continue;
      }
      if (inner.length !== spec.depth) {
        const expected = spec.depth === 1 ? `${spec.dir}/<id>${spec.ext}` : `${spec.dir}/<organizzazione>/<id>${spec.ext}`;
        problems.push(misplaced(rel, `file nella cartella sbagliata: ${spec.label} va in ${expected}`, `sposta il file in ${expected}`));
        continue;
      }
      const organization = spec.depth === 2 ? inner[0] : undefined;
      const badName = [stem, ...(organization ? [organization] : [])].find((part) => !SLUG_RE.test(part));
      if (badName !== undefined) {
        problems.push({
          severity: 'error',
          file: rel,
          line: 1,
          column: 1,
          field: '',
          message: `nome non valido «${badName}»: nomi di file e cartelle fanno da identificativo e indirizzo web, quindi solo minuscole, cifre e trattini`,
          fix: `rinomina in «${slugify(badName) || 'nome-del-file'}»`,
          ...(badName === stem && slugify(badName) !== '' && !fs.existsSync(path.join(path.dirname(abs), `${slugify(badName)}${ext}`))
            ? { edit: { renameTo: `${path.posix.dirname(rel)}/${slugify(badName)}${ext}` } }
            : {}),
          code: 'nome-file',
        });
        continue;
      }
      const context: FileContext = {
        idFromName: `${stem}${ext}`,
        organization,
        objectiveExists: (ref) => objectiveInPlanFile(root, ref, overlay),
        ...(spec.name === 'plans' && /^\d{4}$/.test(stem) ? { derived: { year: Number(stem) } } : {}),
      };
      const {
        parsed,
        data,
        problems: fileProblems,
      } = validateFile(abs, rel, spec.ext === '.md' ? 'markdown' : 'yaml', spec.schema, context, overlay);
      problems.push(...fileProblems);
      const csvAbs = abs.replace(/\.yaml$/, '.csv');
      const csvRel = toRel(root, csvAbs);
      if (spec.name === 'stats' && data !== undefined && (overlay?.has(csvRel) === true || fs.existsSync(csvAbs))) {
        const csvText = readSourceText(csvAbs, csvRel, overlay);
        if ('severity' in csvText) problems.push(csvText);
        else problems.push(...applyCsvValues(data as StatsTable, csvText.text, csvText.rel));
      }
      if (data === undefined) invalid.add(`${spec.name}:${organization ? `${organization}/${stem}` : stem}`);
      if (parsed && data !== undefined) {
        const entry: Entry = {
          collection: spec.name,
          id: organization ? `${organization}/${stem}` : stem,
          slug: stem,
          file: rel,
          abs,
          parsed,
          data,
          ...(organization ? { organization } : {}),
          ...(parsed.body !== undefined ? { body: parsed.body } : {}),
          at: [],
        };
        entries.push(entry);
      }
    }
  }

  // Single data files (the registry's list and single files): a list gives one entry per item,
  // identified by its `idKey`; an object, one entry named after its type.
  for (const type of CONTENT_TYPES.filter((t) => t.layout === 'list-file' || t.layout === 'single-file')) {
    const abs = path.join(root, type.dir);
    if (!fs.existsSync(abs) && overlay?.has(type.dir) !== true) continue;
    const { parsed, data, problems: fileProblems } = validateFile(abs, type.dir, 'yaml', type.schema, {}, overlay);
    problems.push(...fileProblems);
    if (!parsed || data === undefined || data === null) continue;
    const items: { item: { id: string } & { file: string }; at: PropertyKey[] }[] = Array.isArray(data)
      ? data.map((item: { id: string } & { file: string }, index) => ({ item, at: [index] }))
      : [{ item: data as { id: string } & { file: string }, at: [] }];
    for (const { item, at } of items) {
      const id = type.layout === 'single-file' ? type.name : item[type.idKey ?? 'id'];
      entries.push({ collection: type.name, id, slug: id, file: type.dir, abs, parsed, data: item, at });
    }
  }
  return { root, entries, assets, invalid, problems };
}
