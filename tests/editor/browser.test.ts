/**
 * The browser editor (`/redazione/` in `npm run dev`) as the communication office uses it, on a
 * temporary git copy of the example content: a new card made through the forms (areas, one of
 * them added to the organization from the form, dates, budget, a partner, a related card, a cover
 * image with its alt text), a value edited in a statistics table, an objective added to a plan
 * continuing one of the previous plan, a wrong value answered in the validator's Italian words.
 * Afterwards the validator passes on the copy and git shows only those changes. A file broken by
 * hand is opened and fixed from the editor (the site meanwhile shows its error page). And the
 * public build has nothing of the editor.
 *
 * `ANNUARIO_EDITOR_SCREENSHOTS=1` also writes the guide's screenshots (docs/img/redazione-*.png).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { axeSource, describeViolations } from '../browser/axe.ts';
import { startDevServer, type DevServerProcess } from '../../scripts/lib/dev-server.ts';
import { validateSource } from '../../src/lib/validate/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const NEW_CARD = 'content/projects/anci-lombardia/sportello-prova.md';
const COVER = 'content/projects/anci-lombardia/copertina-prova.png';
const ORGANIZATION = 'data/organizations/anci-lombardia.yaml';
const STATS = 'data/stats/anci-toscana/eventi.yaml';
const PLAN = 'content/plans/anci-toscana/2021.md';
/** A table whose values live in a CSV beside it, with a cell left empty (no data), added to the copy. */
const CSV_TABLE = 'data/stats/anci-lombardia/sportelli.yaml';
const CSV_VALUES = 'data/stats/anci-lombardia/sportelli.csv';
const SHOTS =
  process.env['ANNUARIO_EDITOR_SCREENSHOTS'] === '1' ? path.join(repoRoot, 'docs', 'img') : path.join(repoRoot, '.annuario', 'screenshots');

let source: string;
let server: DevServerProcess;
let browser: Browser;
let page: Page;

function git(...args: string[]): string {
  return execFileSync('git', ['-C', source, '-c', 'user.name=Prova', '-c', 'user.email=prova@example.invalid', ...args], {
    encoding: 'utf8',
  });
}

/** The lines a file's diff removes and adds (`git diff -U0`, against the work tree or between `commits`), without the headers. */
function changedLines(file: string, ...commits: string[]): { removed: string[]; added: string[] } {
  const lines = git('diff', '-U0', ...commits, '--', file).split('\n');
  return {
    removed: lines.filter((line) => line.startsWith('-') && !line.startsWith('---')).map((line) => line.slice(1)),
    added: lines.filter((line) => line.startsWith('+') && !line.startsWith('+++')).map((line) => line.slice(1)),
  };
}

/** Opens an entry in the editor and waits for its form. */
async function openEntry(file: string): Promise<void> {
  await page.goto(`${server.url}redazione/?voce=${encodeURIComponent(file)}`);
  await page.locator('#modulo').waitFor();
}

/** Picks `value` in a reference picker once the API's options have arrived. */
async function pick(selector: string, value: string): Promise<void> {
  await page.locator(`${selector} option[value="${value}"]`).first().waitFor({ state: 'attached' });
  await page.locator(selector).selectOption(value);
}

/** Saves and returns the diff shown; fails with the problems the page shows when the save is refused. */
async function save(): Promise<string> {
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await page.locator('.esito .riuscito, .esito .errore').first().waitFor();
  const refused = await page.locator('.esito .errore').count();
  expect(refused, `${await page.locator('.esito').innerText()}\n${await page.locator('.riepilogo').innerText()}`).toBe(0);
  return page.locator('.esito pre.diff').innerText();
}

/** axe-core's WCAG 2.1 A and AA rules on the editor as it is now (Astro's dev toolbar is the developer's, not the editor's). */
async function expectAccessible(when: string): Promise<void> {
  type WithAxe = { axe: { run: (context: unknown, options: RunOptions) => Promise<AxeResults> } };
  const { violations } = await page.evaluate(() =>
    (window as unknown as WithAxe).axe.run(
      { exclude: [['astro-dev-toolbar']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] },
    ),
  );
  expect(violations.length, `violazioni di accessibilità (${when}):\n${describeViolations(violations)}`).toBe(0);
}

async function shoot(name: string, width: number): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width, height: width < 800 ? 844 : 900 });
  // Astro's dev toolbar is the developer's, not part of the editor.
  await page.addStyleTag({ content: 'astro-dev-toolbar { display: none !important; }' });
  await page.screenshot({ path: path.join(SHOTS, `redazione-${name}.png`) });
}

beforeAll(async () => {
  source = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-redazione-'));
  for (const dir of ['content', 'data']) fs.cpSync(path.join(repoRoot, dir), path.join(source, dir), { recursive: true });
  fs.writeFileSync(
    path.join(source, CSV_TABLE),
    [
      'title: Sportelli per i Comuni',
      'periods: [2019, 2020, { year: 2021, through: "2021-06", label: giugno 2021 }]',
      'rows:',
      '  - { id: sportelli, label: sportelli aperti }',
      '  - { id: accessi, label: accessi }',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(source, CSV_VALUES), 'riga,2019,2020,2021\nsportelli,3,,5\naccessi,120,140,80\n');
  git('init', '--quiet');
  git('add', '.');
  git('commit', '--quiet', '-m', 'contenuti di partenza');
  server = await startDevServer(source);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'it-IT' });
  await page.addInitScript(axeSource);
  page.on('dialog', (dialog) => void dialog.accept());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (source) fs.rmSync(source, { recursive: true, force: true });
});

describe('the editor, as the communication office uses it', () => {
  test('a new card through the forms, with a wrong budget answered in Italian first', async () => {
    await page.goto(`${server.url}redazione/`);
    const existing = page.getByRole('link').filter({ hasText: 'Compensazioni ambientali' }).first();
    await existing.click();
    await page.locator('#campo-title').waitFor();
    await expect(page.locator('#campo-title').inputValue()).resolves.toContain('Compensazioni ambientali');
    await shoot('elenco', 1280);

    await page.getByRole('button', { name: 'Nuova scheda' }).click();
    await page.locator('#nuova-org').selectOption('anci-lombardia');
    // An identifier with spaces is refused before any file is named after it.
    await page.locator('#nuova-id').fill('Sportello prova');
    await page.getByRole('button', { name: 'Apri il modulo' }).click();
    await expect(page.locator('#nuova-errore').innerText()).resolves.toContain('non va bene come identificativo');
    await page.locator('#nuova-id').fill('sportello-prova');
    await page.getByRole('button', { name: 'Apri il modulo' }).click();

    await page.locator('#campo-kind').selectOption('progetto');
    await page.getByRole('textbox', { name: 'Titolo (obbligatorio)' }).fill('Sportello di prova per i Comuni');
    await page.locator('#campo-summary').fill('Un servizio di prova creato dal browser.');
    await page.locator('#campo-status').selectOption('attivo');

    // Areas: one from the vocabulary, one added to the organization from here.
    await page.getByRole('button', { name: 'Aggiungi a «Aree tematiche»' }).click();
    await pick('#campo-areas-0', 'welfare');
    await page.locator('.nuova-area summary').click();
    await page.locator('#campo-areas-nuova-id').fill('prova-area');
    await page.locator('#campo-areas-nuova-nome').fill('Area di prova');
    await page.getByRole('button', { name: 'Aggiungi l’area' }).click();
    await pick('#campo-areas-1', 'prova-area');

    // A start at month precision.
    await page.locator('#campo-start-precisione').selectOption('month');
    await page.locator('#campo-start').fill('2025-03');

    // A wrong budget: the validator's own words appear at the field, tied to it for screen readers.
    await page.locator('#campo-budget').fill('mille euro');
    await page.waitForFunction(() => (document.getElementById('campo-budget-errore')?.textContent ?? '').includes('importo'), null, {
      timeout: 15_000,
    });
    expect(await page.locator('#campo-budget-errore').innerText()).toContain('atteso un importo in euro');
    await expect(page.locator('#campo-budget').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#campo-budget').getAttribute('aria-describedby')).resolves.toContain('campo-budget-errore');
    await expect(page.locator('.riepilogo').innerText()).resolves.toContain('budget');
    await page.locator('#campo-budget').scrollIntoViewIfNeeded();
    await expectAccessible('una scheda nuova con un errore');
    await shoot('errore', 1280);
    await page.locator('#campo-budget').fill('12.500,50');
    await page.waitForFunction(() => (document.getElementById('campo-budget-errore')?.textContent ?? '') === '', null, { timeout: 15_000 });

    // A partner organization and a related card of another organization.
    await page.getByRole('button', { name: 'Aggiungi a «Partner»' }).click();
    await pick('#campo-partners-0-organization', 'ancilab');
    await page.getByRole('button', { name: 'Aggiungi a «Schede collegate»' }).click();
    await pick('#campo-related-0', 'anci-nazionale/piccoli');

    // The cover: uploaded next to the card, with its text alternative.
    await page.getByRole('button', { name: 'Aggiungi: Immagine di copertina' }).click();
    const png = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#0b5cad' } })
      .png()
      .toBuffer();
    await page.locator('#campo-cover-file').setInputFiles({ name: 'copertina prova.png', mimeType: 'image/png', buffer: png });
    await page.waitForFunction(() => (document.getElementById('campo-cover-src')?.textContent ?? '').startsWith('./'), null, {
      timeout: 15_000,
    });
    // Without its text alternative the image is refused, at the field, before anything is written.
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await expect(page.locator('.esito .errore').innerText()).resolves.toContain('testo alternativo');
    await expect(page.locator('#campo-cover-alt-errore').innerText()).resolves.toContain('Manca il testo alternativo');
    expect(fs.existsSync(path.join(source, NEW_CARD))).toBe(false);
    await page.locator('#campo-cover-alt').fill('Il logo dello sportello di prova');

    // The body, with the preview rendered by the site's own Markdown pipeline.
    await page.locator('#campo-corpo').fill('Lo sportello aiuta i **Comuni** con le pratiche.');
    await page.locator('#campo-corpo ~ button').click();
    await expect(page.locator('#campo-corpo-anteprima strong').innerText()).resolves.toBe('Comuni');
    await shoot('scheda', 1280);
    await shoot('scheda-telefono', 390);
    await expectAccessible('a 390 px');
    // Nothing sticks out sideways on a phone: the grid and the diff scroll inside their own boxes.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    const diff = await save();
    expect(diff).toContain('+title: Sportello di prova per i Comuni');
    const written = fs.readFileSync(path.join(source, NEW_CARD), 'utf8');
    expect(written).toMatch(/^budget: 12500\.5$/m);
    expect(written).toMatch(/^start: ["']?2025-03["']?$/m);
    for (const text of ['welfare', 'prova-area', 'ancilab', 'anci-nazionale/piccoli', 'Il logo dello sportello di prova', '**Comuni**']) {
      expect(written).toContain(text);
    }

    // «Anteprima» opens the card's public page, as readers will see it.
    const [preview] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Anteprima della pagina' }).click(),
    ]);
    await preview.waitForLoadState();
    expect(preview.url()).toContain('/anci-lombardia/');
    await preview.locator('h1').filter({ hasText: 'Sportello di prova per i Comuni' }).waitFor({ timeout: 30_000 });
    await preview.close();
  });

  test('a value of a statistics table, in the grid', async () => {
    await openEntry(STATS);
    // Row «eventi», period «giugno 2024» (the partial one): 50 becomes 55.
    const cell = page.getByRole('textbox', { name: 'eventi, giugno 2024' });
    await expect(cell.inputValue()).resolves.toBe('50');
    await cell.fill('55');
    await page.locator('.statistiche').evaluate((grid) => grid.scrollIntoView({ block: 'start' }));
    await expectAccessible('la griglia di una tabella');
    await shoot('griglia', 1280);
    // With a commit message, the save is also a git commit of this file alone.
    await page.getByLabel('Messaggio di commit (facoltativo)').fill('Eventi: 55 nel primo semestre 2024');
    await save();
    await expect(page.locator('.esito .riuscito').innerText()).resolves.toContain('commit');
    expect(git('log', '-1', '--format=%s').trim()).toBe('Eventi: 55 nel primo semestre 2024');
    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe(STATS);
  });

  test('a value of a table kept in a CSV: the empty cell is «dato assente», and only its line changes', async () => {
    await openEntry(CSV_TABLE);
    const cell = page.getByRole('textbox', { name: 'sportelli aperti, 2020' });
    await expect(cell.inputValue()).resolves.toBe('');
    await expect(cell.getAttribute('placeholder')).resolves.toBe('dato assente');
    await expect(page.getByRole('textbox', { name: 'accessi, giugno 2021' }).inputValue()).resolves.toBe('80');
    await cell.fill('4');
    await save();
  });

  test('an objective added to a plan, continuing one of the previous plan', async () => {
    await openEntry(PLAN);
    const objectives = page.locator('#campo-sections-0-objectives > ol > li');
    const before = await objectives.count();
    await page.locator('#campo-sections-0-objectives > .comandi-lista button.aggiungi').click();
    const base = `#campo-sections-0-objectives-${before}`;
    await page.locator(`${base}-id`).fill('obiettivo-prova');
    await page.locator(`${base}-text`).fill('Un obiettivo di prova che prosegue il tour delle Unioni');
    await pick(`${base}-continues`, 'anci-toscana/2018/tour-unioni');
    await page.locator(`${base}-continues`).scrollIntoViewIfNeeded();
    await shoot('piano', 1280);
    await save();
  });
});

describe('afterwards', () => {
  test('the validator passes on the copy', () => {
    const { errors, problems } = validateSource(source);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(errors).toBe(0);
  });

  test('git shows only those changes', () => {
    const status = git('status', '--porcelain', '--untracked-files=all').trimEnd().split('\n').sort();
    // The image's name is made safe for a file («copertina prova.png» → copertina-prova.png).
    // The statistics table was committed by the editor (its change is in the last commit).
    expect(status).toEqual([` M ${PLAN}`, ` M ${ORGANIZATION}`, ` M ${CSV_VALUES}`, `?? ${COVER}`, `?? ${NEW_CARD}`]);
    expect(changedLines(CSV_VALUES)).toEqual({ removed: ['sportelli,3,,5'], added: ['sportelli,3,4,5'] });
    const stats = changedLines(STATS, 'HEAD~1', 'HEAD');
    expect(stats.removed).toHaveLength(1);
    expect(stats.added).toEqual([stats.removed[0]?.replace('103, 50]', '103, 55]')]);
    expect(stats.removed[0]).toContain('103, 50]');

    const organization = changedLines(ORGANIZATION);
    expect(organization.removed).toEqual([]);
    expect(organization.added.join('\n')).toMatch(/prova-area[\s\S]*Area di prova/);

    const plan = changedLines(PLAN);
    expect(plan.removed).toEqual([]);
    expect(plan.added.join('\n')).toContain('obiettivo-prova');
    expect(plan.added.join('\n')).toContain('continues: anci-toscana/2018/tour-unioni');
  });
});

describe('a file broken by hand', () => {
  test('the editor still opens (the site shows the error page), names the problem at its field, and fixes it', async () => {
    const card = 'content/projects/anci-lombardia/atlante.md';
    const original = fs.readFileSync(path.join(source, card), 'utf8');
    fs.writeFileSync(path.join(source, card), original.replace(/^status: .*$/m, 'status: chiusissimo'));
    await openEntry(card);
    await page.waitForFunction(() => (document.getElementById('campo-status-errore')?.textContent ?? '').includes('atteso uno di'), null, {
      timeout: 15_000,
    });
    // Saved as it is, the draft is refused: nothing is written, and the editor is told why.
    const broken = fs.readFileSync(path.join(source, card), 'utf8');
    await page.locator('#campo-summary').fill('Sintesi cambiata ma non salvata');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await expect(page.locator('.esito .errore').innerText()).resolves.toMatch(
      /^Non salvato: la bozza ha 1 errore\. Il file non è stato toccato/,
    );
    expect(fs.readFileSync(path.join(source, card), 'utf8')).toBe(broken);
    await page.locator('#campo-summary').fill(/^summary: (.*)$/m.exec(original)?.[1] ?? '');
    await page.locator('#campo-status').selectOption('concluso');
    await save();
    expect(fs.readFileSync(path.join(source, card), 'utf8')).toBe(original);
  });
});

describe('a file changed by hand while it is open in the form', () => {
  test('saving is refused with an Italian message, the hand edit stays, and the draft stays in the form', async () => {
    const card = 'content/projects/anci-lombardia/atlante.md';
    const before = fs.readFileSync(path.join(source, card), 'utf8');
    await openEntry(card);
    await page.locator('#campo-summary').fill('Sintesi scritta nel modulo');
    const byHand = before.replace(/^title: .*$/m, 'title: Titolo cambiato a mano');
    fs.writeFileSync(path.join(source, card), byHand);
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await expect(page.locator('.esito .errore').innerText()).resolves.toMatch(/modificato fuori dall'editor dopo che l'hai aperto/);
    expect(fs.readFileSync(path.join(source, card), 'utf8')).toBe(byHand);
    await expect(page.locator('#campo-summary').inputValue()).resolves.toBe('Sintesi scritta nel modulo');
    fs.writeFileSync(path.join(source, card), before);
  });
});

describe('the public build', () => {
  test('has nothing of the editor', () => {
    const siteDir = inject('siteDir');
    const files = fs.readdirSync(siteDir, { recursive: true, encoding: 'utf8' });
    expect(files.filter((file) => /redazione/i.test(file))).toEqual([]);
    const pages = files.filter((file) => /\.(js|html)$/.test(file));
    expect(pages.length).toBeGreaterThan(10);
    const mentions = pages.filter((file) => fs.readFileSync(path.join(siteDir, file), 'utf8').includes('redazione/api'));
    expect(mentions).toEqual([]);
  });
});
