/** The file a new entry is written to, from its type's folder and layout. Pure. */
import { t } from '../../i18n/t.ts';

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface NewEntry {
  /** The type's folder, relative to the source root, e.g. `content/projects`. */
  dir: string;
  layout: 'flat' | 'per-organization' | 'list-file' | 'single-file';
  ext: string;
  org: string | undefined;
  id: string;
}

/**
 * `content/projects/<org>/<id>.md` for a per-organization type, `<dir>/<id><ext>` for a flat
 * one; an identifier that is not lowercase words joined by hyphens is refused in Italian.
 */
export function newEntryPath(entry: NewEntry): { path: string } | { error: string } {
  if (entry.id === '') return { error: t('editor.new.idMissing') };
  if (!SLUG_RE.test(entry.id)) return { error: t('editor.new.idInvalid', { id: entry.id }) };
  if (entry.layout === 'per-organization') {
    if (entry.org === undefined || entry.org === '') return { error: t('editor.new.orgMissing') };
    return { path: `${entry.dir}/${entry.org}/${entry.id}${entry.ext}` };
  }
  if (entry.layout === 'flat') return { path: `${entry.dir}/${entry.id}${entry.ext}` };
  return { path: entry.dir };
}
