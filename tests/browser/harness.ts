/**
 * Real-browser tests over the built test site (see tests/setup/built-site.ts): one headless
 * Chromium and one static server per test file; `visit(path)` opens a page and the test fails
 * on anything the page itself complains about: console errors, uncaught exceptions, CSP
 * violations, same-origin requests that fail or answer 4xx/5xx.
 *
 *   const site = useSite();
 *   test('…', async () => {
 *     const page = await site.visit('/anci-lombardia/');
 *     await expect(page.locator('h1')).toHaveCount(1) // …
 *   });
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

/** Options of one visit. */
export interface VisitOptions {
  /** Viewport width in CSS pixels (default 1280; height 800). */
  width?: number;
  /** The HTTP status the page itself is expected to answer with (default 200; 404 for missing pages). */
  status?: number;
  /** Extra context options, e.g. `{ javaScriptEnabled: false }`. */
  context?: BrowserContextOptions;
}

/** The browser side of a test file. */
export interface SiteHarness {
  /** Base URL of the served site, without trailing slash. */
  readonly url: string;
  readonly browser: Browser;
  /** Opens `path` (after `load`, fonts ready) in a fresh context; problems fail the current test. */
  visit: (path: string, options?: VisitOptions) => Promise<Page>;
  /** Returns and forgets the problems recorded so far in this test (for tests that expect some). */
  takeProblems: () => string[];
}

/** Marks CSP violations in the console even where Chromium would only report them to the page. */
const REPORT_CSP = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('[CSP] ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile + ':' + e.lineNumber);
});`;

/**
 * Starts the browser and the server for this test file (beforeAll), checks and closes every
 * page after each test, and shuts everything down at the end (afterAll). `root` serves another
 * built site (read in beforeAll, so a site built by an earlier beforeAll works).
 */
export function useSite(options: { root?: () => string } = {}): SiteHarness {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let problems: string[] = [];
  const contexts: { close: () => Promise<void> }[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(options.root?.() ?? inject('siteDir'))]);
  });

  afterEach(async () => {
    const found = problems;
    problems = [];
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(found, 'problemi segnalati dalla pagina nel browser').toEqual([]);
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });

  const harness: SiteHarness = {
    get url() {
      if (!server) throw new Error('useSite(): il server parte in beforeAll');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('useSite(): il browser parte in beforeAll');
      return browser;
    },
    takeProblems: () => problems.splice(0),
    async visit(path, options = {}) {
      const base = harness.url;
      const context = await harness.browser.newContext({
        viewport: { width: options.width ?? 1280, height: 800 },
        locale: 'it-IT',
        ...options.context,
      });
      contexts.push(context);
      await context.addInitScript(REPORT_CSP);
      const page = await context.newPage();
      const documentUrl = new URL(path, base).href;
      const expectedStatus = options.status ?? 200;
      const sameOrigin = (url: string) => url.startsWith(`${base}/`);
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location().url;
        // The browser logs the page's own expected 404 as a failed resource: not a problem.
        if (expectedStatus !== 200 && where === documentUrl && message.text().includes(`status of ${expectedStatus}`)) return;
        problems.push(`console: ${message.text()}${where ? ` (${where})` : ''}`);
      });
      page.on('pageerror', (error) => problems.push(`eccezione: ${error.message}`));
      page.on('requestfailed', (request) => {
        if (sameOrigin(request.url())) problems.push(`richiesta fallita: ${request.url()} (${request.failure()?.errorText ?? '?'})`);
      });
      page.on('response', (response) => {
        const url = response.url();
        if (!sameOrigin(url) || response.status() < 400) return;
        if (url === documentUrl && response.status() === expectedStatus) return;
        problems.push(`HTTP ${response.status()}: ${url}`);
      });
      const response = await page.goto(documentUrl, { waitUntil: 'load' });
      expect(response?.status(), `stato HTTP di ${path}`).toBe(expectedStatus);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return page;
    },
  };
  return harness;
}
