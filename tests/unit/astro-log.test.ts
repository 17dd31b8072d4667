import { describe, expect, test } from 'vitest';
import { astroLogFailures } from '../../scripts/lib/astro-log.ts';

describe('Astro log lines that must fail a build', () => {
  test.each([
    ['15:47:36 [WARN] [content] Invalid content reference: entry "a" references "b", but that entry does not exist.', true],
    ['\u001b[33m[WARN]\u001b[39m [glob-loader] Duplicate id "x" found in content/projects/a/x.md', true],
    ['15:47:36 [ERROR] [file-loader] Error reading data from funding.yaml', true],
    ['15:47:36 [WARN] [glob-loader] The base directory "/x/content/pages" does not exist.', false],
    ['15:47:36 [build] ✓ Completed in 1.31s.', false],
    ['15:47:36 [content] Synced content', false],
    ['', false],
  ])('%s → %s', (line, fails) => {
    expect(astroLogFailures(line).length > 0).toBe(fails);
  });
});
