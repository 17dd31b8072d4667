// @ts-check
// The framework's floor for the benchmark: a bare Astro build of the same cards (one page per
// card plus a list), nothing of annuario's. Reads the synthetic source in BENCH_SOURCE.
import { defineConfig } from 'astro/config';
import process from 'node:process';

export default defineConfig({
  outDir: process.env.BENCH_OUT ?? './dist',
  build: { format: 'directory' },
  markdown: { syntaxHighlight: false },
});
