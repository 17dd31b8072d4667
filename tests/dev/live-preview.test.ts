/**
 * Live preview, as an editor uses it: `npm run dev` on a copy of the example source, files saved
 * while it runs, and the served pages (and an open browser page) following without a restart.
 * A broken card shows the Italian error page naming the file and line; fixing it brings the page back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { fetchUntil, startDevServer, type DevServerProcess } from '../../scripts/lib/dev-server.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const CARD = 'content/projects/anci-lombardia/atlante.md';
const CARD_PAGE = 'anci-lombardia/attivita/atlante/';
const STATS = 'data/stats/anci-toscana/organi.yaml';
const STATS_PAGE = 'anci-toscana/statistiche/organi/';
const ORGANIZATION = 'data/organizations/ifel.yaml';
const ORGANIZATION_PAGE = 'ifel/';

let source: string;
let server: DevServerProcess;
let browser: Browser | undefined;

/** Rewrites a file of the source copy as an editor's save would. */
function edit(rel: string, change: (text: string) => string): void {
  const file = path.join(source, rel);
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  expect(after, `la modifica di ${rel} non cambia nulla`).not.toBe(before);
  fs.writeFileSync(file, after);
}

beforeAll(async () => {
  source = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-dev-'));
  for (const dir of ['content', 'data']) fs.cpSync(path.join(repoRoot, dir), path.join(source, dir), { recursive: true });
  server = await startDevServer(source);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (source) fs.rmSync(source, { recursive: true, force: true });
});

describe('npm run dev follows the content without a restart', () => {
  test('a card title edited while the page is open: the open page updates by itself', async () => {
    const first = await fetchUntil(`${server.url}${CARD_PAGE}`, (status) => status === 200, 60_000);
    expect(first.status, server.output()).toBe(200);
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${server.url}${CARD_PAGE}`);
    await expect(page.locator('h1').first().textContent()).resolves.not.toContain('Titolo cambiato in diretta');
    edit(CARD, (text) => text.replace(/^title: .*$/m, 'title: Titolo cambiato in diretta'));
    // No reload from here: Astro's client reloads the page once the content store has changed.
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Titolo cambiato in diretta'), null, {
      timeout: 15_000,
    });
    expect(await page.title()).toContain('Titolo cambiato in diretta');
  });

  test('a statistics value', async () => {
    edit(STATS, (text) => text.replace('declared: 270', 'declared: 268'));
    const { accepted, text } = await fetchUntil(`${server.url}${STATS_PAGE}`, (status, html) => status === 200 && html.includes('268'));
    expect(accepted, text.slice(0, 500)).toBe(true);
    expect(text).not.toMatch(/>270</);
  });

  test('an organization', async () => {
    edit(ORGANIZATION, (text) => text.replace('short: IFEL', 'short: IFEL Fondazione'));
    const { accepted } = await fetchUntil(
      `${server.url}${ORGANIZATION_PAGE}`,
      (status, html) => status === 200 && html.includes('IFEL Fondazione'),
    );
    expect(accepted).toBe(true);
  });

  test('a broken card shows the Italian error page with file and line; fixing it brings the page back', async () => {
    const original = fs.readFileSync(path.join(source, CARD), 'utf8');
    const statusLine = original.split('\n').findIndex((line) => line.startsWith('status:')) + 1;
    edit(CARD, (text) => text.replace(/^status: .*$/m, 'status: chiusissimo'));
    const broken = await fetchUntil(`${server.url}${CARD_PAGE}`, (status) => status === 500);
    expect(broken.accepted, broken.text.slice(0, 500)).toBe(true);
    expect(broken.text).toContain('I contenuti hanno errori');
    expect(broken.text).toContain(CARD);
    expect(broken.text).toContain(`riga ${statusLine}, colonna 9`);
    expect(broken.text).toContain('chiusissimo');
    expect(broken.text).toContain('Correzione');
    expect(broken.text).not.toMatch(/Error:|at .*\.ts:\d+/);
    // Every page shows it, not only the broken card's.
    expect((await fetch(`${server.url}${ORGANIZATION_PAGE}`)).status).toBe(500);
    // The terminal says the same.
    expect(server.output()).toContain(`${CARD}:${statusLine}:9`);

    fs.writeFileSync(path.join(source, CARD), original);
    const fixed = await fetchUntil(`${server.url}${CARD_PAGE}`, (status) => status === 200);
    expect(fixed.accepted).toBe(true);
    expect(fixed.text).toContain('Titolo cambiato in diretta');
  });

  test('a YAML syntax error in data/ is reported the same way, and fixed the same way', async () => {
    const file = path.join(source, ORGANIZATION);
    const original = fs.readFileSync(file, 'utf8');
    edit(ORGANIZATION, (text) => text.replace('short: IFEL Fondazione', 'short: [IFEL'));
    const broken = await fetchUntil(`${server.url}${CARD_PAGE}`, (status) => status === 500);
    expect(broken.accepted).toBe(true);
    expect(broken.text).toContain(ORGANIZATION);
    fs.writeFileSync(file, original);
    expect((await fetchUntil(`${server.url}${ORGANIZATION_PAGE}`, (status) => status === 200)).accepted).toBe(true);
  });
});

describe('npm run dev starts even when the content has errors', () => {
  test('a YAML syntax error in data/ at start: the Italian error page, then the site once fixed', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-dev-rotto-'));
    fs.cpSync(path.join(repoRoot, 'tests', 'fixtures', 'source-minimal'), broken, { recursive: true });
    const org = path.join(broken, 'data', 'organizations', 'anci-prova.yaml');
    const original = fs.readFileSync(org, 'utf8');
    fs.writeFileSync(org, original.replace(/^(\s*)short: .*$/m, '$1short: [Prova'));
    const brokenServer = await startDevServer(broken);
    try {
      const page = await fetchUntil(brokenServer.url, (status) => status === 500, 60_000);
      expect(page.accepted, brokenServer.output()).toBe(true);
      expect(page.text).toContain('data/organizations/anci-prova.yaml');
      expect(brokenServer.output()).not.toContain('DataCollectionEntryParseError');
      fs.writeFileSync(org, original);
      // The first real page of a server started on broken content makes Vite optimize the pages'
      // dependencies for the first time (it answers with an error page meanwhile): on a busy
      // machine that alone has taken over 15 s.
      const fixed = await fetchUntil(
        brokenServer.url,
        (status, html) => status === 200 && html.includes('Associazione dei Comuni di Prova'),
        60_000,
      );
      expect(fixed.accepted, fixed.text.slice(0, 300)).toBe(true);
    } finally {
      await brokenServer.stop();
      fs.rmSync(broken, { recursive: true, force: true });
    }
  }, 180_000);
});
