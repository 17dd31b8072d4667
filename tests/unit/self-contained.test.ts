/**
 * The repository is self-contained: no program or test reads a folder beside the clone (the
 * source documents once lived in a `seeds` folder of the sibling `shared`; a clone with nothing beside it could not run
 * the tests). Looks for a path that climbs out of the repository to a sibling folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
/** The sibling `shared` folder as a relative path string, or the same as path segments: `'..', 'shared'`. */
const SIBLING_FOLDER = new RegExp(String.raw`\.\./shared\b|'\.\.',\s*'shared'`);

function codeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return entry.isFile() && /\.(ts|mjs|js|astro)$/.test(entry.name) && !file.includes(`${path.sep}node_modules${path.sep}`) ? [file] : [];
  });
}

test('nothing in src/, tests/ or scripts/ reads a folder beside the clone', () => {
  const offenders = ['src', 'tests', 'scripts']
    .flatMap((dir) => codeFiles(path.join(root, dir)))
    .filter((file) => file !== import.meta.filename && SIBLING_FOLDER.test(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(root, file));
  expect(offenders).toEqual([]);
});
