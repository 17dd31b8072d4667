/**
 * Vitest global setup: builds the example site once (validation + Astro, no PDFs) into
 * `.annuario/test-site/` and hands its path to the tests as `inject('siteDir')`.
 * `ANNUARIO_TEST_REUSE_SITE=1` reuses an existing build (quick loops while editing tests).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default function setup(project: TestProject): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const siteDir = path.join(root, '.annuario', 'test-site');
  const reuse = process.env['ANNUARIO_TEST_REUSE_SITE'] === '1' && fs.existsSync(path.join(siteDir, 'index.html'));
  if (!reuse) {
    const result = spawnSync(process.execPath, ['scripts/build.ts', '--site-only', '--out', siteDir], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ANNUARIO_SOURCE: '', ANNUARIO_SITE_URL: 'https://annuario.test' },
    });
    if (result.status !== 0) throw new Error(`La costruzione del sito di prova è fallita:\n${result.stdout}\n${result.stderr}`);
  }
  project.provide('siteDir', siteDir);
}
