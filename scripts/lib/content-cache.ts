/**
 * The caches `npm run build` keeps between builds of a source: where the rendered Markdown is
 * kept, and the folder of Astro's and Vite's caches.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MARKDOWN_CACHE_ENV = 'ANNUARIO_MARKDOWN_CACHE';

/**
 * The file where src/lib/markdown.ts keeps its parsed Markdown between builds, in `cacheDir`. Its
 * name carries a fingerprint of the renderer (markdown.ts, its pipeline in markdown-processor.ts and the locked dependencies), so
 * a change to either starts a fresh cache; older caches are removed.
 */
export function markdownCacheFile(projectRoot: string, cacheDir: string): string {
  const hash = createHash('sha256');
  for (const file of ['src/lib/markdown.ts', 'src/lib/markdown-processor.ts', 'package-lock.json'])
    hash.update(fs.readFileSync(path.join(projectRoot, file)));
  const name = `markdown-${hash.digest('hex').slice(0, 16)}.json`;
  fs.mkdirSync(cacheDir, { recursive: true });
  for (const old of fs.readdirSync(cacheDir)) {
    if (old !== name && /^markdown-[0-9a-f]+\.json$/.test(old)) fs.rmSync(path.join(cacheDir, old), { force: true });
  }
  return path.join(cacheDir, name);
}

/**
 * The folder of the caches kept between builds of the source in `root` (Astro's, Vite's, the
 * parsed Markdown), under `workDir/cache/`. Each folder notes its source: the folders of sources
 * that no longer exist (the temporary ones of the tests) are removed.
 */
export function sourceCacheDir(workDir: string, root: string): string {
  const cacheRoot = path.join(workDir, 'cache');
  fs.mkdirSync(cacheRoot, { recursive: true });
  for (const name of fs.readdirSync(cacheRoot)) {
    const noted = path.join(cacheRoot, name, 'sorgente.txt');
    const source = fs.existsSync(noted) ? fs.readFileSync(noted, 'utf8') : '';
    if (source && !fs.existsSync(source)) fs.rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
  }
  const dir = path.join(cacheRoot, createHash('sha256').update(root).digest('hex').slice(0, 16));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'sorgente.txt'), root);
  return dir;
}
