/** The benchmark's synthetic sources are deterministic and valid content in the real layout. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { seededRandom, syntheticSource, writeSyntheticSource } from '../../scripts/lib/synthetic-source.ts';
import { validateSource } from '../../src/lib/validate/index.ts';

describe('synthetic sources', () => {
  test('the generator is deterministic', () => {
    expect([...syntheticSource({ cards: 20, seed: 7 })]).toEqual([...syntheticSource({ cards: 20, seed: 7 })]);
    const random = seededRandom(1);
    const values = Array.from({ length: 1000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });

  test.each([
    [1, 1],
    [60, 3],
  ])('%i cards over %i organizations validate without errors or warnings', (cards, organizations) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-synthetic-'));
    writeSyntheticSource(dir, { cards, organizations });
    const result = validateSource(dir, { today: '2026-11-22' });
    expect(result.problems).toEqual([]);
    expect(result.loaded.entries.filter((e) => e.collection === 'projects')).toHaveLength(cards);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
