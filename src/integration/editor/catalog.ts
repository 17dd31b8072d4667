/**
 * What the editor's lists and pickers show: the content types with their JSON Schemas, every
 * entry of the source (read leniently, so a file with errors is still listed and can be opened
 * to be fixed), one entry as the form edits it, the options of the reference pickers and the
 * public page of an entry.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_TYPES, type CollectionName, type ContentType } from '../../lib/content-types.ts';
import { EDITOR_SCHEMAS, editorJsonSchema } from '../../lib/editor-schemas.ts';
import { routesUnder } from '../../lib/site/urls.ts';
import type { Problem } from '../../lib/validate/index.ts';
import { MAX_FILE_BYTES } from '../../lib/validate/source-file.ts';
import { EditorError } from './errors.ts';
import { readCsv, readEntryText, type CsvGrid } from './files.ts';
import { csvCompanion, resolveEntryPath, type EntryPath } from './paths.ts';

/** One content type as `tipi` describes it. */
export interface TypeInfo {
  name: CollectionName;
  label: string;
  layout: ContentType['layout'];
  ext: ContentType['ext'];
  frontMatter: boolean;
  /** The JSON Schema of one file (input side), from the same generator as src/schemas/json/. */
  schema: Record<string, unknown>;
}

/** One line of `voci`. */
export interface EntrySummary {
  path: string;
  type: CollectionName;
  org?: string;
  id: string;
  title: string;
  status?: string;
}

/** What a listed file holds, for the list and the pickers: its path and its data (null when unreadable). */
interface ListedFile {
  entry: EntryPath;
  data: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The JSON Schema of each content type, by the type's schema. */
function schemaOf(type: ContentType): Record<string, unknown> {
  const editor = EDITOR_SCHEMAS.find((entry) => entry.schema === type.schema);
  if (!editor) throw new Error(`Nessuno schema dell'editor per il tipo ${type.name}`);
  return editorJsonSchema(editor);
}

let typeInfos: TypeInfo[] | undefined;

/** Every content type, with its JSON Schema (computed once: the schemas do not change while the server runs). */
export function contentTypes(): TypeInfo[] {
  typeInfos ??= CONTENT_TYPES.map((type) => ({
    name: type.name,
    label: type.label,
    layout: type.layout,
    ext: type.ext,
    frontMatter: type.ext === '.md',
    schema: schemaOf(type),
  }));
  return typeInfos;
}

/** Names in a folder that can be content (no hidden files, no README), sorted. */
function names(dir: string, kind: 'file' | 'dir'): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter(
      (entry) => !entry.name.startsWith('.') && entry.name !== 'README.md' && (kind === 'file' ? entry.isFile() : entry.isDirectory()),
    )
    .map((entry) => entry.name)
    .sort();
}

/** The entry paths of a type that exist in the source. */
function typePaths(root: string, type: ContentType): string[] {
  if (type.layout === 'list-file' || type.layout === 'single-file') return fs.existsSync(path.join(root, type.dir)) ? [type.dir] : [];
  const files = (dir: string, rel: string) => names(dir, 'file').flatMap((name) => (name.endsWith(type.ext) ? [`${rel}/${name}`] : []));
  if (type.layout === 'flat') return files(path.join(root, type.dir), type.dir);
  return names(path.join(root, type.dir), 'dir').flatMap((org) => files(path.join(root, type.dir, org), `${type.dir}/${org}`));
}

/** Reads a listed file leniently: its data, or null when it cannot be read or parsed. */
function readListed(entry: EntryPath): unknown {
  try {
    if (fs.statSync(entry.abs).size > MAX_FILE_BYTES) return null;
    return readEntryText(fs.readFileSync(entry.abs, 'utf8'), entry.type.ext === '.md').data;
  } catch {
    return null;
  }
}

/** Every file of the given types (all when none), with its data. Names the validator refuses are left out. */
function listFiles(root: string, types: readonly ContentType[] = CONTENT_TYPES): ListedFile[] {
  return types.flatMap((type) =>
    typePaths(root, type).flatMap((rel) => {
      let entry: EntryPath;
      try {
        entry = resolveEntryPath(root, rel);
      } catch {
        return [];
      }
      return [{ entry, data: readListed(entry) }];
    }),
  );
}

/** The title an entry is listed by. */
function titleOf(file: ListedFile): string {
  const { data, entry } = file;
  const editor = EDITOR_SCHEMAS.find((schema) => schema.schema === entry.type.schema);
  if (entry.type.layout === 'list-file' || entry.type.layout === 'single-file') return editor?.title ?? entry.type.label;
  if (!isObject(data)) return entry.id;
  if (entry.type.name === 'organizations' && isObject(data['name']))
    return text(data['name']['short']) ?? text(data['name']['full']) ?? entry.id;
  return text(data['title']) ?? entry.id;
}

/** Lower case without accents, for a search that finds «città» when «citta» is typed. */
function folded(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The organizations of the source: `{ id, name }`, the short name when the file has one. */
export function organizations(root: string): { id: string; name: string }[] {
  return listFiles(root, [contentTypeByName('organizations')]).map((file) => ({ id: file.entry.id, name: titleOf(file) }));
}

function contentTypeByName(name: string): ContentType {
  const type = CONTENT_TYPES.find((t) => t.name === name);
  if (!type)
    throw new EditorError(400, `tipo di contenuto sconosciuto «${name}»: usa uno di ${CONTENT_TYPES.map((t) => t.name).join(', ')}`);
  return type;
}

/** `voci`: the entries of a type (or all), of an organization (or all), matching a search (or all). */
export function listEntries(
  root: string,
  query: { tipo?: string | undefined; org?: string | undefined; q?: string | undefined },
): EntrySummary[] {
  const types = query.tipo ? [contentTypeByName(query.tipo)] : CONTENT_TYPES;
  const words = folded(query.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return listFiles(root, types).flatMap((file) => {
    const { entry, data } = file;
    if (query.org && entry.org !== query.org) return [];
    const title = titleOf(file);
    const summary = isObject(data) ? (text(data['summary']) ?? '') : '';
    const haystack = folded(`${title} ${entry.id} ${summary}`);
    if (!words.every((word) => haystack.includes(word))) return [];
    const status = isObject(data) ? text(data['status']) : undefined;
    return [
      {
        path: entry.path,
        type: entry.type.name,
        ...(entry.org === undefined ? {} : { org: entry.org }),
        id: entry.id,
        title,
        ...(status === undefined ? {} : { status }),
      },
    ];
  });
}

/** `voce`: one entry as the form edits it. */
export interface EntryDetail {
  path: string;
  type: CollectionName;
  org?: string;
  id: string;
  data: unknown;
  body?: string;
  csv?: CsvGrid & { path: string };
  problems: Problem[];
  /** The files as they were read (see `entryVersion`): `salva` refuses to overwrite another version. */
  version: string;
}

/**
 * A fingerprint of an entry's files on disk (the entry and its CSV companion, missing ones
 * included). The form sends it back on save: if the files changed meanwhile (edited by hand, in
 * another tab), saving would throw those changes away, so it is refused.
 */
export function entryVersion(entry: EntryPath): string {
  const hash = crypto.createHash('sha256');
  const companion = csvCompanion(entry);
  for (const abs of [entry.abs, ...(companion ? [companion.abs] : [])]) {
    hash.update(fs.existsSync(abs) ? fs.readFileSync(abs) : '\0missing\0').update('\0');
  }
  return hash.digest('base64url').slice(0, 22);
}

/** The entry at `rel` with its problems (`problemsOf` gives the current validation's, by file). */
export function readEntry(root: string, rel: unknown, problemsOf: (files: string[]) => Problem[]): EntryDetail {
  const entry = resolveEntryPath(root, rel);
  if (!fs.existsSync(entry.abs))
    throw new EditorError(404, `${entry.path} non esiste: controlla il percorso, oppure creala con «Nuova voce»`);
  if (fs.statSync(entry.abs).size > MAX_FILE_BYTES)
    throw new EditorError(413, `${entry.path} supera i 5 MB: non è un file di contenuti scritto a mano`);
  const { data, body } = readEntryText(fs.readFileSync(entry.abs, 'utf8'), entry.type.ext === '.md');
  const companion = csvCompanion(entry);
  const csv =
    companion && fs.existsSync(companion.abs)
      ? { path: companion.path, ...readCsv(fs.readFileSync(companion.abs, 'utf8'), companion.path) }
      : undefined;
  return {
    path: entry.path,
    type: entry.type.name,
    ...(entry.org === undefined ? {} : { org: entry.org }),
    id: entry.id,
    data,
    ...(body === undefined ? {} : { body }),
    ...(csv === undefined ? {} : { csv }),
    problems: problemsOf([entry.path, ...(csv ? [csv.path] : [])]),
    version: entryVersion(entry),
  };
}

/** One choice of a reference picker. */
export interface RefOption {
  value: string;
  label: string;
  group?: string;
}

export const REF_KINDS = ['projects', 'objectives', 'areas', 'funding', 'organizations', 'documents'] as const;
export type RefKind = (typeof REF_KINDS)[number];

function listItems(data: unknown): Record<string, unknown>[] {
  return Array.isArray(data) ? data.filter(isObject) : [];
}

/** The year of a plan entry path (`content/plans/<org>/<anno>.md`), if its name is a year. */
function planYear(rel: string | undefined): number | undefined {
  const match = rel === undefined ? null : /^content\/plans\/[^/]+\/(\d{4})\.md$/.exec(rel);
  return match ? Number(match[1]) : undefined;
}

/**
 * `opzioni`: the choices of a reference picker. `org` is the entry's organization (from `path`
 * when not given); objectives are those of the organization's plans before the entry's plan.
 */
export function refOptions(root: string, ref: string, query: { org?: string | undefined; path?: string | undefined }): RefOption[] {
  if (!(REF_KINDS as readonly string[]).includes(ref))
    throw new EditorError(400, `riferimento sconosciuto «${ref}»: usa uno di ${REF_KINDS.join(', ')}`);
  const entry = query.path ? resolveEntryPath(root, query.path) : undefined;
  const org = query.org ?? entry?.org;
  const orgNames = new Map(organizations(root).map((o) => [o.id, o.name]));
  const needOrg = () => {
    if (!org) throw new EditorError(400, `per «${ref}» serve l'organizzazione: aggiungi org=<organizzazione> o path=<percorso della voce>`);
    return org;
  };
  switch (ref as RefKind) {
    case 'projects':
      return listFiles(root, [contentTypeByName('projects')]).map((file) => ({
        value: file.entry.id,
        label: titleOf(file),
        group: orgNames.get(file.entry.org ?? '') ?? file.entry.org ?? '',
      }));
    case 'objectives': {
      const owner = needOrg();
      const before = planYear(entry?.path) ?? Number.POSITIVE_INFINITY;
      return listFiles(root, [contentTypeByName('plans')])
        .filter((file) => file.entry.org === owner && /^\d{4}$/.test(file.entry.slug) && Number(file.entry.slug) < before)
        .flatMap((file) => {
          const sections = isObject(file.data) ? listItems(file.data['sections']) : [];
          return sections.flatMap((section) =>
            listItems(section['objectives']).flatMap((objective) => {
              const id = text(objective['id']);
              return id === undefined
                ? []
                : [{ value: `${owner}/${file.entry.slug}/${id}`, label: text(objective['text']) ?? id, group: titleOf(file) }];
            }),
          );
        });
    }
    case 'areas': {
      const owner = needOrg();
      const file = listFiles(root, [contentTypeByName('organizations')]).find((f) => f.entry.id === owner);
      const areas = file && isObject(file.data) ? listItems(file.data['areas']) : [];
      return areas.flatMap((area) => {
        const id = text(area['id']);
        return id === undefined ? [] : [{ value: id, label: text(area['label']) ?? id }];
      });
    }
    case 'funding': {
      const file = listFiles(root, [contentTypeByName('funding')])[0];
      return listItems(file?.data).flatMap((item) => {
        const id = text(item['id']);
        const label = [text(item['label']), text(item['name'])].filter(Boolean).join(' – ');
        return id === undefined ? [] : [{ value: id, label: label || id }];
      });
    }
    case 'organizations':
      return [...orgNames].map(([id, name]) => ({ value: id, label: name }));
    case 'documents': {
      const file = listFiles(root, [contentTypeByName('documents')])[0];
      return listItems(file?.data).flatMap((item) => {
        const value = text(item['file']);
        const label = [text(item['title']), text(item['edition'])].filter(Boolean).join(', ');
        const owner = text(item['organization']);
        return value === undefined ? [] : [{ value, label: label || value, ...(owner ? { group: orgNames.get(owner) ?? owner } : {}) }];
      });
    }
  }
}

/**
 * `anteprima`: the public page of an entry under the site's base path. The settings and the
 * register of documents have no page of their own: the home page and the open data show them.
 */
export function previewUrl(root: string, rel: unknown, base: string): string {
  const entry = resolveEntryPath(root, rel);
  const urls = routesUnder(base);
  const single = organizations(root).length === 1;
  switch (entry.type.name) {
    case 'organizations':
      return urls.organization(entry.id, single);
    case 'projects':
      return urls.card(entry.id);
    case 'plans':
      return urls.plan(entry.id);
    case 'stats':
      return urls.stats(entry.id);
    case 'reports':
      return urls.report(entry.id);
    case 'pages':
      return urls.page(entry.id);
    case 'funding':
      return urls.fundingIndex();
    case 'documents':
      return urls.openData();
    case 'site':
      return urls.home();
  }
}
