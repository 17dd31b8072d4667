// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import process from 'node:process';

// The build script writes into a temporary folder (ANNUARIO_OUT_DIR) and swaps it into dist/
// only when everything succeeded, so a failed build never leaves a half-written site.
export default defineConfig({
  site: process.env.ANNUARIO_SITE_URL ?? 'https://annuario.example.org',
  outDir: process.env.ANNUARIO_OUT_DIR ?? './dist',
  integrations: [mdx()],
  build: { format: 'directory' },
});
