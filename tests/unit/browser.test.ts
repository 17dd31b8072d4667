import { describe, expect, test } from 'vitest';
import {
  availableBrowsers,
  browserLabel,
  chooseBrowser,
  installedBrowserCandidates,
  noBrowserMessage,
  type BrowserHost,
} from '../../scripts/lib/browser.ts';

/** A fake machine: which files exist, its platform and environment, whether `@sparticuz/chromium` is installed. */
function host(platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}, arch = 'x64', bundled = true): BrowserHost {
  return { platform, arch, env, exists: (file) => files.includes(file), bundledInstalled: () => bundled };
}

const WIN_ENV = {
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local',
};

describe('browser resolution order', () => {
  test.each([
    [
      'CHROME_PATH wins over an installed browser',
      host('linux', ['/opt/my/chrome', '/usr/bin/chromium'], { CHROME_PATH: '/opt/my/chrome' }),
      { kind: 'path', executablePath: '/opt/my/chrome', source: 'CHROME_PATH' },
    ],
    [
      'CHROME_PATH wins over the bundled Chromium',
      host('linux', ['/usr/bin/chromium'], { CHROME_PATH: '/usr/bin/chromium' }),
      { kind: 'path', executablePath: '/usr/bin/chromium', source: 'CHROME_PATH' },
    ],
    ['Linux x64: the pinned bundled Chromium before Debian chromium', host('linux', ['/usr/bin/chromium']), { kind: 'bundled' }],
    ['nothing installed on Linux x64: the bundled Chromium', host('linux', []), { kind: 'bundled' }],
    [
      'Linux x64 without the npm package: Debian chromium',
      host('linux', ['/usr/bin/chromium', '/usr/bin/google-chrome'], {}, 'x64', false),
      { kind: 'path', executablePath: '/usr/bin/chromium', source: 'installed' },
    ],
    [
      'Google Chrome stable on Linux arm64',
      host('linux', ['/usr/bin/google-chrome-stable'], {}, 'arm64'),
      { kind: 'path', executablePath: '/usr/bin/google-chrome-stable', source: 'installed' },
    ],
    [
      'Edge on Linux arm64',
      host('linux', ['/usr/bin/microsoft-edge'], {}, 'arm64'),
      { kind: 'path', executablePath: '/usr/bin/microsoft-edge', source: 'installed' },
    ],
    [
      'installed browsers hidden by ANNUARIO_NO_INSTALLED_BROWSER',
      host('linux', ['/usr/bin/chromium'], { ANNUARIO_NO_INSTALLED_BROWSER: '1' }, 'x64', false),
      { kind: 'none' },
    ],
    ['nothing installed on Linux arm64: none', host('linux', [], {}, 'arm64'), { kind: 'none' }],
    [
      'Chrome on macOS',
      host('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']),
      { kind: 'path', executablePath: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', source: 'installed' },
    ],
    [
      'Edge in the user Applications on macOS',
      host('darwin', ['/Users/a/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'], { HOME: '/Users/a' }),
      { kind: 'path', executablePath: '/Users/a/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', source: 'installed' },
    ],
    ['nothing on macOS: none', host('darwin', [], {}, 'arm64'), { kind: 'none' }],
    [
      'Chrome on Windows',
      host('win32', ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], WIN_ENV),
      { kind: 'path', executablePath: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', source: 'installed' },
    ],
    [
      'Edge (x86) on Windows',
      host('win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], WIN_ENV),
      { kind: 'path', executablePath: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', source: 'installed' },
    ],
    ['nothing on Windows: none', host('win32', [], WIN_ENV), { kind: 'none' }],
  ])('%s', (_name, machine, expected) => {
    expect(chooseBrowser(machine)).toEqual(expected);
  });

  test('a CHROME_PATH that does not exist is an error, not a silent fallback', () => {
    expect(() =>
      chooseBrowser(host('linux', ['/usr/bin/chromium'], { CHROME_PATH: '/opt/typo/chrome' })),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: CHROME_PATH indica «/opt/typo/chrome», ma il file non esiste. Correggi il percorso o togli la variabile.]`,
    );
  });

  test('an empty CHROME_PATH is ignored', () => {
    expect(chooseBrowser(host('linux', ['/usr/bin/chromium'], { CHROME_PATH: ' ' }, 'arm64'))).toMatchObject({ source: 'installed' });
  });
});

describe('every browser of the machine, for the PDF tests', () => {
  test.each([
    ['Linux x64 with Debian chromium', host('linux', ['/usr/bin/chromium']), ['@sparticuz/chromium', '/usr/bin/chromium']],
    ['Linux x64 without a system browser', host('linux', []), ['@sparticuz/chromium']],
    ['system browser hidden', host('linux', ['/usr/bin/chromium'], { ANNUARIO_NO_INSTALLED_BROWSER: '1' }), ['@sparticuz/chromium']],
    [
      'CHROME_PATH first, the same browser once',
      host('linux', ['/usr/bin/chromium'], { CHROME_PATH: '/usr/bin/chromium' }),
      ['/usr/bin/chromium', '@sparticuz/chromium'],
    ],
    [
      'macOS: the installed Chrome only',
      host('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], {}, 'arm64'),
      ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ],
    ['nothing at all', host('linux', [], {}, 'arm64'), []],
  ])('%s', (_name, machine, expected) => {
    expect(availableBrowsers(machine).map(browserLabel)).toEqual(expected);
  });
});

describe('install locations', () => {
  test.each([
    ['linux', '/usr/bin/chromium-browser'],
    ['darwin', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ['win32', 'C:\\Users\\a\\AppData\\Local\\Chromium\\Application\\chrome.exe'],
  ] as const)('%s includes %s', (platform, file) => {
    expect(installedBrowserCandidates(platform, WIN_ENV)).toContain(file);
  });
});

test('the message without a browser says how to get one, in Italian', () => {
  const message = noBrowserMessage({ platform: 'darwin', arch: 'arm64' });
  expect(message).toContain('CHROME_PATH=');
  expect(message).toContain('installa Chromium');
});
