/**
 * `npm run nuovo`: each type, created by the real CLI in a copy of the minimal source, passes
 * `npm run validate` unchanged, with no warning; an existing file is never overwritten; bad
 * arguments get an Italian sentence and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scaffold, ScaffoldError, SCAFFOLD_TYPES } from '../../scripts/lib/scaffold.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
let source: string;

function run(script: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ANNUARIO_SOURCE: source, ANNUARIO_TODAY: '2026-11-22' },
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  source = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-nuovo-'));
  fs.cpSync(path.join(repoRoot, 'tests', 'fixtures', 'source-minimal'), source, { recursive: true });
});

afterAll(() => {
  fs.rmSync(source, { recursive: true, force: true });
});

describe('npm run nuovo', () => {
  const created = [
    ['scheda', ['anci-prova', 'nuova-scheda'], 'content/projects/anci-prova/nuova-scheda.md'],
    ['piano', ['anci-prova', '2027'], 'content/plans/anci-prova/2027.md'],
    ['tabella', ['anci-prova', 'nuova-tabella'], 'data/stats/anci-prova/nuova-tabella.yaml'],
    ['pagina', ['anci-prova', 'nuova-pagina'], 'content/pages/anci-prova/nuova-pagina.md'],
    ['report', ['anci-prova', 'nuovo-report'], 'content/reports/anci-prova/nuovo-report.yaml'],
    ['organizzazione', ['nuova-org'], 'data/organizations/nuova-org.yaml'],
  ] as const;

  test('covers every type', () => {
    expect(created.map(([type]) => type)).toEqual([...SCAFFOLD_TYPES]);
  });

  test.each(created)('%s: writes %s and says where and what next', (type, args, file) => {
    const { code, out } = run('scripts/nuovo.ts', [type, ...args]);
    expect(code).toBe(0);
    expect(out).toContain(`Creato ${path.relative(repoRoot, path.join(source, file))}.`);
    expect(out).toContain('npm run validate');
    expect(fs.existsSync(path.join(source, file))).toBe(true);
  });

  test('every created file passes npm run validate unchanged, with no warning', () => {
    const { code, out } = run('scripts/validate.ts', ['--strict']);
    expect(out.trim()).toBe('Nessun problema trovato.');
    expect(code).toBe(0);
  });

  test('refuses to overwrite an existing file', () => {
    const file = path.join(source, 'content/projects/anci-prova/sportello.md');
    const before = fs.readFileSync(file, 'utf8');
    const { code, out } = run('scripts/nuovo.ts', ['scheda', 'anci-prova', 'sportello']);
    expect(code).toBe(1);
    expect(out).toContain('content/projects/anci-prova/sportello.md esiste già e non lo sovrascrivo');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  test('--help is in Italian and lists every type', () => {
    const { code, out } = run('scripts/nuovo.ts', ['--help']);
    expect(code).toBe(0);
    for (const type of SCAFFOLD_TYPES) expect(out).toContain(`  ${type} <org>`);
  });
});

describe('arguments the scaffold refuses', () => {
  test.each([
    [['schede', 'anci-prova', 'x'], 'tipo «schede» sconosciuto'],
    [['scheda', 'ANCI Prova', 'x'], "manca l'identificativo dell'organizzazione o non è valido («ANCI Prova»)"],
    [['scheda', 'anci-prova'], "«scheda» vuole l'organizzazione e l'identificativo"],
    [['scheda', 'anci-prova', 'Nuova Scheda'], "l'identificativo «Nuova Scheda» non è valido"],
    [['piano', 'anci-prova', '27'], "l'anno del piano va scritto con quattro cifre («27»)"],
    [['organizzazione', 'nuova-org', 'altro'], "«organizzazione» vuole solo l'identificativo dell'organizzazione"],
  ])('%j', (args, message) => {
    expect(() => scaffold(args, '2026-11-22')).toThrow(ScaffoldError);
    expect(() => scaffold(args, '2026-11-22')).toThrow(message);
  });
});
