/**
 * `npm run validate` as editors run it: the CLI as `npm run validate` runs it (Node stripping the types), on a copy of the fixture source
 * named by ANNUARIO_SOURCE. Exit codes, the human report, the JSON report, --strict, and never
 * a stack trace, whatever the content.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Problem } from '../../src/lib/validate/index.ts';
import { baseSource, prepareCase, readSpec } from './corpus.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

interface JsonReport {
  errors: number;
  warnings: number;
  problems: Problem[];
}

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-cli-'));
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/** A copy of the base source with the case applied (overlay, removals, generated files); `null` for the valid base. */
function sourceFor(name: string | null): string {
  const target = path.join(work, name ?? 'valida');
  if (fs.existsSync(target)) return target;
  if (name === null) fs.cpSync(baseSource, target, { recursive: true });
  else prepareCase(name, readSpec(name), target);
  return target;
}

function validate(source: string, args: string[] = []): CliRun {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'validate.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ANNUARIO_SOURCE: source, ANNUARIO_TODAY: '2026-11-22' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run validate', () => {
  test('a valid source: exit 0 and "Nessun problema trovato."', () => {
    const run = validate(sourceFor(null));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Nessun problema trovato.');
    expect(run.stderr).toBe('');
  });

  test('an invalid source: exit 1, with file:line:col, the field and the fix', () => {
    const run = validate(sourceFor('stato-sconosciuto'));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('content/projects/anci-prova/nuovo.md:6:9  errore  status');
    expect(run.stdout).toContain('atteso uno di: attivo, in-progettazione, concluso');
    expect(run.stdout).toContain('Trovato: attivissimo');
    // The line to copy says which line of the file it replaces.
    expect(run.stdout).toContain('Correzione (sostituisci la riga 6): status: attivo');
    expect(run.stdout).toContain('1 errore, 0 avvisi in 1 file.');
  });

  test('--json: errors, warnings and problems for other tools', () => {
    const run = validate(sourceFor('stato-sconosciuto'), ['--json']);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.errors).toBe(1);
    expect(report.warnings).toBe(0);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({
      severity: 'error',
      file: 'content/projects/anci-prova/nuovo.md',
      line: 6,
      column: 9,
      field: 'status',
      found: 'attivissimo',
      code: 'schema',
      // The same fix, machine-applicable: the whole new line 6.
      fix: 'status: attivo',
      edit: { line: 6, replace: 'status: attivo' },
    });
  });

  test('--json on a valid source: an empty report', () => {
    const run = validate(sourceFor(null), ['--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ errors: 0, warnings: 0, problems: [] });
  });

  test('warnings only: exit 0, and exit 1 with --strict', () => {
    const source = sourceFor('attivo-fine-passata');
    const relaxed = validate(source);
    expect(relaxed.code, relaxed.stderr).toBe(0);
    expect(relaxed.stdout).toContain('avviso  status');
    expect(relaxed.stdout).toContain('0 errori, 1 avviso in 1 file.');
    const strict = validate(source, ['--strict']);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stdout).toContain('0 errori, 1 avviso in 1 file.');
  });

  test('an unknown option: exit 2 and one Italian sentence', () => {
    const run = validate(sourceFor(null), ['--strikt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Opzione non valida');
    expect(`${run.stdout}${run.stderr}`).not.toContain('    at ');
  });

  test.each([
    'file-binario',
    'file-vuoto',
    'file-troppo-grande',
    'codifica-latin1',
    'yaml-virgolette-aperte',
    'intestazione-non-chiusa',
    'report-capitolo-sconosciuto',
    'stats-migliaia-lista',
  ])('never a stack trace: %s', (name) => {
    const source = sourceFor(name);
    for (const args of [[], ['--json']]) {
      const run = validate(source, args);
      const output = `${run.stdout}${run.stderr}`;
      expect(output).not.toContain('    at ');
      expect(output).not.toContain('Errore interno');
      expect(run.stderr).toBe('');
      expect(run.code, output).toBe(1);
    }
  });
});
