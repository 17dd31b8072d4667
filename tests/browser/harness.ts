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
  /** Script source run in the page before its own scripts (e.g. axe-core, injected once per page). */
  initScript?: string;
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
  /**
   * Like `visit`, for tests that run concurrently: the page's problems are its own (not the
   * current test's), and the caller closes the page's context.
   */
  open: (path: string, options?: VisitOptions) => Promise<OpenPage>;
}

/** A page opened by `open`: its own list of problems, and `close()` when done. */
export interface OpenPage {
  page: Page;
  problems: string[];
  close: () => Promise<void>;
}

/** Marks CSP violations in the console even where Chromium would only report them to the page. */
const REPORT_CSP = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('[CSP] ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile + ':' + e.lineNumber);
});`;

/**
 * Starts the browser and the server for this test file (beforeAll), checks and closes every
 * page after each test, and shuts everything down at the end (afterAll). `root` serves another
 * built site (read in beforeAll, so a site built by an earlier beforeAll works), under the
 * sub-path `base` it was built for (default `/`).
 */
export function useSite(options: { root?: () => string; base?: string } = {}): SiteHarness {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let problems: string[] = [];
  const contexts: { close: () => Promise<void> }[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([
      launchBrowser(),
      serveStatic(options.root?.() ?? inject('siteDir'), { base: options.base ?? '/' }),
    ]);
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
      const opened = await openPage(path, options, (problem) => problems.push(problem));
      contexts.push(opened);
      expect(opened.status, `stato HTTP di ${path}`).toBe(options.status ?? 200);
      return opened.page;
    },
    async open(path, options = {}) {
      const problems: string[] = [];
      const opened = await openPage(path, options, (problem) => problems.push(problem));
      const expected = options.status ?? 200;
      if (opened.status !== expected) problems.push(`stato HTTP di ${path}: ${opened.status} invece di ${expected}`);
      return { page: opened.page, problems, close: opened.close };
    },
  };

  /** Opens a page in a fresh context, reporting what the page complains about. */
  async function openPage(path: string, options: VisitOptions, report: (problem: string) => void) {
    const base = harness.url;
    const context = await harness.browser.newContext({
      viewport: { width: options.width ?? 1280, height: 800 },
      locale: 'it-IT',
      ...options.context,
    });
    await context.addInitScript(REPORT_CSP);
    if (options.initScript) await context.addInitScript({ content: options.initScript });
    const page = await context.newPage();
    const documentUrl = new URL(path, base).href;
    const expectedStatus = options.status ?? 200;
    const sameOrigin = (url: string) => url.startsWith(`${base}/`);
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      // The browser logs the page's own expected 404 as a failed resource: not a problem.
      if (expectedStatus !== 200 && where === documentUrl && message.text().includes(`status of ${expectedStatus}`)) return;
      report(`console: ${message.text()}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (error) => report(`eccezione: ${error.message}`));
    page.on('requestfailed', (request) => {
      if (sameOrigin(request.url())) report(`richiesta fallita: ${request.url()} (${request.failure()?.errorText ?? '?'})`);
    });
    page.on('response', (response) => {
      const url = response.url();
      if (!sameOrigin(url) || response.status() < 400) return;
      if (url === documentUrl && response.status() === expectedStatus) return;
      report(`HTTP ${response.status()}: ${url}`);
    });
    try {
      const response = await page.goto(documentUrl, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return { page, status: response?.status(), close: () => context.close() };
    } catch (error) {
      await context.close();
      throw error;
    }
  }
  return harness;
}
