import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { markdownCacheFile, sourceCacheDir } from '../../scripts/lib/content-cache.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-cache-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('caches kept between builds', () => {
  test('one folder per source; those of sources that are gone are removed', () => {
    const kept = fs.mkdtempSync(path.join(work, 'fonte-'));
    const gone = fs.mkdtempSync(path.join(work, 'fonte-'));
    const keptDir = sourceCacheDir(work, kept);
    const goneDir = sourceCacheDir(work, gone);
    expect(keptDir).not.toBe(goneDir);
    expect(sourceCacheDir(work, kept)).toBe(keptDir);
    fs.rmSync(gone, { recursive: true });
    sourceCacheDir(work, kept);
    expect(fs.existsSync(keptDir)).toBe(true);
    expect(fs.existsSync(goneDir)).toBe(false);
  });

  test('the Markdown cache is named after the renderer; older ones are removed', () => {
    const dir = path.join(work, 'md');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'markdown-0000000000000000.json'), '{}');
    fs.writeFileSync(path.join(dir, 'altro.json'), '{}');
    const file = markdownCacheFile(path.resolve(import.meta.dirname, '../..'), dir);
    expect(path.basename(file)).toMatch(/^markdown-[0-9a-f]{16}\.json$/);
    expect(fs.readdirSync(dir).sort()).toEqual(['altro.json']);
  });
});
