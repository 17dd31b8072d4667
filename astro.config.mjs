// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import process from 'node:process';
import { MISSING_ADDRESS_NOTE, siteAddress } from './src/lib/site/address.ts';
import { sourceRoot } from './src/lib/source.ts';
import annuario from './src/integration/index.ts';

// The public address and sub-path: data/site.yaml, or ANNUARIO_SITE_URL / ANNUARIO_BASE (see
// docs/pubblicazione.md). Without an address, what needs one (canonical links, sitemap, feeds)
// is left out rather than pointing at a placeholder domain.
const address = siteAddress(sourceRoot());

/** Says once per build that the address is missing, in the build's own log. */
const addressNote = {
  name: 'annuario-address-note',
  hooks: {
    /** @param {{ logger: import('astro').AstroIntegrationLogger }} options */
    'astro:build:start': ({ logger }) => {
      if (!address.url) logger.warn(MISSING_ADDRESS_NOTE);
    },
  },
};

// The build script writes into a temporary folder (ANNUARIO_OUT_DIR) and swaps it into dist/
// only when everything succeeded, so a failed build never leaves a half-written site.
export default defineConfig({
  ...(address.url ? { site: address.url } : {}),
  base: address.base,
  outDir: process.env.ANNUARIO_OUT_DIR ?? './dist',
  // Each `npm run build` gets its own cache (Astro keeps its content store there): two builds of
  // different sources at the same time (tests, benchmarks) must not see each other's entries.
  ...(process.env.ANNUARIO_CACHE_DIR ? { cacheDir: process.env.ANNUARIO_CACHE_DIR } : {}),
  integrations: [annuario(), mdx(), ...(address.url ? [sitemap({ filter: (page) => !page.includes('/stampa/') })] : []), addressNote],
  // Several pages in flight: while one page's file is created and written (the thread pool),
  // the next is rendered, instead of the renderer waiting for the disk after every page (about
  // a third of the page generation time at 5000 cards).
  build: { format: 'directory', concurrency: 4 },
  // Markdown is rendered by src/lib/markdown.ts (sanitized); Shiki's inline styles would break CSP.
  markdown: { syntaxHighlight: false },
  // Keep media queries in the classic form (max-width: …): the minifier's range syntax
  // (width<=…) is not understood by Paged.js 0.4, which reads the print pages' styles.
  // Vite's own cache (optimized dependencies) goes with Astro's: by default it lives in
  // node_modules/.vite, shared by every checkout and source, and each build found it "changed"
  // by the previous one and redid it (about 2 s).
  vite: {
    build: { cssTarget: ['chrome100', 'safari15', 'firefox100'] },
    // The sub-path for src/lib/site/urls.ts, written into the code (see the comment there).
    define: { __ANNUARIO_BASE__: JSON.stringify(address.base) },
    ...(process.env.ANNUARIO_CACHE_DIR ? { cacheDir: `${process.env.ANNUARIO_CACHE_DIR}/vite` } : {}),
  },
  // Content Security Policy as a <meta> on every page: Astro hashes its own scripts and styles;
  // Pagefind's search needs WebAssembly ('wasm-unsafe-eval'); nothing loads from other origins.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
