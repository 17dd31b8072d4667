/**
 * The editor's API (the contract is docs in the brief of issue #16): one thin handler per
 * endpoint, each checking its request with a schema and handing the work to the pure modules
 * beside it. Mounted by the dev server only (src/integration/index.ts, `astro:server:setup`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { validateSource, type Problem, type ValidationResult } from '../../lib/validate/index.ts';
import { contentTypes, entryVersion, listEntries, organizations, previewUrl, readEntry, refOptions } from './catalog.ts';
import { checkDraft, draftFiles } from './drafts.ts';
import { EditorError } from './errors.ts';
import { resolveEntryPath } from './paths.ts';
import { commitFiles, diffOf, ensureCommittable, saveImage, writeDraft } from './save.ts';

/** What the handlers need from the server: the source, the base path, the validation of the files on disk. */
export interface EditorContext {
  root: string;
  /** Astro's `base`, e.g. `/` or `/annuario/`. */
  base: string;
  /** The validation of the source as it is on disk (cached while no file changes). */
  validation: () => ValidationResult;
  /** Called after a save, so the next validation reads the new files. */
  changed: () => void;
}

/** A request as the handlers see it: the query and the parsed JSON body. */
export interface ApiRequest {
  query: URLSearchParams;
  body: unknown;
}

export type Handler = (context: EditorContext, request: ApiRequest) => unknown;

/**
 * What the validator would read, in one string: every file and folder under `content/` and
 * `data/` with its size and modification time. Walking ~150 names takes milliseconds; validating
 * takes most of a second, so the validation is redone only when this changes.
 */
export function sourceFingerprint(root: string): string {
  const parts: string[] = [];
  for (const top of ['content', 'data']) {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(root, top), { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      try {
        const stat = fs.lstatSync(path.join(root, top, name));
        parts.push(`${top}/${name}:${stat.size}:${stat.mtimeMs}`);
      } catch {
        // Removed while walking: the next call sees the change.
      }
    }
  }
  return parts.join('\n');
}

/** The validation of the files on disk, redone only when a file changed (by the editor, by hand, by git). */
export function cachedValidation(root: string): Pick<EditorContext, 'validation' | 'changed'> {
  let current: { fingerprint: string; result: ValidationResult } | undefined;
  return {
    validation: () => {
      const fingerprint = sourceFingerprint(root);
      if (current?.fingerprint !== fingerprint) current = { fingerprint, result: validateSource(root) };
      return current.result;
    },
    changed: () => {
      current = undefined;
    },
  };
}

const CsvGridSchema = z.strictObject({
  header: z.array(z.string(), { error: "csv.header: attesa la riga d'intestazione come lista di testi" }),
  rows: z.array(z.array(z.string()), { error: 'csv.rows: attesa una lista di righe, ognuna una lista di testi' }),
});

const DraftSchema = z.object({
  path: z.string({ error: 'manca «path», il percorso del file' }),
  data: z.unknown().refine((data) => data !== undefined, { error: 'manca «data», il contenuto della voce' }),
  body: z.string({ error: '«body» deve essere il testo Markdown' }).optional(),
  csv: CsvGridSchema.optional(),
});

const SaveSchema = DraftSchema.extend({
  create: z.boolean({ error: '«create» deve essere true oppure false' }).optional(),
  /** The `version` of the files the form was opened on (from `voce`); absent for a new entry. */
  version: z.string({ error: '«version» deve essere il testo ricevuto da «voce»' }).optional(),
  commit: z.strictObject({ message: z.string({ error: 'il commit ha bisogno di un messaggio (commit.message)' }) }).optional(),
});

const ImageSchema = z.object({
  path: z.string({ error: 'manca «path», il percorso della voce a cui appartiene l’immagine' }),
  name: z.string({ error: "manca «name», il nome del file dell'immagine" }),
  dataBase64: z.string({ error: "manca «dataBase64», il contenuto dell'immagine" }),
});

/** The body checked against its schema; the first problem becomes a 400 in Italian. */
function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new EditorError(400, `richiesta non valida: ${issue?.message ?? 'corpo JSON non valido'}`);
}

function query(request: ApiRequest, name: string): string | undefined {
  const value = request.query.get(name);
  return value === null || value === '' ? undefined : value;
}

function requiredQuery(request: ApiRequest, name: string, example: string): string {
  const value = query(request, name);
  if (value === undefined) throw new EditorError(400, `manca il parametro «${name}» (es. ${name}=${example})`);
  return value;
}

/** The problems of the files on disk, for `voce`. */
function problemsOf(context: EditorContext): (files: string[]) => Problem[] {
  return (files) => context.validation().problems.filter((problem) => files.includes(problem.file));
}

export const HANDLERS: Record<string, { method: 'GET' | 'POST'; handle: Handler }> = {
  tipi: {
    method: 'GET',
    handle: (context) => ({ types: contentTypes(), organizations: organizations(context.root) }),
  },
  voci: {
    method: 'GET',
    handle: (context, request) => ({
      entries: listEntries(context.root, { tipo: query(request, 'tipo'), org: query(request, 'org'), q: query(request, 'q') }),
    }),
  },
  voce: {
    method: 'GET',
    handle: (context, request) =>
      readEntry(context.root, requiredQuery(request, 'path', 'content/projects/anci-lombardia/atlante.md'), problemsOf(context)),
  },
  verifica: {
    method: 'POST',
    handle: (context, request) => {
      const draft = parseBody(DraftSchema, request.body);
      const entry = resolveEntryPath(context.root, draft.path);
      return { problems: checkDraft(context.root, draftFiles(entry, draft), context.validation()) };
    },
  },
  salva: {
    method: 'POST',
    handle: async (context, request) => {
      const draft = parseBody(SaveSchema, request.body);
      const entry = resolveEntryPath(context.root, draft.path);
      if (draft.version !== undefined && draft.version !== entryVersion(entry)) {
        throw new EditorError(
          409,
          `${entry.path} è stato modificato fuori dall'editor dopo che l'hai aperto (a mano o in un'altra scheda del browser): per non cancellare quelle modifiche non è stato salvato nulla. Copia da parte quello che hai scritto, riapri la voce per vedere la versione attuale e riporta le tue modifiche.`,
        );
      }
      const files = draftFiles(entry, draft);
      const problems = checkDraft(context.root, files, context.validation());
      if (draft.commit) await ensureCommittable(context.root, draft.commit.message);
      writeDraft(entry, files, problems, draft.create === true);
      context.changed();
      const diff = diffOf(files);
      const written = files.filter((file) => file.before !== file.after).map((file) => file.path);
      const commit = draft.commit && written.length > 0 ? await commitFiles(context.root, written, draft.commit.message) : undefined;
      return { saved: true, problems, diff, version: entryVersion(entry), ...(commit === undefined ? {} : { commit }) };
    },
  },
  immagine: {
    method: 'POST',
    handle: (context, request) => {
      const image = parseBody(ImageSchema, request.body);
      const entry = resolveEntryPath(context.root, image.path);
      return { src: saveImage(context.root, entry, image.name, image.dataBase64) };
    },
  },
  opzioni: {
    method: 'GET',
    handle: (context, request) => ({
      options: refOptions(context.root, requiredQuery(request, 'ref', 'projects'), {
        org: query(request, 'org'),
        path: query(request, 'path'),
      }),
    }),
  },
  anteprima: {
    method: 'GET',
    handle: (context, request) => ({
      url: previewUrl(context.root, requiredQuery(request, 'path', 'content/projects/anci-lombardia/atlante.md'), context.base),
    }),
  },
};
