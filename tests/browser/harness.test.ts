/** The harness itself: each kind of page problem is caught, and a missing page gets the 404 page. */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useSite } from './harness.ts';

const site = useSite();

test.each<[string, (page: Page) => Promise<unknown>, RegExp]>([
  [
    'an inline script blocked by the CSP',
    (page) =>
      page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.body.append(script);
      }),
    /\[CSP\] script-src/,
  ],
  ['a console error', (page) => page.evaluate(() => console.error('errore di prova')), /console: errore di prova/],
  [
    'an uncaught exception',
    (page) =>
      page.evaluate(() =>
        setTimeout(() => {
          throw new Error('eccezione di prova');
        }),
      ),
    /eccezione: eccezione di prova/,
  ],
  [
    'a missing same-origin file',
    (page) => page.evaluate(() => fetch('/non-esiste.js').then(() => undefined)),
    /HTTP 404: .*\/non-esiste\.js/,
  ],
])('catches %s', async (_name, cause, expected) => {
  const page = await site.visit('/');
  await cause(page);
  let seen = '';
  await expect.poll(() => (seen += `${site.takeProblems().join('\n')}\n`), { timeout: 5000 }).toMatch(expected);
});

test('a missing page answers 404 with the 404 page', async () => {
  const page = await site.visit('/pagina-che-non-esiste/', { status: 404 });
  expect(await page.locator('h1').textContent()).toBe('Pagina non trovata');
});
