import { defineConfig } from 'vitest/config';

// The clock and the time zone are pinned: formatting and status-versus-date checks must give
// the same answer on every machine and every day.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The exhaustive sweeps (axe on every built page, every link) are `npm run test:full`
    // (vitest.full.config.ts): `npm test` stays quick enough to run before every commit.
    exclude: ['tests/full/**', '**/node_modules/**'],
    // Builds the example site once for the HTML-level and browser tests (tests/site, tests/browser).
    globalSetup: ['tests/setup/built-site.ts'],
    env: { TZ: 'UTC', ANNUARIO_TODAY: '2026-11-22', ASTRO_TELEMETRY_DISABLED: '1' },
    testTimeout: 180_000,
    hookTimeout: 180_000,
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts', 'src/schemas/**/*.ts'],
      thresholds: { lines: 80 },
    },
  },
});
