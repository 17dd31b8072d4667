/** The invalid-input corpus: each case is an overlay on the valid base source `source-minimal`. */
import fs from 'node:fs';
import path from 'node:path';

export const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures');
export const baseSource = path.join(fixtures, 'source-minimal');
export const casesDir = path.join(fixtures, 'invalid');

export interface CaseSpec {
  description: string;
  /** Files of the base source to delete, relative to its root. */
  remove?: string[];
  /** Files too large to commit, written into the copy at run time: a front matter padded to `bytes`. */
  generate?: { path: string; bytes: number }[];
  /** Symbolic links made at run time (git on every system does not keep them): `target` as written in the link. */
  symlinks?: { path: string; target: string }[];
  /** What the validator must find: errors (the default), only warnings, or nothing at all. */
  expect?: 'error' | 'warning' | 'none';
}

export function readSpec(name: string): CaseSpec {
  return JSON.parse(fs.readFileSync(path.join(casesDir, name, 'case.json'), 'utf8')) as CaseSpec;
}

/** Copies the base source into `target`, then applies the case: overlay files, removals, generated files. */
export function prepareCase(name: string, spec: CaseSpec, target: string): void {
  fs.cpSync(baseSource, target, { recursive: true });
  fs.cpSync(path.join(casesDir, name), target, { recursive: true, filter: (from) => path.basename(from) !== 'case.json' });
  for (const rel of spec.remove ?? []) fs.rmSync(path.join(target, rel));
  for (const link of spec.symlinks ?? []) fs.symlinkSync(link.target, path.join(target, link.path));
  for (const file of spec.generate ?? []) {
    const abs = path.join(target, file.path);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    const head = Buffer.from('---\ntitle: File enorme\n---\n');
    fs.writeFileSync(abs, Buffer.concat([head, Buffer.alloc(file.bytes - head.length, 'Testo di riempimento. ')]));
  }
}
