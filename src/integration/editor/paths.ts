/**
 * Which content file a path of the editor's API names, and the check that it stays inside the
 * content: relative, `/`-separated, no `..`, in one of the registry's folders with its layout and
 * extension, no symbolic link on the way. Anything else is refused before the disk is touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SLUG_RE } from '../../schemas/common.ts';
import { CONTENT_TYPES, type ContentType } from '../../lib/content-types.ts';
import { EditorError } from './errors.ts';

/** A content file the editor may read or write. */
export interface EntryPath {
  /** Relative to the source root, `/`-separated, e.g. `content/projects/anci-lombardia/atlante.md`. */
  path: string;
  abs: string;
  type: ContentType;
  /** The organization of a per-organization entry (or of an organization's own file). */
  org?: string;
  /** The id the site knows it by: `anci-lombardia/atlante`, `anci-lombardia` for an organization, the type's name for a list file. */
  id: string;
  /** The file name without extension (`atlante`, `2021`). */
  slug: string;
}

export const NOT_ALLOWED = 'percorso non ammesso';

function refuse(detail: string): never {
  throw new EditorError(400, `${NOT_ALLOWED}: ${detail}`);
}

/** The parts of a relative path, refused when it could leave the source folder. */
export function safeParts(rel: unknown): string[] {
  if (typeof rel !== 'string' || rel.trim() === '') refuse('manca il percorso del file (es. content/projects/anci-lombardia/sportello.md)');
  if (rel.includes('\\') || rel.includes('\0')) refuse(`«${rel}» contiene caratteri non ammessi: usa «/» fra le cartelle`);
  if (rel.startsWith('/') || /^[a-zA-Z]:/.test(rel))
    refuse(`«${rel}» è un percorso assoluto: scrivilo a partire dalla cartella dei contenuti`);
  const parts = rel.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..'))
    refuse(`«${rel}» esce dalla cartella dei contenuti o ha parti vuote`);
  return parts;
}

/** Refuses a path when the root or any existing part of it is a symbolic link. */
export function refuseLinks(root: string, rel: string): void {
  let current = root;
  for (const part of rel.split('/')) {
    current = path.join(current, part);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      return;
    }
    if (stat.isSymbolicLink()) refuse(`«${rel}» passa per un collegamento (link simbolico): l'editor non li segue`);
  }
}

/** Resolves an entry path of the API; throws an EditorError (400) for anything that is not one. */
export function resolveEntryPath(root: string, rel: unknown): EntryPath {
  const parts = safeParts(rel);
  const joined = parts.join('/');
  const abs = path.join(root, ...parts);
  const type = CONTENT_TYPES.find((t) => joined === t.dir || joined.startsWith(`${t.dir}/`));
  if (!type) refuse(`«${joined}» non è in una cartella dei contenuti (${CONTENT_TYPES.map((t) => t.dir).join(', ')})`);
  const inner = joined === type.dir ? [] : joined.slice(type.dir.length + 1).split('/');
  if (type.layout === 'list-file' || type.layout === 'single-file') {
    if (inner.length > 0) refuse(`«${joined}»: ${type.dir} è un file, non una cartella`);
    refuseLinks(root, joined);
    return { path: joined, abs, type, id: type.name, slug: type.name };
  }
  const depth = type.layout === 'flat' ? 1 : 2;
  const expected = type.layout === 'flat' ? `${type.dir}/<id>${type.ext}` : `${type.dir}/<organizzazione>/<id>${type.ext}`;
  const file = inner.at(-1) ?? '';
  if (inner.length !== depth || !file.endsWith(type.ext)) refuse(`«${joined}»: ${type.label} va in ${expected}`);
  const slug = file.slice(0, -type.ext.length);
  const org = depth === 2 ? inner[0] : slug;
  const bad = [slug, ...(depth === 2 ? [org ?? ''] : [])].find((name) => !SLUG_RE.test(name));
  if (bad !== undefined) refuse(`«${bad}»: nomi di file e cartelle solo in minuscolo, cifre e trattini (es. sportello-energia)`);
  refuseLinks(root, joined);
  return { path: joined, abs, type, ...(org === undefined ? {} : { org }), id: depth === 2 ? `${org}/${slug}` : slug, slug };
}

/** The CSV companion of a statistics table (`<id>.csv` beside `<id>.yaml`), for stats only. */
export function csvCompanion(entry: EntryPath): { path: string; abs: string } | undefined {
  if (!entry.type.companions?.includes('.csv')) return undefined;
  return { path: entry.path.replace(/\.yaml$/, '.csv'), abs: entry.abs.replace(/\.yaml$/, '.csv') };
}
