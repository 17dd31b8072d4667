import { defineConfig } from 'vitest/config';

// The clock and the time zone are pinned: formatting and status-versus-date checks must give
// the same answer on every machine and every day.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
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
