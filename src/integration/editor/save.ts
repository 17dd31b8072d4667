/**
 * Writing what the editor saves: the draft's files (only when the validator finds no error in
 * them), each written atomically, a diff of what changed, and on request a git commit of those
 * files only; images uploaded next to their entry.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { slugify } from '../../lib/validate/load.ts';
import type { Problem } from '../../lib/validate/index.ts';
import { EditorError } from './errors.ts';
import type { DraftFile } from './drafts.ts';
import { refuseLinks, type EntryPath } from './paths.ts';

const run = promisify(execFile);

/**
 * Writes `text` to `abs` through a temporary file in the same folder and a rename: a crash leaves
 * either the old file or the new one, never half of it. The temporary name is hidden (`.`), so the
 * validator and the file watcher's content checks pass over it.
 */
export function writeAtomic(abs: string, data: string | Buffer, options: { exclusive?: boolean } = {}): void {
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const temp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  fs.writeFileSync(temp, data, { flag: 'wx' });
  try {
    if (options.exclusive) {
      // A link fails when the target exists: a file created in the meantime is never replaced.
      fs.linkSync(temp, abs);
      fs.unlinkSync(temp);
    } else fs.renameSync(temp, abs);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new EditorError(409, `${path.basename(abs)} esiste già: non lo sovrascrivo`);
    throw error;
  }
}

/** A unified diff of the draft's files, paths relative to the source root. */
export function diffOf(files: readonly DraftFile[]): string {
  return files
    .filter((file) => file.before !== file.after)
    .map((file) =>
      createTwoFilesPatch(
        file.before === undefined ? '/dev/null' : `a/${file.path}`,
        `b/${file.path}`,
        file.before ?? '',
        file.after,
        '',
        '',
        {
          context: 3,
        },
      ),
    )
    .join('');
}

/** Whether the problems stop a save: any error does; warnings are shown and the file is written. */
export function blocking(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/**
 * Writes the draft's files. `create`: the entry must not exist (409); otherwise it must (404).
 * With errors nothing is written and the answer is 422 with the problems.
 */
export function writeDraft(entry: EntryPath, files: readonly DraftFile[], problems: Problem[], create: boolean): void {
  const exists = fs.existsSync(entry.abs);
  if (create && exists)
    throw new EditorError(409, `${entry.path} esiste già: scegli un altro identificativo, oppure apri quella voce e modificala`);
  if (!create && !exists) throw new EditorError(404, `${entry.path} non esiste: per una voce nuova usa «Nuova voce»`);
  if (blocking(problems))
    throw new EditorError(422, `${entry.path} non è stato salvato: correggi gli errori indicati e salva di nuovo`, {
      saved: false,
      problems,
    });
  for (const file of files) {
    if (file.before === file.after) continue;
    writeAtomic(file.abs, file.after, { exclusive: create && file.abs === entry.abs });
  }
}

function git(root: string, args: string[]): Promise<{ stdout: string }> {
  return run('git', ['-C', root, ...args], { encoding: 'utf8' });
}

/** Refuses, before anything is written, a commit that cannot happen: no message, or no git repository. */
export async function ensureCommittable(root: string, message: string): Promise<void> {
  if (message.trim() === '') throw new EditorError(400, 'il messaggio del commit è vuoto: scrivi in una riga che cosa hai cambiato');
  try {
    await git(root, ['rev-parse', '--show-toplevel']);
  } catch {
    throw new EditorError(
      400,
      'la cartella dei contenuti non è un repository git: non posso fare il commit, e non ho salvato nulla (salva senza commit, oppure crea il repository con «git init»)',
    );
  }
}

/** Commits the given files (paths relative to `root`) and nothing else, even when other changes are staged. */
export async function commitFiles(root: string, rels: readonly string[], message: string): Promise<string> {
  try {
    await git(root, ['add', '--', ...rels]);
    await git(root, ['commit', '--only', '-m', message, '--', ...rels]);
    return (await git(root, ['rev-parse', 'HEAD'])).stdout.trim();
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? '';
    throw new EditorError(409, `il file è salvato, ma il commit non è riuscito${detail ? ` (git: ${detail})` : ''}`);
  }
}

/** Image types an entry may show, by extension, with how their first bytes look. */
const IMAGE_TYPES: Record<string, (bytes: Buffer) => boolean> = {
  jpg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  webp: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  svg: (b) => /<svg[\s>]/i.test(b.subarray(0, 4096).toString('utf8')),
};

/** An uploaded image is at most this big: a cover or a logo, not a print original. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** `Copertina Finale.JPG` → `copertina-finale.jpg`; refused when the type is not an image the site shows. */
export function safeImageName(name: unknown): string {
  const raw = typeof name === 'string' ? path.basename(name.replace(/\\/g, '/')) : '';
  // Not path.extname: a bare `.jpg` has no stem, and is still a jpg.
  const ext = /\.([^.]+)$/.exec(raw)?.[1]?.toLowerCase() ?? '';
  if (!(ext in IMAGE_TYPES))
    throw new EditorError(
      415,
      `«${raw || '(senza nome)'}»: sono ammesse solo immagini jpg, png, webp o svg; esporta l'immagine in uno di questi formati`,
    );
  const stem = slugify(raw.slice(0, raw.length - ext.length - 1)) || 'immagine';
  return `${stem}.${ext}`;
}

/** An SVG that could run code where it is shown is refused. */
function unsafeSvg(bytes: Buffer): boolean {
  const text = bytes.toString('utf8');
  return /<script[\s>]|<foreignObject|\son[a-z]+\s*=|javascript:/i.test(text);
}

/**
 * Writes an uploaded image next to the entry (the folder of its organization) and answers the
 * `src` its `{ src, alt }` field takes. The same file again is fine; a different one is refused.
 */
export function saveImage(root: string, entry: EntryPath, name: unknown, dataBase64: unknown): string {
  if (entry.type.layout === 'list-file' || entry.type.layout === 'single-file')
    throw new EditorError(
      400,
      `${entry.path} è un elenco, non una voce con immagini: carica l'immagine da una scheda, un report o un'organizzazione`,
    );
  const file = safeImageName(name);
  if (typeof dataBase64 !== 'string' || dataBase64 === '') throw new EditorError(400, "manca il contenuto dell'immagine (dataBase64)");
  const bytes = Buffer.from(dataBase64.replace(/^data:[^,]*,/, ''), 'base64');
  if (bytes.length > MAX_IMAGE_BYTES)
    throw new EditorError(413, `l'immagine supera i 10 MB: riducila (1600 pixel di larghezza bastano) e caricala di nuovo`);
  const ext = path.extname(file).slice(1);
  if (!IMAGE_TYPES[ext]?.(bytes))
    throw new EditorError(415, `«${file}» non è un'immagine ${ext}: il contenuto non corrisponde all'estensione`);
  if (ext === 'svg' && unsafeSvg(bytes))
    throw new EditorError(415, `«${file}» contiene codice (script o gestori di eventi): esporta l'SVG senza script`);
  const abs = path.join(path.dirname(entry.abs), file);
  refuseLinks(root, path.relative(root, abs).split(path.sep).join('/'));
  if (fs.existsSync(abs)) {
    if (fs.readFileSync(abs).equals(bytes)) return `./${file}`;
    throw new EditorError(409, `esiste già un'immagine «${file}» diversa accanto alla voce: rinomina il file da caricare`);
  }
  writeAtomic(abs, bytes, { exclusive: true });
  return `./${file}`;
}
