/**
 * Finding a Chromium-family browser for the real-browser tests and the PDF step, in this order:
 * `CHROME_PATH`, an installed Chrome / Chromium / Edge at its usual place, then the Chromium
 * bundled in the npm package `@sparticuz/chromium` (Linux x64 only). The choice is a pure
 * function of an injected host (platform, env, file existence) so the order is unit-tested.
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

/**
 * The pure resolution order. `CHROME_PATH` wins and must exist (a typo should not silently fall
 * back to another browser); then installed browsers; then the bundled one where it runs.
 */
export function chooseBrowser(host: BrowserHost): BrowserChoice {
  const explicit = host.env['CHROME_PATH']?.trim();
  if (explicit) {
    if (!host.exists(explicit)) {
      throw new Error(`CHROME_PATH indica «${explicit}», ma il file non esiste. Correggi il percorso o togli la variabile.`);
    }
    return { kind: 'path', executablePath: explicit, source: 'CHROME_PATH' };
  }
  const installed = installedBrowserCandidates(host.platform, host.env).find((file) => host.exists(file));
  if (installed) return { kind: 'path', executablePath: installed, source: 'installed' };
  if (host.platform === 'linux' && host.arch === 'x64') return { kind: 'bundled' };
  return { kind: 'none' };
}

const systemHost: BrowserHost = {
  platform: process.platform,
  arch: process.arch,
  env: process.env,
  exists: (file) => fs.existsSync(file),
};

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
    const stamp = `${binDir} ${fs.statSync(path.join(binDir, 'chromium.br')).size}`;
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

/** The browser to use on this machine (see the module comment for the order). */
export async function resolveBrowser(host: BrowserHost = systemHost): Promise<ResolvedBrowser> {
  const choice = chooseBrowser(host);
  if (choice.kind === 'path') return { executablePath: choice.executablePath, env: processEnv(), source: choice.source };
  if (choice.kind === 'bundled') return bundledBrowser();
  throw new Error(noBrowserMessage(host));
}

/** Launches the resolved browser headless through playwright-core; `options` add to (or override) the defaults. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const browser = await resolveBrowser();
  return chromium.launch({
    executablePath: browser.executablePath,
    env: browser.env,
    headless: true,
    ...options,
    args: [...BROWSER_ARGS, ...(options.args ?? [])],
  });
}
