/**
 * Finding a Chromium-family browser for the real-browser tests and the PDF step, in this order:
 * `CHROME_PATH`, then the Chromium pinned in the npm package `@sparticuz/chromium` where it runs
 * (Linux x64), then an installed Chrome / Chromium / Edge at its usual place. The pinned browser
 * comes first because the PDFs are the product: the same version on every machine gives the same
 * pagination, whatever Chrome the editor's system updates to; installed browsers serve the
 * machines the bundled one cannot run on (macOS, Windows, Linux arm64). Setting
 * `ANNUARIO_NO_INSTALLED_BROWSER=1` makes installed browsers invisible (to try a machine without
 * one). The choice is a pure function of an injected host so the order is unit-tested.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, LaunchOptions } from 'playwright-core';

/** Where the browser came from, for messages and reports. */
export type BrowserSource = 'CHROME_PATH' | 'installed' | '@sparticuz/chromium';

/** A browser ready to launch: the executable and the full environment of its process. */
export interface ResolvedBrowser {
  executablePath: string;
  env: Record<string, string>;
  source: BrowserSource;
}

/** What the resolution looks at; tests pass a fake one. */
export interface BrowserHost {
  platform: NodeJS.Platform;
  arch: string;
  env: Record<string, string | undefined>;
  exists: (file: string) => boolean;
  /** Whether the npm package `@sparticuz/chromium` is installed (it is a devDependency). */
  bundledInstalled: () => boolean;
}

/** The outcome of the pure part: a browser on disk, the bundled one, or none at all. */
export type BrowserChoice =
  { kind: 'path'; executablePath: string; source: 'CHROME_PATH' | 'installed' } | { kind: 'bundled' } | { kind: 'none' };

/** The flags every launch uses: headless, no sandbox (containers, root), nothing phoning home. */
export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Usual install locations of Chrome, Chromium and Edge on each platform, most common first. */
export function installedBrowserCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const roots = ['/Applications', ...(env['HOME'] ? [path.posix.join(env['HOME'], 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => path.posix.join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((root): root is string => Boolean(root));
    const apps = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ];
}

/** Italian explanation of how to get a browser, for when none was found. */
export function noBrowserMessage(host: Pick<BrowserHost, 'platform' | 'arch'>): string {
  return [
    `Nessun browser Chrome, Chromium o Edge trovato (sistema: ${host.platform} ${host.arch}).`,
    'Serve per i PDF e per i test nel browser. Per risolvere:',
    '  - installa Chromium (Debian/Ubuntu: sudo apt install chromium) o Google Chrome, oppure',
    '  - indica il percorso di un browser già installato: CHROME_PATH=/percorso/del/browser npm run …',
    'Su Linux x64 basta anche il pacchetto npm @sparticuz/chromium (npm install).',
  ].join('\n');
}

/** `CHROME_PATH` when set; it must exist (a typo should not silently fall back to another browser). */
function explicitBrowser(host: BrowserHost): BrowserChoice | undefined {
  const explicit = host.env['CHROME_PATH']?.trim();
  if (!explicit) return undefined;
  if (!host.exists(explicit)) {
    throw new Error(`CHROME_PATH indica «${explicit}», ma il file non esiste. Correggi il percorso o togli la variabile.`);
  }
  return { kind: 'path', executablePath: explicit, source: 'CHROME_PATH' };
}

/** The bundled Chromium, where its package is installed and its binary runs (Linux x64 only). */
function bundledBrowserChoice(host: BrowserHost): BrowserChoice | undefined {
  return host.platform === 'linux' && host.arch === 'x64' && host.bundledInstalled() ? { kind: 'bundled' } : undefined;
}

/** The first installed Chrome / Chromium / Edge, unless `ANNUARIO_NO_INSTALLED_BROWSER` hides them. */
function installedBrowser(host: BrowserHost): BrowserChoice | undefined {
  if (host.env['ANNUARIO_NO_INSTALLED_BROWSER']?.trim()) return undefined;
  const installed = installedBrowserCandidates(host.platform, host.env).find((file) => host.exists(file));
  return installed ? { kind: 'path', executablePath: installed, source: 'installed' } : undefined;
}

/** The pure resolution order: `CHROME_PATH`, the pinned bundled Chromium, an installed browser. */
export function chooseBrowser(host: BrowserHost): BrowserChoice {
  return explicitBrowser(host) ?? bundledBrowserChoice(host) ?? installedBrowser(host) ?? { kind: 'none' };
}

/**
 * Every distinct browser this machine offers, the default first: the tests of the PDF step run
 * on each, so a change that works on the pinned Chromium but breaks on the editor's newer Chrome
 * (or the other way round) fails here rather than in a user's build.
 */
export function availableBrowsers(host: BrowserHost): BrowserChoice[] {
  const found = [explicitBrowser(host), bundledBrowserChoice(host), installedBrowser(host)].filter(
    (choice): choice is BrowserChoice => choice !== undefined,
  );
  const key = (choice: BrowserChoice) => (choice.kind === 'path' ? choice.executablePath : choice.kind);
  return found.filter((choice, index) => found.findIndex((other) => key(other) === key(choice)) === index);
}

/** A short name of a choice for test titles and logs, e.g. `@sparticuz/chromium` or `/usr/bin/chromium`. */
export function browserLabel(choice: BrowserChoice): string {
  if (choice.kind === 'path') return choice.executablePath;
  return choice.kind === 'bundled' ? '@sparticuz/chromium' : 'nessun browser';
}

const systemHost: BrowserHost = {
  platform: process.platform,
  arch: process.arch,
  env: process.env,
  exists: (file) => fs.existsSync(file),
  bundledInstalled: () => {
    try {
      import.meta.resolve('@sparticuz/chromium');
      return true;
    } catch {
      return false;
    }
  },
};

/** The browsers of this machine (see `availableBrowsers`). */
export function browsersOnThisMachine(): BrowserChoice[] {
  return availableBrowsers(systemHost);
}

/** The current environment as a plain string map (what Playwright passes to the browser). */
function processEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Sleeps; used while another process unpacks the bundled browser. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` holding a cross-process lock (a directory), so parallel test workers do not unpack
 * the bundled browser into the same temp folder at once and launch a half-written binary.
 */
async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline)
        throw new Error(`Attesa troppo lunga per ${lockDir}: se nessun altro processo lo usa, cancellalo.`, { cause: error });
      else await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Unpacks `@sparticuz/chromium` into the temp folder (once; later calls reuse it) together with
 * the shared libraries it needs outside AWS Lambda, which go on the browser's LD_LIBRARY_PATH
 * only, and its fonts for fontconfig.
 */
async function bundledBrowser(): Promise<ResolvedBrowser> {
  let chromium: typeof import('@sparticuz/chromium');
  try {
    chromium = await import('@sparticuz/chromium');
  } catch {
    throw new Error(noBrowserMessage(systemHost));
  }
  const binDir = path.join(path.dirname(new URL(import.meta.resolve('@sparticuz/chromium')).pathname), '..', 'bin');
  const tmp = os.tmpdir();
  const { executablePath, libDir } = await withLock(path.join(tmp, 'annuario-chromium.lock'), async () => {
    // The package reuses whatever is in the temp folder; an unpack cut short (Ctrl-C) would leave
    // a broken browser there for good. A marker written after a complete unpack tells them apart.
    const marker = path.join(tmp, 'annuario-chromium.ok');
    // The stamp names the archive by its size only, not by its folder: every checkout on the
    // machine shares the temp folder, and a stamp with the path made each checkout wipe the
    // browser another one was launching (ETXTBSY, «executable doesn't exist»).
    const stamp = `chromium.br ${fs.statSync(path.join(binDir, 'chromium.br')).size}`;
    if (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== stamp) {
      for (const stale of ['chromium', 'al2023']) fs.rmSync(path.join(tmp, stale), { recursive: true, force: true });
    }
    const executable = await chromium.default.executablePath(binDir);
    const al2023 = await chromium.inflate(path.join(binDir, 'al2023.tar.br'));
    fs.writeFileSync(marker, stamp);
    return { executablePath: executable, libDir: path.join(al2023, 'lib') };
  });
  const env = processEnv();
  env['LD_LIBRARY_PATH'] = [libDir, ...(env['LD_LIBRARY_PATH'] ? [env['LD_LIBRARY_PATH']] : [])].join(':');
  env['FONTCONFIG_PATH'] ??= path.join(os.tmpdir(), 'fonts');
  return { executablePath, env, source: '@sparticuz/chromium' };
}

/** The browser to use on this machine (see the module comment for the order), or the given choice. */
export async function resolveBrowser(
  host: BrowserHost = systemHost,
  choice: BrowserChoice = chooseBrowser(host),
): Promise<ResolvedBrowser> {
  if (choice.kind === 'path') return { executablePath: choice.executablePath, env: processEnv(), source: choice.source };
  if (choice.kind === 'bundled') return bundledBrowser();
  throw new Error(noBrowserMessage(host));
}

/**
 * Launches the resolved browser (or the given choice, e.g. one of `browsersOnThisMachine()`)
 * headless through playwright-core; `options` add to (or override) the defaults.
 */
export async function launchBrowser(options: LaunchOptions = {}, choice?: BrowserChoice): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const browser = await resolveBrowser(systemHost, choice ?? chooseBrowser(systemHost));
  return chromium.launch({
    executablePath: browser.executablePath,
    env: browser.env,
    headless: true,
    ...options,
    args: [...BROWSER_ARGS, ...(options.args ?? [])],
  });
}
