/**
 * The cache of clean files (src/lib/validate/file-cache.ts): a file is answered from it only
 * when its bytes, its place, what its name implies and the validating code are all unchanged, and
 * a validation through it gives exactly what a validation without it gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ValidationCache, validatingCodeVersion } from '../../src/lib/validate/file-cache.ts';
import { validateSource } from '../../src/lib/validate/index.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-cache-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('keys', () => {
  const cache = new ValidationCache('v1');
  const base = cache.keyOf('content/projects/a/x.md', '["projects","x.md","a",null]', bytes('---\ntitle: A\n---\n'));
  test.each([
    [
      'other bytes',
      new ValidationCache('v1').keyOf('content/projects/a/x.md', '["projects","x.md","a",null]', bytes('---\ntitle: B\n---\n')),
    ],
    [
      'other place',
      new ValidationCache('v1').keyOf('content/projects/b/x.md', '["projects","x.md","a",null]', bytes('---\ntitle: A\n---\n')),
    ],
    [
      'other facts',
      new ValidationCache('v1').keyOf('content/projects/a/x.md', '["projects","x.md","b",null]', bytes('---\ntitle: A\n---\n')),
    ],
    [
      'other code',
      new ValidationCache('v2').keyOf('content/projects/a/x.md', '["projects","x.md","a",null]', bytes('---\ntitle: A\n---\n')),
    ],
  ])('%s give another key', (_what, key) => {
    expect(key).not.toBe(base);
  });
  test('the same file gives the same key', () => {
    expect(new ValidationCache('v1').keyOf('content/projects/a/x.md', '["projects","x.md","a",null]', bytes('---\ntitle: A\n---\n'))).toBe(
      base,
    );
  });
});

describe('entries', () => {
  test('each hit is its own copy: changing it does not change the cache', () => {
    const cache = new ValidationCache('v1');
    cache.set('k', { data: { rows: [1, 2] }, body: 'Testo' });
    const first = cache.get('k') as { data: { rows: number[] } };
    first.data.rows.push(3);
    expect(cache.get('k')).toEqual({ data: { rows: [1, 2] }, body: 'Testo' });
  });
  test('a save keeps only what was asked for since the last one', () => {
    const file = path.join(temp, 'prune.bin');
    const cache = new ValidationCache('v1');
    cache.set('a', { data: 1 });
    cache.set('b', { data: 2 });
    cache.save(file);
    const again = ValidationCache.load(file, 'v1');
    expect(again.get('a')).toEqual({ data: 1 });
    again.save(file);
    expect(ValidationCache.load(file, 'v1').size).toBe(1);
  });
  test.each([
    ['written by other code', (file: string) => new ValidationCache('v0').save(file)],
    ['unreadable', (file: string) => fs.writeFileSync(file, 'non è un archivio')],
    ['missing', (file: string) => fs.rmSync(file, { force: true })],
  ])('a cache %s starts empty', (_what, prepare) => {
    const file = path.join(temp, 'other.bin');
    const old = new ValidationCache('v1');
    old.set('a', { data: 1 });
    old.save(file);
    prepare(file);
    expect(ValidationCache.load(file, 'v1').size).toBe(0);
  });
});

describe('validation through the cache', () => {
  const source = path.join(temp, 'source');
  fs.cpSync(path.resolve(import.meta.dirname, '../fixtures/source-minimal'), source, { recursive: true });
  const strip = (result: ReturnType<typeof validateSource>) => ({
    problems: result.problems,
    entries: result.loaded.entries.map(({ id, collection, data, body, file }) => ({ id, collection, data, body, file })),
  });

  test('the validating code has a version', () => {
    expect(validatingCodeVersion(path.resolve(import.meta.dirname, '../..'))).toMatch(/^[\w-]{20,}$/);
    expect(validatingCodeVersion(temp)).toBeUndefined();
  });

  test('cold, warm and after an edit it gives what a validation without cache gives', () => {
    const cache = new ValidationCache('test');
    const plain = strip(validateSource(source, { today: '2026-01-01' }));
    expect(strip(validateSource(source, { today: '2026-01-01', cache }))).toEqual(plain);
    expect(cache.size).toBeGreaterThan(3);
    expect(strip(validateSource(source, { today: '2026-01-01', cache }))).toEqual(plain);

    const card = fs
      .readdirSync(path.join(source, 'content/projects'), { recursive: true })
      .map(String)
      .find((f) => f.endsWith('.md'));
    const file = path.join(source, 'content/projects', card ?? '');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Titolo cambiato'));
    const edited = strip(validateSource(source, { today: '2026-01-01', cache }));
    expect(edited).toEqual(strip(validateSource(source, { today: '2026-01-01' })));
    expect(JSON.stringify(edited)).toContain('Titolo cambiato');
  });

  test('a problem found across files still points into a file answered from the cache', () => {
    const cache = new ValidationCache('test');
    validateSource(source, { today: '2026-01-01', cache });
    const funding = path.join(source, 'data/funding.yaml');
    const saved = fs.readFileSync(funding, 'utf8');
    // Without its funding programmes, a card that names one is wrong, though its own file is unchanged.
    fs.writeFileSync(funding, '[]\n');
    const withCache = validateSource(source, { today: '2026-01-01', cache }).problems;
    const without = validateSource(source, { today: '2026-01-01' }).problems;
    fs.writeFileSync(funding, saved);
    expect(withCache.some((problem) => problem.file.endsWith('sportello.md') && problem.line > 1)).toBe(true);
    expect(withCache).toEqual(without);
  });
});
