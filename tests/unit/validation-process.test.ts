import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeSyntheticSource } from '../../scripts/lib/synthetic-source.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-validation-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Runs `validateInChild` the way `npm run build` does (tsx's loader in the parent, inherited by the child). */
function validateLikeTheBuild(root: string, contentCache: string): { errors: number; report: string; reports: number | null } {
  const module = path.resolve(import.meta.dirname, '../../scripts/lib/validation-process.ts');
  const code = `import { validateInChild } from ${JSON.stringify(module)};
    const o = await validateInChild(${JSON.stringify(root)}, ${JSON.stringify(contentCache)});
    console.log(JSON.stringify({ errors: o.errors, report: o.report, reports: o.graph ? o.graph.reports.length : null }));`;
  // A script file, not `-e`: the child is started with this process's flags.
  const script = path.join(work, `valida-${path.basename(root)}.mts`);
  fs.writeFileSync(script, code);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { errors: number; report: string; reports: number | null };
}

describe('the validation in a process of its own', () => {
  test.each([
    ['a valid source: handed over to Astro, the reports back for the PDF step', false],
    ['a source with an error: nothing handed over, the problems back', true],
  ])('%s', (_name, broken) => {
    const root = path.join(work, broken ? 'rotta' : 'buona');
    writeSyntheticSource(root, { cards: 5, organizations: 1 });
    if (broken) {
      const card = fs.readdirSync(path.join(root, 'content/projects/associazione-1'))[0] ?? '';
      const file = path.join(root, 'content/projects/associazione-1', card);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^status: .*$/m, 'status: boh'));
    }
    const contentCache = path.join(work, `${broken ? 'rotta' : 'buona'}.content.json`);
    const outcome = validateLikeTheBuild(root, contentCache);
    expect(outcome.errors > 0).toBe(broken);
    expect(fs.existsSync(contentCache)).toBe(!broken);
    if (broken) {
      expect(outcome.report).toContain('Trovato: boh');
      expect(outcome.reports).toBeNull();
    } else {
      expect(outcome.reports).toBeGreaterThan(0);
    }
  });
});
