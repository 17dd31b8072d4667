import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// `npm run test:full`: the exhaustive sweeps over the built example site (tests/full/), with the
// same built site, pinned clock and time zone as `npm test`. The lists are replaced, not merged
// (vitest's mergeConfig would append them and bring back `npm test`'s files).
export default defineConfig({
  test: {
    ...base.test,
    include: ['tests/full/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
  },
});
