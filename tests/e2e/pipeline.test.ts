/**
 * End to end, as an editor runs it: validate, build and export on a small fixture source
 * through ANNUARIO_SOURCE, and a broken source that must fail without touching dist/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const fixture = path.join(repoRoot, 'tests', 'fixtures', 'source-minimal');

function run(script: string, args: string[], source: string): { code: number; out: string } {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ANNUARIO_SOURCE: source },
    encoding: 'utf8',
  });
  return { code: result.status ?? 1, out: `${result.stdout}${result.stderr}` };
}

let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-e2e-'));
});

describe('pipeline on a fixture source', () => {
  test('validate passes', () => {
    const { code, out } = run('validate.ts', [], fixture);
    expect(code).toBe(0);
    expect(out).toContain('Nessun problema trovato.');
  });

  test('build writes the site for the fixture organization', () => {
    const outDir = path.join(work, 'site');
    const { code, out } = run('build.ts', ['--out', outDir], fixture);
    expect(code, out).toBe(0);
    // One organization in the source: its home is the site's home, and /anci-prova/ points there.
    const home = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(home).toContain('Associazione dei Comuni di Prova');
    expect(home).toContain('lang="it"');
    expect(home).toContain('Sportello per i Comuni');
    const org = fs.readFileSync(path.join(outDir, 'anci-prova', 'index.html'), 'utf8');
    // A fresh clone has no address (data/site.yaml): the build says so in one line and leaves
    // out what needs one, instead of a placeholder domain.
    expect(out).toContain('Indirizzo del sito non impostato (campo url in data/site.yaml o ANNUARIO_SITE_URL)');
    expect(org).not.toContain('rel="canonical"');
    expect(fs.existsSync(path.join(outDir, 'sitemap-index.xml'))).toBe(false);
    expect(fs.readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    // The card's cover goes through astro:assets and sharp: AVIF and WebP in several widths.
    const card = fs.readFileSync(path.join(outDir, 'anci-prova', 'attivita', 'sportello', 'index.html'), 'utf8');
    expect(card).toMatch(/<source srcset="\/_astro\/sportello\.[^"]+\.avif 480w, [^"]+ 800w/);
    expect(card).toMatch(/type="image\/webp"/);
    expect(card).toContain('alt="Lo sportello di prova visto dall\'ingresso"');
    // Its brand colour (#00A651, too light for white text) is darkened to AA contrast.
    expect(home).toMatch(/--brand:#00(8|7|6)[0-9A-F]{3}/);
  });

  test('export writes resolved JSON with computed figures', () => {
    const outDir = path.join(work, 'export');
    const { code, out } = run('export.ts', ['--out', outDir], fixture);
    expect(code, out).toBe(0);
    expect(fs.readdirSync(outDir).sort()).toEqual([
      'documents.json',
      'funding.json',
      'organizations.json',
      'pages.json',
      'plans.json',
      'projects.json',
      'reports.json',
      'stats.json',
    ]);
    const projects = JSON.parse(fs.readFileSync(path.join(outDir, 'projects.json'), 'utf8')) as {
      id: string;
      budget: unknown;
      areas: unknown;
      relatedBy: unknown;
    }[];
    const sportello = projects.find((p) => p.id === 'anci-prova/sportello');
    expect(sportello?.budget).toEqual({ status: 'importo', cents: 171406700, euros: 1714067 });
    expect(sportello?.areas).toEqual([{ id: 'welfare', label: 'Welfare' }]);
    expect(sportello?.relatedBy).toEqual([{ id: 'anci-prova/concluso', label: 'Progetto concluso' }]);
    const stats = JSON.parse(fs.readFileSync(path.join(outDir, 'stats.json'), 'utf8')) as {
      headlines: { result: unknown }[];
      periods: { label: string; shortLabel: string }[];
    }[];
    expect(stats[0]?.headlines[0]?.result).toMatchObject({ computed: 254, declared: 254, differs: false, includesPartial: true });
    expect(stats[0]?.periods.map((p) => p.shortLabel)).toEqual(['2022', '2023', 'gen–giu 2024']);
  });
});

describe('a broken source never yields a successful build', () => {
  test('build stops on validation errors and leaves dist/ untouched', () => {
    const broken = path.join(work, 'broken');
    fs.cpSync(fixture, broken, { recursive: true });
    const card = path.join(broken, 'content', 'projects', 'anci-prova', 'sportello.md');
    fs.writeFileSync(card, fs.readFileSync(card, 'utf8').replace('budget: 1714067.00', 'budget: 1.714.067,00 €'));
    // A card saved by Notepad as .md.txt is not read: an error too, never a card that disappears.
    fs.writeFileSync(path.join(path.dirname(card), 'bozza.md.txt'), fs.readFileSync(card));
    const outDir = path.join(work, 'kept');
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, 'index.html'), 'previous build');
    const { code, out } = run('build.ts', ['--out', outDir], broken);
    expect(code).toBe(1);
    expect(out).toContain('content/projects/anci-prova/sportello.md:9:9');
    expect(out).toContain('Correzione (sostituisci la riga 9): budget: 1714067.00');
    expect(out).toContain('content/projects/anci-prova/bozza.md.txt:1:1');
    expect(out).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('previous build');
  });

  test('export refuses content with errors', () => {
    const broken = path.join(work, 'broken');
    const { code, out } = run('export.ts', ['--out', path.join(work, 'never')], broken);
    expect(code).toBe(1);
    expect(out).toContain('Esportazione interrotta');
    expect(fs.existsSync(path.join(work, 'never'))).toBe(false);
  });
});
