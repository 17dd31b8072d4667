/**
 * Finds every content file of a source, parses it with positions and validates it against its
 * schema. The result is the one validated path for data: the validator, the export, the tests
 * and (through Astro's loaders, same schemas) the site all see the same entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, stringify, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { DocumentListSchema } from '../../schemas/document.ts';
import { FundingListSchema } from '../../schemas/funding.ts';
import { SiteConfigSchema } from '../../schemas/site.ts';
import { OrganizationSchema } from '../../schemas/organization.ts';
import { PageSchema } from '../../schemas/page.ts';
import { PlanSchema } from '../../schemas/plan.ts';
import { ProjectSchema } from '../../schemas/project.ts';
import { ReportSchema } from '../../schemas/report.ts';
import { StatsTableSchema } from '../../schemas/stats.ts';
import { SLUG_RE } from '../../schemas/common.ts';
import { fieldPath, type Problem } from './problem.ts';
import { allowedKeys, closest, closestChoice, exampleAt, expectsNumber, expectsPlainText } from './schema-introspect.ts';
import { detectNumberTrap } from './italian-numbers.ts';
import { applyCsvValues } from './stats-csv.ts';
import type { StatsTable } from '../../schemas/stats.ts';
import { nodeAt, parseMarkdownSource, parseYamlSource, positionOf, readSourceText, sourceOf, type ParsedSource } from './source-file.ts';

export type CollectionName = 'organizations' | 'funding' | 'documents' | 'site' | 'stats' | 'projects' | 'plans' | 'reports' | 'pages';

interface CollectionSpec {
  name: CollectionName;
  dir: string;
  /** 1: files directly in dir (`<id>.yaml`); 2: one folder per organization (`<org>/<id>.md`). */
  depth: 1 | 2;
  ext: '.yaml' | '.md';
  schema: z.ZodType;
  label: string;
}

export const COLLECTIONS: readonly CollectionSpec[] = [
  { name: 'organizations', dir: 'data/organizations', depth: 1, ext: '.yaml', schema: OrganizationSchema, label: 'organizzazione' },
  { name: 'stats', dir: 'data/stats', depth: 2, ext: '.yaml', schema: StatsTableSchema, label: 'tabella statistica' },
  { name: 'projects', dir: 'content/projects', depth: 2, ext: '.md', schema: ProjectSchema, label: 'scheda' },
  { name: 'plans', dir: 'content/plans', depth: 2, ext: '.md', schema: PlanSchema, label: 'piano' },
  { name: 'reports', dir: 'content/reports', depth: 2, ext: '.yaml', schema: ReportSchema, label: 'report' },
  { name: 'pages', dir: 'content/pages', depth: 2, ext: '.md', schema: PageSchema, label: 'testo' },
];

export const FUNDING_FILE = 'data/funding.yaml';

/** The register of source documents (see src/schemas/document.ts); optional. */
export const DOCUMENTS_FILE = 'data/documents.yaml';

/** The site's settings (see src/schemas/site.ts); optional. */
export const SITE_FILE = 'data/site.yaml';

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

function walkFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walkFiles(abs));
    else if (entry.isFile()) out.push(abs);
  }
  return out.sort();
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function yamlLine(key: PropertyKey | undefined, value: unknown): string {
  const rendered = stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
  return typeof key === 'string' ? `${key}: ${rendered}` : rendered;
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

/**
 * A union ("a number or «in definizione»") reports one generic message. When exactly one branch
 * accepted the value's type and failed on a finer rule (three decimals, a negative amount, a bad
 * month), that branch's message is the useful one.
 */
export function specificIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || !('errors' in issue) || !Array.isArray(issue.errors)) return issue;
  const typeMatched = (issue.errors as z.core.$ZodIssue[][]).filter(
    (branch) =>
      branch.length > 0 && branch.every((sub) => sub.path.length > 0 || (sub.code !== 'invalid_type' && sub.code !== 'invalid_value')),
  );
  const branch = typeMatched.length === 1 ? typeMatched[0] : undefined;
  const first = branch?.[0];
  return first ? specificIssue({ ...first, path: [...issue.path, ...first.path] }) : issue;
}

/** Zod's own English defaults, for shapes no schema message covers (an object or a list given as text). */
function italianDefault(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (!/^(Invalid input|Invalid option|Too (small|big))/.test(issue.message)) return issue;
  const expected = issue.code === 'invalid_type' ? issue.expected : undefined;
  const message =
    expected === 'object' && issue.path.length === 0
      ? 'attesi dei campi nella forma «nome: valore», uno per riga'
      : expected === 'object'
        ? 'attesi dei campi su righe rientrate sotto questo (es. «author:» e sotto «  name: Maria Rossi»), non un testo'
        : expected === 'array'
          ? 'attesa una lista: [a, b] oppure una voce per riga che inizia con «- »'
          : expected === 'string'
            ? 'atteso un testo'
            : expected === 'number'
              ? 'atteso un numero'
              : 'valore non valido qui';
  return { ...issue, message };
}

/**
 * The fix for a value outside a list of choices: the choice the editor most likely meant, else
 * the instruction to pick one (the message lists them). Never the first choice by default: for
 * «status: chiuso» that would be «attivo».
 */
function choiceFix(values: readonly unknown[], node: Node | null, lastKey: PropertyKey | undefined): string {
  if (!isScalar(node)) return 'usa uno dei valori elencati';
  const written = String(node.value);
  const choice = closestChoice(written, values.map(String));
  if (choice === undefined) return `sostituisci «${written}» con uno dei valori elencati`;
  return typeof lastKey === 'string' ? `${lastKey}: ${choice}` : `sostituisci «${written}» con «${choice}»`;
}

/** Turns zod issues into editor problems pointing into the file. */
export function issuesToProblems(
  parsed: ParsedSource,
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  skip: Set<string>,
): Problem[] {
  const problems: Problem[] = [];
  /** Unknown keys that look like a misspelt allowed key, by the field path of that key. */
  const misspelt = new Map<string, Problem>();
  // Unknown keys first, so that a required key missing because it is misspelt is known as such.
  const unknownFirst = [...issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
  for (const rawIssue of unknownFirst) {
    const issue = italianDefault(specificIssue(rawIssue));
    const issuePath = issue.path;
    if (skip.has(fieldPath(issuePath))) continue;
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, issuePath);
      for (const key of issue.keys) {
        const keyPath = [...issuePath, key];
        const { key: keyNode } = nodeAt(parsed.doc, keyPath);
        const pos = positionOf(parsed, keyNode?.range?.[0]);
        const suggestion = closest(key, allowed);
        const problem: Problem = {
          severity: 'error',
          file: parsed.rel,
          line: pos.line,
          column: pos.column,
          field: fieldPath(keyPath),
          message: `campo sconosciuto «${key}»${suggestion ? `: forse intendevi «${suggestion}»?` : ''}`,
          fix: suggestion ? `rinomina «${key}» in «${suggestion}»` : `rimuovi «${key}»; i campi previsti qui sono: ${allowed.join(', ')}`,
          code: 'campo-sconosciuto',
        };
        problems.push(problem);
        if (suggestion) misspelt.set(fieldPath([...issuePath, suggestion]), problem);
      }
      continue;
    }
    const { node, exact } = nodeAt(parsed.doc, issuePath);
    const lastKey = issuePath[issuePath.length - 1];
    const example = exampleAt(schema, issuePath);
    // A refinement (impossible date, end before start…) has no example worth copying: the message says what to do.
    const fix = example === undefined || issue.code === 'custom' || typeof lastKey === 'number' ? undefined : yamlLine(lastKey, example);
    const missing = !exact || (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined && !exact);
    const typo = missing ? misspelt.get(fieldPath(issuePath)) : undefined;
    if (typo) {
      // «titel: …» for the required «title»: one problem, where the editor wrote it.
      typo.message = `${typo.message} «${String(lastKey)}» è obbligatorio e manca`;
      continue;
    }
    if (missing) {
      const pos = positionOf(parsed, node?.range?.[0]);
      problems.push({
        severity: 'error',
        file: parsed.rel,
        line: pos.line,
        column: pos.column,
        field: fieldPath(issuePath),
        message: `campo obbligatorio mancante: ${issue.message}`,
        fix: fix === undefined ? undefined : `aggiungi ${fix}`,
        code: 'campo-mancante',
      });
      continue;
    }
    const pos = positionOf(parsed, node?.range?.[0]);
    problems.push({
      severity: 'error',
      file: parsed.rel,
      line: pos.line,
      column: pos.column,
      field: fieldPath(issuePath),
      message: issue.message,
      found: sourceOf(parsed, node),
      fix: issue.code === 'invalid_value' ? choiceFix(issue.values, node, lastKey) : fix,
      code: 'schema',
    });
  }
  return problems;
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
    const lastKey = scalarPath[scalarPath.length - 1];
    paths.add(fieldPath(scalarPath));
    problems.push({
      severity: 'error',
      file: parsed.rel,
      line: pos.line,
      column: pos.column,
      field: fieldPath(scalarPath),
      message: trap.reason,
      found: raw,
      fix: typeof lastKey === 'string' ? `${lastKey}: ${trap.yaml}` : `scrivi ${trap.yaml} al posto di ${raw}`,
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
    const lastKey = scalarPath[scalarPath.length - 1];
    const pos = positionOf(parsed, node.range?.[0]);
    problems.push({
      severity: 'warning',
      file: parsed.rel,
      line: pos.line,
      column: pos.column,
      field: fieldPath(scalarPath),
      message: `il testo contiene codice HTML (${[...new Set(tags)].map((tag) => `«${tag}»`).join(', ')}): questo campo è testo semplice, e sul sito e nel PDF il codice comparirebbe così com'è`,
      found: sourceOf(parsed, node),
      fix: typeof lastKey === 'string' ? yamlLine(lastKey, plain) : `scrivi il testo senza codice: ${plain}`,
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
): { parsed?: ParsedSource; data?: unknown; problems: Problem[] } {
  const text = readSourceText(abs, rel);
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
          fix: 'copia la struttura da un file dello stesso tipo (vedi README, «Scrivere i contenuti»)',
          code: 'file-vuoto',
        },
      ],
    };
  }
  const traps = numberTraps(parsed, schema);
  const result = schema.safeParse(parsed.data);
  const issueProblems = result.success ? [] : issuesToProblems(parsed, schema, result.error.issues, traps.paths);
  const all = [...problems, ...traps.problems, ...issueProblems, ...htmlInText(parsed, schema)];
  return { parsed, data: result.success && traps.problems.length === 0 ? result.data : undefined, problems: all };
}

function misplaced(rel: string, message: string, fix: string, severity: Problem['severity'] = 'error'): Problem {
  return { severity, file: rel, line: 1, column: 1, field: '', message, fix, code: 'file-fuori-posto' };
}

/** Loads and validates every file of a source folder. Never throws on content. */
export function loadSource(root: string): LoadedSource {
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

  for (const spec of COLLECTIONS) {
    const base = path.join(root, spec.dir);
    for (const abs of walkFiles(base)) {
      const rel = toRel(root, abs);
      const inner = path.relative(base, abs).split(path.sep);
      const ext = path.extname(abs).toLowerCase();
      const stem = path.basename(abs, path.extname(abs));
      if (IMAGE_EXTS.has(ext) || (spec.name === 'stats' && ext === '.csv')) {
        assets.add(rel);
        continue;
      }
      if (ext === '.mdx') {
        problems.push(
          misplaced(
            rel,
            'i contenuti si scrivono in .md, non in .mdx: un file MDX può eseguire codice durante la costruzione del sito',
            `rinomina il file in ${stem}.md e togli eventuali import/componenti`,
          ),
        );
        continue;
      }
      if ((ext === '.yml' && spec.ext === '.yaml') || (ext === '.markdown' && spec.ext === '.md')) {
        problems.push(
          misplaced(
            rel,
            `estensione ${ext} non riconosciuta per ${spec.label}: il file verrebbe ignorato`,
            `rinomina il file in ${stem}${spec.ext}`,
          ),
        );
        continue;
      }
      if (ext !== spec.ext) {
        problems.push(
          misplaced(
            rel,
            `file non riconosciuto in ${spec.dir}/: qui si aspettano file ${spec.ext} (${spec.label})`,
            `sposta il file fuori da ${spec.dir}/ o rinominalo con estensione ${spec.ext}`,
            'warning',
          ),
        );
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
          code: 'nome-file',
        });
        continue;
      }
      const { parsed, data, problems: fileProblems } = validateFile(abs, rel, spec.ext === '.md' ? 'markdown' : 'yaml', spec.schema);
      problems.push(...fileProblems);
      const csvAbs = abs.replace(/\.yaml$/, '.csv');
      if (spec.name === 'stats' && data !== undefined && fs.existsSync(csvAbs)) {
        const csvText = readSourceText(csvAbs, toRel(root, csvAbs));
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

  // Single data files: a list gives one entry per item, identified by `idOf`; an object, one entry.
  const dataFiles = [
    { collection: 'funding', file: FUNDING_FILE, schema: FundingListSchema, idOf: (item: { id: string }) => item.id },
    { collection: 'documents', file: DOCUMENTS_FILE, schema: DocumentListSchema, idOf: (item: { file: string }) => item.file },
    { collection: 'site', file: SITE_FILE, schema: SiteConfigSchema, idOf: () => 'site' },
  ] as const;
  for (const dataFile of dataFiles) {
    const abs = path.join(root, dataFile.file);
    if (!fs.existsSync(abs)) continue;
    const { parsed, data, problems: fileProblems } = validateFile(abs, dataFile.file, 'yaml', dataFile.schema);
    problems.push(...fileProblems);
    if (!parsed || data === undefined || data === null) continue;
    const items: { item: { id: string } & { file: string }; at: PropertyKey[] }[] = Array.isArray(data)
      ? data.map((item: { id: string } & { file: string }, index) => ({ item, at: [index] }))
      : [{ item: data as { id: string } & { file: string }, at: [] }];
    for (const { item, at } of items) {
      const id = dataFile.idOf(item);
      entries.push({ collection: dataFile.collection, id, slug: id, file: dataFile.file, abs, parsed, data: item, at });
    }
  }
  return { root, entries, assets, invalid, problems };
}
